#include "robson/sim/market/candle_series.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::sim;
// clang-tidy 14 does not see uses of a literal operator.
using robson::domain::decimal_literals::operator""_d;  // NOLINT(misc-unused-using-decls)

namespace {

constexpr std::int64_t kStep = 900'000;
constexpr std::int64_t kLaunch = 1'700'000'100'000;  // not on a boundary
constexpr std::int64_t kOpen = (kLaunch / kStep) * kStep;

Candle bar(const char* o, const char* h, const char* l, const char* c) {
    return Candle{0,
                  robson::domain::Decimal::fromString(o),
                  robson::domain::Decimal::fromString(h),
                  robson::domain::Decimal::fromString(l),
                  robson::domain::Decimal::fromString(c),
                  "10"_d,
                  0};
}

CandleSeries makeSeries() {
    SeriesSetup setup{"BTCUSDT", "15m", kStep, kLaunch};
    setup.past_count = 2;
    return CandleSeries(setup,
                        {bar("100", "110", "90", "105"),
                         bar("105", "106", "100", "101"),
                         bar("100", "130", "70", "120"),
                         bar("120", "121", "90", "95")});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sim_candle_series)

BOOST_AUTO_TEST_CASE(the_past_candles_close_before_launch_and_the_next_one_forms_at_launch) {
    CandleSeries series = makeSeries();
    BOOST_TEST(series.candle(2).open_time_ms == kOpen);
    BOOST_TEST(series.candle(0).open_time_ms == kOpen - 2 * kStep);
    BOOST_TEST(series.candle(0).close_time_ms == kOpen - kStep - 1);
    BOOST_TEST(series.indexAt(kLaunch) == 2U);
}

BOOST_AUTO_TEST_CASE(a_bullish_candle_goes_open_high_low_close) {
    CandleSeries series = makeSeries();
    BOOST_TEST(series.priceAt(kOpen) == "100"_d);
    BOOST_TEST(series.priceAt(kOpen + kStep / 3) == "130"_d);
    BOOST_TEST(series.priceAt(kOpen + kStep / 6) == "115"_d);
    BOOST_TEST(series.priceAt(kOpen + 2 * kStep / 3) == "70"_d);
    BOOST_TEST(series.priceAt(kOpen + kStep - 1) == "120"_d);
}

BOOST_AUTO_TEST_CASE(a_bearish_candle_goes_open_low_high_close) {
    CandleSeries series = makeSeries();
    BOOST_TEST(series.priceAt(kOpen + kStep + kStep / 3) == "90"_d);
    BOOST_TEST(series.priceAt(kOpen + kStep + 2 * kStep / 3) == "121"_d);
}

BOOST_AUTO_TEST_CASE(the_forming_candle_shows_the_extremes_reached_so_far) {
    CandleSeries series = makeSeries();
    const Candle forming = series.formingAt(kOpen + kStep / 2);
    BOOST_TEST(forming.open == "100"_d);
    BOOST_TEST(forming.high == "130"_d);
    BOOST_TEST(forming.low == "100"_d);
    BOOST_TEST(forming.close == "100"_d);
}

BOOST_AUTO_TEST_CASE(the_path_between_two_times_lists_every_turning_point) {
    CandleSeries series = makeSeries();
    const auto path = series.pathBetween(kOpen, kOpen + kStep + 10);
    BOOST_REQUIRE(path.size() == 5U);
    BOOST_TEST(path[0] == "130"_d);
    BOOST_TEST(path[1] == "70"_d);
    BOOST_TEST(path[2] == "120"_d);
    BOOST_TEST(path[3] == "120"_d);  // next open
}

BOOST_AUTO_TEST_CASE(after_the_data_a_seeded_random_walk_continues_identically) {
    CandleSeries a = makeSeries();
    CandleSeries b = makeSeries();
    for (std::size_t k = 4; k < 50; ++k) {
        BOOST_TEST((a.candle(k) == b.candle(k)));
        BOOST_TEST(a.candle(k).low.isPositive());
        BOOST_TEST(a.candle(k).open == a.candle(k - 1).close);
        BOOST_TEST(a.candle(k).high >= a.candle(k).close);
    }
}

BOOST_AUTO_TEST_CASE(klines_without_bounds_end_with_the_forming_candle) {
    CandleSeries series = makeSeries();
    const auto rows = series.klines(std::nullopt, std::nullopt, 500, kLaunch);
    BOOST_REQUIRE(rows.size() == 3U);
    BOOST_TEST(rows.back().open_time_ms == kOpen);
    BOOST_TEST(rows.back().close == series.priceAt(kLaunch));
    const auto limited = series.klines(std::nullopt, std::nullopt, 2, kLaunch);
    BOOST_TEST(limited.front().open_time_ms == kOpen - kStep);
    const auto from = series.klines(kOpen - 2 * kStep + 1, std::nullopt, 500, kLaunch);
    BOOST_TEST(from.front().open_time_ms == kOpen - kStep);
}

BOOST_AUTO_TEST_SUITE_END()
