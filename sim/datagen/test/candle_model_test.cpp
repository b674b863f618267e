// The seeded candle model: deterministic, well formed, and shaped like a real market.
#include "robson/datagen/candle_model.hpp"

#include "robson/datagen/csv_writer.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <vector>

using robson::datagen::generateCandles;
using robson::datagen::ModelParams;
using robson::domain::Candle;
using robson::domain::Decimal;
using namespace robson::domain::decimal_literals;

namespace {

constexpr std::int64_t kStart = 1'774'166'400'000;  // 2026-03-22 08:00 UTC

ModelParams solParams(std::int64_t count, std::uint64_t seed) {
    return ModelParams{"SOLUSDT", 900'000, "180"_d, count, seed, kStart};
}

std::string asCsv(const std::vector<Candle>& candles) {
    std::ostringstream out;
    robson::datagen::writeKlineCsv(out, candles);
    return out.str();
}

std::vector<double> logReturns(const std::vector<Candle>& candles) {
    std::vector<double> returns;
    returns.reserve(candles.size());
    for (const Candle& c : candles) {
        returns.push_back(std::log(c.close.toDouble() / c.open.toDouble()));
    }
    return returns;
}

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
    const auto n = static_cast<double>(x.size());
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n;
    const double my = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double sxy = 0.0;
    double sxx = 0.0;
    double syy = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
}

double stdDev(const std::vector<double>& x) {
    const auto n = static_cast<double>(x.size());
    const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
    double sum = 0.0;
    for (const double v : x) {
        sum += (v - mean) * (v - mean);
    }
    return std::sqrt(sum / n);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(candle_model)

BOOST_AUTO_TEST_CASE(the_same_seed_gives_the_same_bytes_and_another_seed_does_not) {
    const std::string first = asCsv(generateCandles(solParams(2000, 7)));
    BOOST_TEST(first == asCsv(generateCandles(solParams(2000, 7))));
    BOOST_TEST(first != asCsv(generateCandles(solParams(2000, 8))));
}

BOOST_AUTO_TEST_CASE(every_generated_bar_is_well_formed_continuous_and_on_the_grid) {
    const auto candles = generateCandles(solParams(5000, 3));
    BOOST_TEST_REQUIRE(candles.size() == 5000U);
    BOOST_TEST(candles.front().open == "180"_d);
    for (std::size_t i = 0; i < candles.size(); ++i) {
        const Candle& c = candles[i];
        BOOST_TEST_REQUIRE(robson::domain::isWellFormed(c));
        BOOST_TEST_REQUIRE(c.low <= min(c.open, c.close));
        BOOST_TEST_REQUIRE(c.high >= max(c.open, c.close));
        for (const Decimal price : {c.open, c.high, c.low, c.close}) {
            BOOST_TEST_REQUIRE(price.isMultipleOf("0.01"_d));
            BOOST_TEST_REQUIRE(price.isPositive());
        }
        BOOST_TEST_REQUIRE(c.volume.isPositive());
        BOOST_TEST_REQUIRE(c.volume.isMultipleOf("0.001"_d));
        const auto offset = static_cast<std::int64_t>(i) * 900'000;
        BOOST_TEST_REQUIRE(c.open_time_ms == kStart + offset);
        BOOST_TEST_REQUIRE(c.close_time_ms == c.open_time_ms + 899'999);
        if (i > 0) {
            BOOST_TEST_REQUIRE(c.open == candles[i - 1].close);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_volume_step_follows_the_symbol_rules) {
    ModelParams params = solParams(200, 1);
    params.symbol = "BTCUSDT";
    params.start_price = "80000"_d;
    for (const Candle& c : generateCandles(params)) {
        BOOST_TEST_REQUIRE(c.volume.isMultipleOf("0.00001"_d));
        BOOST_TEST_REQUIRE(c.close.isMultipleOf("0.01"_d));
    }
}

BOOST_AUTO_TEST_CASE(fifteen_minute_volatility_is_that_of_a_large_crypto_asset) {
    const double sigma = stdDev(logReturns(generateCandles(solParams(16000, 7))));
    // Real BTC/ETH/SOL 15m bars move about 0.2 % to 0.8 % (daily 2 % to 8 %).
    BOOST_TEST(sigma > 0.002);
    BOOST_TEST(sigma < 0.008);
}

BOOST_AUTO_TEST_CASE(coarser_bars_scale_volatility_with_the_square_root_of_time) {
    ModelParams params = solParams(4000, 5);
    const double sigma_15m = stdDev(logReturns(generateCandles(params)));
    params.interval_ms = std::int64_t{4} * 3'600'000;
    const double sigma_4h = stdDev(logReturns(generateCandles(params)));
    BOOST_TEST(sigma_4h / sigma_15m > 2.5);  // sqrt(16) = 4, less the mean reversion
    BOOST_TEST(sigma_4h / sigma_15m < 5.0);
}

BOOST_AUTO_TEST_CASE(volatility_clusters_in_time) {
    std::vector<double> moves = logReturns(generateCandles(solParams(16000, 7)));
    for (double& m : moves) {
        m = std::abs(m);
    }
    const std::vector<double> now(moves.begin(), moves.end() - 1);
    const std::vector<double> next(moves.begin() + 1, moves.end());
    BOOST_TEST(correlation(now, next) > 0.08);  // independent draws would give about 0
}

BOOST_AUTO_TEST_CASE(volume_grows_with_the_size_of_the_move) {
    const auto candles = generateCandles(solParams(8000, 11));
    std::vector<double> moves = logReturns(candles);
    std::vector<double> volumes;
    for (std::size_t i = 0; i < candles.size(); ++i) {
        moves[i] = std::abs(moves[i]);
        volumes.push_back(candles[i].volume.toDouble());
    }
    BOOST_TEST(correlation(moves, volumes) > 0.3);
}

BOOST_AUTO_TEST_CASE(prices_swing_in_legs_and_stay_within_a_plausible_band) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const auto candles = generateCandles(solParams(16000, seed));
        // Zig-zag at 5 %: count the legs that reverse by at least 5 % from their extreme.
        int legs = 0;
        bool rising = true;
        double extreme = candles.front().close.toDouble();
        double lowest = extreme;
        double highest = extreme;
        for (const Candle& c : candles) {
            const double price = c.close.toDouble();
            lowest = std::min(lowest, price);
            highest = std::max(highest, price);
            if (rising ? price > extreme : price < extreme) {
                extreme = price;
            } else if (std::abs(price / extreme - 1.0) >= 0.05) {
                rising = !rising;
                extreme = price;
                ++legs;
            }
        }
        BOOST_TEST(legs >= 10, "seed " << seed << ": " << legs << " legs");
        BOOST_TEST(lowest > 60.0, "seed " << seed);
        BOOST_TEST(highest < 540.0, "seed " << seed);
    }
}

BOOST_AUTO_TEST_CASE(unusable_parameters_are_refused) {
    ModelParams params = solParams(0, 1);
    BOOST_CHECK_THROW((void)generateCandles(params), std::invalid_argument);
    params = solParams(10, 1);
    params.start_price = "0"_d;
    BOOST_CHECK_THROW((void)generateCandles(params), std::invalid_argument);
    params = solParams(10, 1);
    params.start_time_ms = kStart + 1;
    BOOST_CHECK_THROW((void)generateCandles(params), std::invalid_argument);
    params = solParams(10, 1);
    params.interval_ms = 0;
    BOOST_CHECK_THROW((void)generateCandles(params), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
