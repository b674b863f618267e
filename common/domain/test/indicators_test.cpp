#include "robson/domain/indicators.hpp"

#include "robson/testing/domain_printing.hpp"
#include "technical_stop_test_candles.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

using robson::domain::IndicatorSeries;
namespace tc = robson::domain::test_candles;
using namespace robson::domain::decimal_literals;

namespace {

constexpr double kEps = 1e-9;

bool near(const std::optional<double>& actual, double expected) {
    return actual.has_value() && std::abs(*actual - expected) < kEps;
}

bool allUndefined(const IndicatorSeries& series) {
    return std::ranges::none_of(series, [](const auto& value) { return value.has_value(); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(indicators)

BOOST_AUTO_TEST_CASE(sma_is_the_mean_of_the_last_period_values) {
    const std::vector<double> values{1, 2, 3, 4, 5};
    const auto series = robson::domain::sma(values, 3);
    BOOST_TEST(series.size() == 5U);
    BOOST_TEST(!series[0].has_value());
    BOOST_TEST(!series[1].has_value());
    BOOST_TEST(near(series[2], 2.0));  // (1 + 2 + 3) / 3
    BOOST_TEST(near(series[3], 3.0));  // (2 + 3 + 4) / 3
    BOOST_TEST(near(series[4], 4.0));  // (3 + 4 + 5) / 3
    BOOST_TEST(near(robson::domain::lastValue(series), 4.0));
}

BOOST_AUTO_TEST_CASE(ema_is_seeded_with_the_sma_and_uses_alpha_two_over_period_plus_one) {
    const std::vector<double> values{2, 4, 6, 8, 12};
    const auto series = robson::domain::ema(values, 3);  // alpha = 2 / 4 = 0.5
    BOOST_TEST(!series[1].has_value());
    BOOST_TEST(near(series[2], 4.0));  // seed: (2 + 4 + 6) / 3
    BOOST_TEST(near(series[3], 6.0));  // 0.5 × 8 + 0.5 × 4
    BOOST_TEST(near(series[4], 9.0));  // 0.5 × 12 + 0.5 × 6
}

BOOST_AUTO_TEST_CASE(rsi_uses_wilder_smoothing_after_a_simple_first_average) {
    // closes 10, 11, 10.5, 11.5, 11, 12 → changes +1, −0.5, +1, −0.5, +1 (period 3)
    const std::vector<double> closes{10, 11, 10.5, 11.5, 11, 12};
    const auto series = robson::domain::rsi(closes, 3);
    BOOST_TEST(!series[2].has_value());
    // first averages: gain (1 + 0 + 1) / 3 = 2/3, loss 0.5 / 3 = 1/6; RS 4 → 100 − 100/5
    BOOST_TEST(near(series[3], 80.0));
    // change −0.5: gain (2/3 × 2 + 0) / 3 = 4/9, loss (1/6 × 2 + 0.5) / 3 = 5/18; RS 1.6
    BOOST_TEST(near(series[4], 100.0 - 100.0 / 2.6));
    // change +1: gain (4/9 × 2 + 1) / 3 = 17/27, loss (5/18 × 2) / 3 = 5/27; RS 3.4
    BOOST_TEST(near(series[5], 100.0 - 100.0 / 4.4));
}

BOOST_AUTO_TEST_CASE(rsi_is_100_for_only_gains_50_when_flat_and_0_for_only_losses) {
    const std::vector<double> rising{1, 2, 3, 4, 5};
    const std::vector<double> flat{5, 5, 5, 5};
    const std::vector<double> falling{5, 4, 3, 2};
    BOOST_TEST(near(robson::domain::lastValue(robson::domain::rsi(rising, 3)), 100.0));
    BOOST_TEST(near(robson::domain::lastValue(robson::domain::rsi(flat, 3)), 50.0));
    BOOST_TEST(near(robson::domain::lastValue(robson::domain::rsi(falling, 3)), 0.0));
}

BOOST_AUTO_TEST_CASE(rsi_needs_period_plus_one_closes) {
    const std::vector<double> closes(14, 100.0);
    BOOST_TEST(allUndefined(robson::domain::rsi(closes)));  // default period 14
    const std::vector<double> enough(15, 100.0);
    BOOST_TEST(near(robson::domain::lastValue(robson::domain::rsi(enough)), 50.0));
}

BOOST_AUTO_TEST_CASE(bollinger_bands_use_the_population_standard_deviation) {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, /8 = 4, σ = 2
    const std::vector<double> values{2, 4, 4, 4, 5, 5, 7, 9};
    const auto bands = robson::domain::bollinger(values, 8, 2.0);
    BOOST_TEST(!bands[6].has_value());
    BOOST_REQUIRE(bands[7].has_value());
    BOOST_TEST(std::abs(bands[7]->middle - 5.0) < kEps);
    BOOST_TEST(std::abs(bands[7]->lower - 1.0) < kEps);  // 5 − 2 × 2
    BOOST_TEST(std::abs(bands[7]->upper - 9.0) < kEps);  // 5 + 2 × 2
    const std::vector<double> flat(20, 3.0);
    const auto flat_band = robson::domain::bollinger(flat).back();  // defaults 20, 2
    BOOST_REQUIRE(flat_band.has_value());
    BOOST_TEST(flat_band->lower == 3.0);
    BOOST_TEST(flat_band->upper == 3.0);
}

BOOST_AUTO_TEST_CASE(true_range_counts_gaps_and_atr_uses_wilder_smoothing) {
    using tc::candle;
    const std::vector<robson::domain::Candle> candles{
        candle(0, "9"_d, "10"_d, "8"_d, "9"_d),         // TR 10 − 8 = 2 (no previous close)
        candle(1, "9.5"_d, "11"_d, "9"_d, "10.5"_d),    // max(2, |11 − 9|, |9 − 9|) = 2
        candle(2, "13.5"_d, "14"_d, "13"_d, "13.5"_d),  // gap up: max(1, |14 − 10.5|, 2.5) = 3.5
        candle(3, "11.5"_d, "12"_d, "11"_d, "11.5"_d),  // gap down: max(1, 1.5, |11 − 13.5|) = 2.5
        candle(4, "11.5"_d, "12.5"_d, "11"_d, "12"_d)};  // max(1.5, 1, 0.5) = 1.5
    const auto ranges = robson::domain::trueRanges(candles);
    const std::vector<double> expected{2, 2, 3.5, 2.5, 1.5};
    BOOST_TEST(ranges == expected, boost::test_tools::per_element());
    const auto series = robson::domain::atr(candles, 3);
    BOOST_TEST(!series[1].has_value());
    BOOST_TEST(near(series[2], 2.5));        // (2 + 2 + 3.5) / 3
    BOOST_TEST(near(series[3], 2.5));        // (2.5 × 2 + 2.5) / 3
    BOOST_TEST(near(series[4], 6.5 / 3.0));  // (2.5 × 2 + 1.5) / 3
}

BOOST_AUTO_TEST_CASE(non_positive_periods_are_programming_errors) {
    const std::vector<double> values{1, 2, 3};
    for (const int period : {0, -1}) {
        BOOST_CHECK_THROW((void)robson::domain::sma(values, period), std::invalid_argument);
        BOOST_CHECK_THROW((void)robson::domain::ema(values, period), std::invalid_argument);
        BOOST_CHECK_THROW((void)robson::domain::rsi(values, period), std::invalid_argument);
        BOOST_CHECK_THROW((void)robson::domain::bollinger(values, period), std::invalid_argument);
        BOOST_CHECK_THROW((void)robson::domain::atr({}, period), std::invalid_argument);
    }
    BOOST_CHECK_THROW((void)robson::domain::bollinger(values, 2, -1.0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(non_finite_input_is_rejected) {
    const std::vector<double> values{1, std::numeric_limits<double>::quiet_NaN(), 3};
    BOOST_CHECK_THROW((void)robson::domain::sma(values, 2), std::invalid_argument);
    BOOST_CHECK_THROW((void)robson::domain::rsi(values, 2), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(input_shorter_than_the_period_gives_only_warm_up) {
    const std::vector<double> values{1, 2};
    BOOST_TEST(robson::domain::sma(values, 3).size() == 2U);
    BOOST_TEST(allUndefined(robson::domain::sma(values, 3)));
    BOOST_TEST(allUndefined(robson::domain::ema(values, 3)));
    BOOST_TEST(allUndefined(robson::domain::rsi(values, 2)));  // 2 closes = 1 change < 2
    BOOST_TEST(robson::domain::bollinger(values, 3).size() == 2U);
    BOOST_TEST(!robson::domain::bollinger(values, 3).back().has_value());
    BOOST_TEST(robson::domain::sma({}, 3).empty());
    BOOST_TEST(!robson::domain::lastValue({}).has_value());
    const auto one = tc::fromLows({"100"});
    BOOST_TEST(allUndefined(robson::domain::atr(one, 14)));
}

BOOST_AUTO_TEST_CASE(ma4_crossing_above_ma9_fires_once) {
    // nine closes of 10 then 11: SMA4 (10+10+10+11)/4 = 10.25 > SMA9 (8×10+11)/9 ≈ 10.11,
    // and one point earlier both were 10 (fast ≤ slow) → fires.
    std::vector<double> closes(9, 10.0);
    closes.push_back(11.0);
    BOOST_TEST(robson::domain::crossedAbove(robson::domain::sma(closes, 4),
                                            robson::domain::sma(closes, 9)));
    BOOST_TEST(!robson::domain::crossedBelow(robson::domain::sma(closes, 4),
                                             robson::domain::sma(closes, 9)));
    // one more 11: the fast average was already above, so no second signal.
    closes.push_back(11.0);
    BOOST_TEST(!robson::domain::crossedAbove(robson::domain::sma(closes, 4),
                                             robson::domain::sma(closes, 9)));
}

BOOST_AUTO_TEST_CASE(crossings_need_two_defined_points_in_each_series) {
    const IndicatorSeries fast{std::nullopt, 2.0};
    const IndicatorSeries slow{1.0, 1.5};
    BOOST_TEST(!robson::domain::crossedAbove(fast, slow));
    BOOST_TEST(!robson::domain::crossedAbove({2.0}, {1.0}));
    const IndicatorSeries falling_fast{2.0, 1.0};
    const IndicatorSeries flat_slow{1.5, 1.5};
    BOOST_TEST(robson::domain::crossedBelow(falling_fast, flat_slow));
    // series of different lengths are aligned at their ends
    BOOST_TEST(robson::domain::crossedAbove({0.0, 1.0, 2.0}, {1.5, 1.5}));
}

BOOST_AUTO_TEST_SUITE_END()
