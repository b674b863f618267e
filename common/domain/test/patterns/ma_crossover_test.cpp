#include "pattern_find.hpp"
#include "pattern_printing.hpp"
#include "pattern_test_candles.hpp"
#include "robson/domain/patterns/pattern.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace patterns = robson::domain::patterns;
namespace pt = robson::domain::pattern_test;
using patterns::PatternKind;
using robson::domain::Candle;
using robson::domain::Side;
using namespace robson::domain::decimal_literals;

namespace {

std::vector<Candle> nineTensThen(const std::vector<std::string>& more) {
    auto series = pt::fromCloses(pt::repeat("10", 9));
    pt::appendCloses(series, more);
    return series;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ma_crossover)

BOOST_AUTO_TEST_CASE(nine_closes_of_10_then_one_of_11_fires_ma4_over_ma9) {
    const auto series = nineTensThen({"11"});
    const auto detection = pt::findKind(patterns::detectAt(series, 9), PatternKind::MaCrossover);
    BOOST_TEST_REQUIRE(detection.has_value());
    BOOST_TEST(detection->trigger_index == 9U);
    BOOST_TEST(detection->trigger_open_time_ms == series[9].open_time_ms);
    BOOST_TEST(detection->direction == Side::Buy);
    BOOST_TEST(detection->confidence == "0.70"_d);
    BOOST_TEST(detection->confirmed_on_detection);
    BOOST_TEST(detection->confirmation_level == "11"_d);  // the crossing close
    BOOST_TEST(detection->invalidation_level == "10"_d);  // lowest low of the last 4 candles
    BOOST_TEST(detection->explanation.find("SMA4 10.25 > SMA9 10.11111111") != std::string::npos,
               detection->explanation);
}

BOOST_AUTO_TEST_CASE(one_more_close_of_11_does_not_fire_again) {
    const auto series = nineTensThen({"11", "11"});
    BOOST_TEST(!pt::findKind(patterns::detectAt(series, 10), PatternKind::MaCrossover));
    BOOST_TEST(pt::triggersOf(patterns::detectAll(series), PatternKind::MaCrossover) ==
                   std::vector<std::size_t>{9},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_rise_on_the_ninth_close_is_too_early_to_fire) {
    // SMA9 needs nine closes on the candle before the cross too: ten closes in all.
    auto series = pt::fromCloses(pt::repeat("10", 8));
    pt::appendCloses(series, {"11"});
    BOOST_TEST(patterns::detectAll(series).empty());
}

BOOST_AUTO_TEST_CASE(a_flat_market_never_crosses) {
    const auto series = pt::fromCloses(pt::repeat("10", 30));
    BOOST_TEST(pt::triggersOf(patterns::detectAll(series), PatternKind::MaCrossover).empty());
}

BOOST_AUTO_TEST_CASE(equal_averages_of_a_decimal_price_compare_equal) {
    // In binary floating point nine closes of 0.1 average to 0.09999999999999999 and four to
    // 0.1, so the fast average would already look above the slow one and the cross at 0.11
    // would be missed. The detector compares the exact Decimal sums.
    auto series = pt::fromCloses(pt::repeat("0.1", 9));
    pt::appendCloses(series, {"0.11"});
    BOOST_TEST(pt::findKind(patterns::detectAt(series, 9), PatternKind::MaCrossover).has_value());
}

BOOST_AUTO_TEST_CASE(a_cross_downwards_is_not_a_bullish_crossover) {
    auto series = pt::fromCloses(pt::repeat("11", 9));
    pt::appendCloses(series, {"10", "10"});
    BOOST_TEST(pt::triggersOf(patterns::detectAll(series), PatternKind::MaCrossover).empty());
}

BOOST_AUTO_TEST_CASE(after_falling_back_below_it_fires_on_the_next_cross) {
    // SMA4 goes above at 9, below from 10, and above again at 15 (10.5 > 10.11).
    const auto series = nineTensThen({"11", "9", "9", "9", "9", "12", "12"});
    BOOST_TEST(pt::triggersOf(patterns::detectAll(series), PatternKind::MaCrossover) ==
                   (std::vector<std::size_t>{9, 15}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(invalidation_is_the_lowest_low_of_the_fast_window) {
    auto series = pt::fromCloses(pt::repeat("10", 9));
    series[7] = pt::bar(7, "10", "10", "9.5", "10");  // a wick inside the last four candles
    series[4] = pt::bar(4, "10", "10", "8", "10");    // and one before them
    pt::appendCloses(series, {"11"});
    const auto detection = pt::findKind(patterns::detectAt(series, 9), PatternKind::MaCrossover);
    BOOST_TEST_REQUIRE(detection.has_value());
    BOOST_TEST(detection->invalidation_level == "9.5"_d);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(golden_cross)

BOOST_AUTO_TEST_CASE(two_hundred_closes_of_100_then_one_of_101_fires_sma50_over_sma200) {
    auto series = pt::fromCloses(pt::repeat("100", 200));
    pt::appendCloses(series, {"101"});
    const auto detection = pt::findKind(patterns::detectAt(series, 200), PatternKind::GoldenCross);
    BOOST_TEST_REQUIRE(detection.has_value());
    BOOST_TEST(detection->confidence == "0.75"_d);
    BOOST_TEST(detection->direction == Side::Buy);
    BOOST_TEST(detection->confirmed_on_detection);
    BOOST_TEST(detection->confirmation_level == "101"_d);
    BOOST_TEST(detection->invalidation_level == "100"_d);
    BOOST_TEST(detection->explanation.find("SMA50 100.02 > SMA200 100.005") != std::string::npos,
               detection->explanation);
}

BOOST_AUTO_TEST_CASE(one_more_close_of_101_does_not_fire_again) {
    auto series = pt::fromCloses(pt::repeat("100", 200));
    pt::appendCloses(series, {"101", "101"});
    BOOST_TEST(pt::triggersOf(patterns::detectAll(series), PatternKind::GoldenCross) ==
                   std::vector<std::size_t>{200},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_rise_on_the_200th_close_is_too_early_to_fire) {
    auto series = pt::fromCloses(pt::repeat("100", 199));
    pt::appendCloses(series, {"101"});
    const auto all = patterns::detectAll(series);
    BOOST_TEST(pt::triggersOf(all, PatternKind::GoldenCross).empty());
    // The short crossover has enough closes and does fire on the same candle.
    BOOST_TEST(pt::triggersOf(all, PatternKind::MaCrossover) == std::vector<std::size_t>{199},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
