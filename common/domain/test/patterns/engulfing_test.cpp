#include "pattern_find.hpp"
#include "pattern_printing.hpp"
#include "pattern_test_candles.hpp"
#include "robson/domain/patterns/pattern.hpp"

#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

namespace patterns = robson::domain::patterns;
namespace pt = robson::domain::pattern_test;
using patterns::PatternKind;
using robson::domain::Candle;
using robson::domain::Side;
using namespace robson::domain::decimal_literals;

namespace {

struct Prices {
    const char* open;
    const char* high;
    const char* low;
    const char* close;
};

const Prices kBearishFirst{"100", "100.5", "97.5", "98"};  // the reference's first candle
const Prices kBullishFirst{"98", "100.5", "97.5", "100"};  // its mirror

std::vector<Candle> pair(const Prices& first, const Prices& second) {
    return {pt::bar(0, first.open, first.high, first.low, first.close),
            pt::bar(1, second.open, second.high, second.low, second.close)};
}

/// The engulfing detection (of either direction) on the pair's second candle.
std::optional<patterns::Detection> engulfingOn(const Prices& first, const Prices& second) {
    const auto all = patterns::detectAt(pair(first, second), 1);
    if (auto bullish = pt::findKind(all, PatternKind::BullishEngulfing)) {
        return bullish;
    }
    return pt::findKind(all, PatternKind::BearishEngulfing);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engulfing)

BOOST_AUTO_TEST_CASE(the_reference_pair_is_bullish_with_ratio_1_4) {
    const auto detection = engulfingOn(kBearishFirst, {"97.8", "100.8", "97.6", "100.6"});
    BOOST_TEST_REQUIRE(detection.has_value());
    BOOST_TEST(detection->kind == PatternKind::BullishEngulfing);
    BOOST_TEST(detection->direction == Side::Buy);
    BOOST_TEST(detection->trigger_index == 1U);
    BOOST_TEST(detection->confidence == "0.80"_d);
    BOOST_TEST(!detection->confirmed_on_detection);
    BOOST_TEST(detection->confirmation_level == "100.6"_d);  // the second close
    BOOST_TEST(detection->invalidation_level == "97.5"_d);   // the pair's low
    BOOST_TEST(
        detection->explanation.find("body 2.8 is 1.40 x the previous body 2") != std::string::npos,
        detection->explanation);
}

BOOST_AUTO_TEST_CASE(the_mirrored_pair_is_bearish_with_the_pairs_high_as_invalidation) {
    const auto detection = engulfingOn(kBullishFirst, {"100.2", "100.4", "97.2", "97.4"});
    BOOST_TEST_REQUIRE(detection.has_value());
    BOOST_TEST(detection->kind == PatternKind::BearishEngulfing);
    BOOST_TEST(detection->direction == Side::Sell);
    BOOST_TEST(detection->confirmation_level == "97.4"_d);
    BOOST_TEST(detection->invalidation_level == "100.5"_d);
}

BOOST_AUTO_TEST_CASE(a_body_ratio_of_1_04_is_not_enough_1_05_is) {
    BOOST_TEST(!engulfingOn(kBearishFirst, {"97.95", "100.2", "97.8", "100.03"}));  // 2.08 / 2
    BOOST_TEST(engulfingOn(kBearishFirst, {"97.95", "100.2", "97.8", "100.05"}));   // 2.10 / 2
}

BOOST_AUTO_TEST_CASE(closing_exactly_at_the_first_open_does_not_engulf) {
    BOOST_TEST(!engulfingOn(kBearishFirst, {"97.8", "100.2", "97.6", "100"}));
}

BOOST_AUTO_TEST_CASE(opening_exactly_at_the_first_close_does_not_engulf) {
    BOOST_TEST(!engulfingOn(kBearishFirst, {"98", "100.8", "97.6", "100.6"}));
}

BOOST_AUTO_TEST_CASE(a_first_candle_with_a_wick_over_40_percent_does_not_count) {
    // Upper wick 2 of a range of 4.5 (0.44).
    BOOST_TEST(!engulfingOn({"100", "102", "97.5", "98"}, {"97.8", "100.8", "97.6", "100.6"}));
}

BOOST_AUTO_TEST_CASE(a_second_body_of_29_percent_is_too_small_30_percent_is_enough) {
    BOOST_TEST(!engulfingOn(kBearishFirst, {"97.8", "104.25", "94.25", "100.7"}));  // 2.9 of 10
    const auto detection = engulfingOn(kBearishFirst, {"97.8", "104.2", "94.2", "100.8"});
    BOOST_TEST_REQUIRE(detection.has_value());  // 3.0 of 10
    BOOST_TEST(detection->invalidation_level == "94.2"_d);
}

BOOST_AUTO_TEST_CASE(two_candles_of_one_colour_never_engulf) {
    BOOST_TEST(!engulfingOn(kBullishFirst, {"97.8", "100.8", "97.6", "100.6"}));
    BOOST_TEST(!engulfingOn(kBearishFirst, {"100.2", "100.4", "97.2", "97.4"}));
}

BOOST_AUTO_TEST_CASE(a_zero_range_candle_in_the_pair_does_not_crash) {
    BOOST_TEST(!engulfingOn({"98", "98", "98", "98"}, {"97.8", "100.8", "97.6", "100.6"}));
    BOOST_TEST(!engulfingOn(kBearishFirst, {"99", "99", "99", "99"}));
}

BOOST_AUTO_TEST_CASE(the_first_candle_of_a_series_has_no_pair) {
    const std::vector<Candle> series{pt::bar(0, "97.8", "100.8", "97.6", "100.6")};
    BOOST_TEST(patterns::detectAt(series, 0).empty());
}

BOOST_AUTO_TEST_SUITE_END()
