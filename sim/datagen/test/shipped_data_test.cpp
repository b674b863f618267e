// The simulator's default candle files (sim/data): complete, regular, and consistent with
// how sim/data/README.md says each was made.
#include "robson/datagen/aggregate.hpp"
#include "robson/datagen/candle_model.hpp"
#include "robson/datagen/interval.hpp"
#include "robson/marketdata/kline_csv.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;
using robson::domain::Candle;
using namespace robson::domain::decimal_literals;

namespace {

struct ShippedFile {
    std::string name;  ///< <SYMBOL>-<interval>
    std::string interval;
    std::size_t rows;
};
std::ostream& operator<<(std::ostream& out, const ShippedFile& file) {
    return out << file.name;
}

const std::vector<ShippedFile> kShipped{
    {"BTCUSDT-15m", "15m", 1039},
    {"BTCUSDT-30m", "30m", 519},
    {"BTCUSDT-1h", "1h", 999},
    {"BTCUSDT-4h", "4h", 999},
    {"ETHUSDT-15m", "15m", 1039},
    {"ETHUSDT-30m", "30m", 519},
    {"ETHUSDT-1h", "1h", 999},
    {"ETHUSDT-4h", "4h", 249},
    {"SOLUSDT-15m", "15m", 1039},
    {"SOLUSDT-30m", "30m", 519},
    {"SOLUSDT-1h", "1h", 999},
    {"SOLUSDT-4h", "4h", 1002},
};

/// A coarse file documented as aggregated from a finer one.
struct AggregatedPair {
    std::string fine;
    std::string coarse;
    std::string interval;
};
std::ostream& operator<<(std::ostream& out, const AggregatedPair& pair) {
    return out << pair.coarse << " from " << pair.fine;
}

const std::vector<AggregatedPair> kAggregated{
    {"BTCUSDT-15m", "BTCUSDT-30m", "30m"},
    {"ETHUSDT-15m", "ETHUSDT-30m", "30m"},
    {"ETHUSDT-1h", "ETHUSDT-4h", "4h"},
    {"SOLUSDT-15m", "SOLUSDT-30m", "30m"},
    {"SOLUSDT-15m", "SOLUSDT-1h", "1h"},
    {"SOLUSDT-15m", "SOLUSDT-4h", "4h"},
    {"SOLUSDT-30m", "SOLUSDT-1h", "1h"},
    {"SOLUSDT-1h", "SOLUSDT-4h", "4h"},
};

std::vector<Candle> load(const std::string& path) {
    auto result = robson::marketdata::readKlineCsvFile(path);
    BOOST_TEST_REQUIRE(result.errors.empty(), path << ": " << result.errors.size() << " errors");
    return std::move(result.candles);
}

std::vector<Candle> loadShipped(const std::string& name) {
    return load(std::string(ROBSON_SOURCE_DIR) + "/sim/data/" + name + ".csv");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shipped_data)

BOOST_DATA_TEST_CASE(every_file_loads_and_has_evenly_spaced_aligned_bars,
                     bdata::make(kShipped),
                     file) {
    const auto candles = loadShipped(file.name);
    BOOST_TEST(candles.size() == file.rows);
    // ETHUSDT 4h is built from the 999 real 1h bars: 249 bars is all the real data gives.
    BOOST_TEST(candles.size() >= (file.name == "ETHUSDT-4h" ? 240U : 500U));
    const auto interval_ms = robson::datagen::intervalMillis(file.interval).value();
    for (std::size_t i = 0; i < candles.size(); ++i) {
        BOOST_TEST_REQUIRE(candles[i].open_time_ms % interval_ms == 0);
        BOOST_TEST_REQUIRE(candles[i].close_time_ms == candles[i].open_time_ms + interval_ms - 1);
        if (i > 0) {
            BOOST_TEST_REQUIRE(candles[i].open_time_ms ==
                               candles[i - 1].open_time_ms + interval_ms);
        }
    }
    // Every file ends within a day of 2026-09-05 09:45 UTC, so they share a calendar window.
    constexpr std::int64_t kEnd = 1788601500000;
    constexpr std::int64_t kDayMs = 86'400'000;
    BOOST_TEST(candles.back().close_time_ms < kEnd);
    BOOST_TEST(candles.back().close_time_ms > kEnd - kDayMs);
}

BOOST_DATA_TEST_CASE(aggregated_files_agree_with_the_finer_file_where_they_overlap,
                     bdata::make(kAggregated),
                     pair) {
    const auto fine = loadShipped(pair.fine);
    const auto coarse = loadShipped(pair.coarse);
    const auto rebuilt = robson::datagen::aggregateCandles(
        fine, robson::datagen::intervalMillis(pair.interval).value());
    std::size_t compared = 0;
    for (const Candle& bar : rebuilt) {
        const auto found = std::find_if(coarse.begin(), coarse.end(), [&](const Candle& c) {
            return c.open_time_ms == bar.open_time_ms;
        });
        BOOST_TEST_REQUIRE((found != coarse.end()), "no coarse bar at " << bar.open_time_ms);
        BOOST_TEST_REQUIRE((*found == bar), "differs at " << bar.open_time_ms);
        ++compared;
    }
    BOOST_TEST(compared >= 60U);
}

BOOST_AUTO_TEST_CASE(real_files_are_the_projects_real_copies_without_the_forming_last_bar) {
    const std::string real = std::string(ROBSON_SOURCE_DIR) + "/tests/data/real/quadscalping/";
    for (const std::string name :
         {"BTCUSDT-15m", "BTCUSDT-1h", "BTCUSDT-4h", "ETHUSDT-15m", "ETHUSDT-1h"}) {
        auto source = load(real + name + ".binance12.csv");
        source.pop_back();
        BOOST_TEST((loadShipped(name) == source), name);
    }
}

BOOST_AUTO_TEST_CASE(solusdt_fifteen_minutes_is_the_documented_generator_run) {
    // sim/datagen/make_data.sh: generate --symbol SOLUSDT --interval 15m --start-price 180
    //   --count 16039 --seed 7 --start-time 1774166400000, cut from 1787666400000.
    const robson::datagen::ModelParams params{"SOLUSDT", 900'000, "180"_d, 16039, 7, 1774166400000};
    auto generated = robson::datagen::generateCandles(params);
    std::erase_if(generated, [](const Candle& c) { return c.open_time_ms < 1787666400000; });
    BOOST_TEST((loadShipped("SOLUSDT-15m") == generated));
}

BOOST_AUTO_TEST_SUITE_END()
