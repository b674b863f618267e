// Property: for any chart, entry and sensible config, the analysis either gives a stop on
// the protective side, on the tick grid and within the distance bounds, or a named
// rejection — and never throws.
#include "robson/domain/technical_stop.hpp"
#include "robson/testing/domain_printing.hpp"
#include "technical_stop_test_candles.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <vector>

using robson::domain::Candle;
using robson::domain::Decimal;
using robson::domain::Rounding;
using robson::domain::Side;
using robson::domain::StopConfidence;
using robson::domain::StopConfig;
using robson::domain::StopMethod;
using robson::domain::SymbolRules;
using namespace robson::domain::decimal_literals;
namespace bdata = boost::unit_test::data;
namespace tc = robson::domain::test_candles;

namespace {

struct Market {
    double start = 0.0;
    Decimal tick;
};

const std::array<Market, 5> kMarkets{{{0.00001234, "0.00000001"_d},
                                      {1.2345, "0.0001"_d},
                                      {95432.10, "0.01"_d},
                                      {30000.0, "1"_d},
                                      {5000000.0, "0.01"_d}}};

template <typename T, std::size_t N>
const T& pick(std::mt19937_64& rng, const std::array<T, N>& options) {
    return options[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

Decimal onGrid(double value, Decimal tick, Rounding rounding) {
    return max(Decimal::fromDouble(value, rounding).roundToStep(tick, rounding), tick);
}

/// A random walk with gaps and flat stretches; prices on a coarse or fine grid.
std::vector<Candle> randomCandles(std::mt19937_64& rng, const Market& market, Decimal grid) {
    const auto count = std::uniform_int_distribution<int>(0, 160)(rng);
    const double volatility = pick(rng, std::array<double, 4>{0.0, 0.002, 0.01, 0.04});
    std::normal_distribution<double> noise(0.0, 1.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<Candle> candles;
    double close = market.start;
    for (int i = 0; i < count; ++i) {
        double open = close;
        if (unit(rng) < 0.03) {
            open *= unit(rng) < 0.5 ? 0.95 : 1.05;  // a gap
        }
        close = std::max(open * (1.0 + volatility * noise(rng)), market.start * 0.01);
        const double high = std::max(open, close) * (1.0 + volatility * std::abs(noise(rng)));
        const double low = std::min(open, close) * (1.0 - volatility * std::abs(noise(rng)));
        const Decimal o = onGrid(open, grid, Rounding::HalfEven);
        const Decimal c = onGrid(close, grid, Rounding::HalfEven);
        const Decimal h = max(onGrid(high, grid, Rounding::Ceiling), max(o, c));
        const Decimal l = min(onGrid(low, grid, Rounding::Floor), min(o, c));
        candles.push_back(tc::candle(candles.size(), o, h, l, c));
    }
    return candles;
}

StopConfig randomConfig(std::mt19937_64& rng) {
    std::uniform_int_distribution<int> one_to_three(1, 3);
    StopConfig config;
    config.level_n = one_to_three(rng);
    config.pivot_bars = one_to_three(rng);
    config.min_touches = std::uniform_int_distribution<int>(1, 2)(rng);
    config.cluster_tolerance_rate = pick(rng, std::array{"0"_d, "0.0005"_d, "0.005"_d, "0.02"_d});
    config.level_buffer_rate = pick(rng, std::array{"0"_d, "0.001"_d, "0.01"_d});
    config.min_distance_rate = pick(rng, std::array{"0"_d, "0.001"_d, "0.005"_d});
    config.max_distance_rate = pick(rng, std::array{"0.05"_d, "0.1"_d, "0.3"_d});
    config.atr_period = pick(rng, std::array{3, 14});
    config.lookback = pick(rng, std::array{5, 50, 100, 200});
    return config;
}

struct Tally {
    int level = 0;
    int atr = 0;
    int rejected = 0;
};

void checkOne(std::mt19937_64& rng, Tally& tally) {
    const Market& market = pick(rng, kMarkets);
    const bool coarse = std::uniform_int_distribution<int>(0, 3)(rng) == 0;  // many equal lows
    const Decimal grid = coarse ? mulInteger(market.tick, 100) : market.tick;
    const auto candles = randomCandles(rng, market, grid);
    const Side side = std::uniform_int_distribution<int>(0, 1)(rng) == 0 ? Side::Buy : Side::Sell;
    const double last = candles.empty() ? market.start : candles.back().close.toDouble();
    const double drift = std::normal_distribution<double>(0.0, 0.01)(rng);
    const Decimal entry = onGrid(last * (1.0 + drift), market.tick, Rounding::HalfEven);
    const StopConfig config = randomConfig(rng);
    SymbolRules rules = robson::domain::defaultSpotRules("BTCUSDT");
    rules.tick_size = market.tick;

    const auto a = robson::domain::analyzeTechnicalStop(candles, side, entry, config, rules);
    BOOST_TEST(!robson::domain::explainTechnicalStop(a).empty());
    for (std::size_t i = 0; i < a.levels.size(); ++i) {
        BOOST_TEST((side == Side::Buy ? a.levels[i].price < entry : a.levels[i].price > entry));
        BOOST_TEST(a.levels[i].touches >= config.min_touches);
        BOOST_TEST((i == 0 || a.levels[i - 1].distance <= a.levels[i].distance));
    }
    if (!a.stop) {
        BOOST_REQUIRE(a.rejection.has_value());
        BOOST_TEST(!a.rejection->message.empty());
        BOOST_TEST(!a.confidence.has_value());
        ++tally.rejected;
        return;
    }
    BOOST_TEST(!a.rejection.has_value());
    BOOST_TEST((side == Side::Buy ? *a.stop < entry : *a.stop > entry));
    BOOST_TEST(a.stop->isMultipleOf(market.tick));
    BOOST_TEST(!robson::domain::validateStop(side, entry, *a.stop, config).has_value());
    BOOST_REQUIRE(a.method.has_value());
    if (*a.method == StopMethod::Level) {
        BOOST_REQUIRE(a.chosen_level.has_value());
        BOOST_TEST(*a.chosen_level >= config.level_n);
        BOOST_TEST((a.confidence == StopConfidence::High) == (*a.chosen_level == config.level_n));
        ++tally.level;
    } else {
        BOOST_TEST(a.confidence == StopConfidence::Low);
        BOOST_TEST(a.atr.has_value());
        ++tally.atr;
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(technical_stop_property)

BOOST_DATA_TEST_CASE(any_chart_gives_a_protective_stop_or_a_named_rejection,
                     bdata::xrange(16),
                     seed) {
    std::mt19937_64 rng(static_cast<std::uint64_t>(seed) * 7919U + 1U);
    Tally tally;
    for (int i = 0; i < 250; ++i) {
        checkOne(rng, tally);
    }
    BOOST_TEST_MESSAGE("seed " << seed << ": " << tally.level << " level, " << tally.atr << " ATR, "
                               << tally.rejected << " rejected");
    // Every seed should exercise all three outcomes, or the generator has gone stale.
    BOOST_TEST(tally.level > 0);
    BOOST_TEST(tally.atr > 0);
    BOOST_TEST(tally.rejected > 0);
}

BOOST_AUTO_TEST_SUITE_END()
