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
using robson::domain::Side;
using namespace robson::domain::decimal_literals;

namespace {

/// Whether one candle on its own is a hammer.
bool isHammer(const char* open, const char* high, const char* low, const char* close) {
    const std::vector<robson::domain::Candle> series{pt::bar(0, open, high, low, close)};
    return pt::findKind(patterns::detectAt(series, 0), PatternKind::Hammer).has_value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hammer)

BOOST_AUTO_TEST_CASE(the_reference_candle_is_a_hammer_with_its_high_and_low_as_levels) {
    // O98 H100.5 L90 C100: body 0.19, lower wick 0.76, upper wick 0.05 of the range 10.5.
    const std::vector<robson::domain::Candle> series{pt::bar(0, "98", "100.5", "90", "100")};
    const auto detection = pt::findKind(patterns::detectAt(series, 0), PatternKind::Hammer);
    BOOST_TEST_REQUIRE(detection.has_value());
    BOOST_TEST(detection->direction == Side::Buy);
    BOOST_TEST(detection->confidence == "0.75"_d);
    BOOST_TEST(!detection->confirmed_on_detection);
    BOOST_TEST(detection->confirmation_level == "100.5"_d);
    BOOST_TEST(detection->invalidation_level == "90"_d);
    BOOST_TEST(detection->explanation.find("body 0.19, lower wick 0.76 and upper wick 0.05") !=
                   std::string::npos,
               detection->explanation);
}

BOOST_AUTO_TEST_CASE(a_body_of_exactly_30_percent_is_a_hammer_31_percent_is_not) {
    BOOST_TEST(isHammer("96.5", "100", "90", "99.5"));   // body 3.0 of 10
    BOOST_TEST(!isHammer("96.4", "100", "90", "99.5"));  // body 3.1 of 10: just too big
}

BOOST_AUTO_TEST_CASE(a_body_of_exactly_10_percent_is_a_hammer_9_percent_is_not) {
    BOOST_TEST(isHammer("98.5", "100", "90", "99.5"));   // body 1.0 of 10
    BOOST_TEST(!isHammer("98.6", "100", "90", "99.5"));  // body 0.9: a doji, not a hammer
}

BOOST_AUTO_TEST_CASE(a_lower_wick_of_59_percent_is_too_short) {
    BOOST_TEST(!isHammer("95.9", "100", "90", "98.9"));  // body 0.30, upper 0.11, lower 0.59
}

BOOST_AUTO_TEST_CASE(an_upper_wick_of_exactly_15_percent_is_allowed_16_percent_is_not) {
    BOOST_TEST(isHammer("97", "100", "90", "98.5"));     // upper 1.5 of 10
    BOOST_TEST(!isHammer("96.9", "100", "90", "98.4"));  // upper 1.6 of 10
}

BOOST_AUTO_TEST_CASE(a_bearish_body_can_be_a_hammer_too) {
    BOOST_TEST(isHammer("99.5", "100", "90", "97"));
}

BOOST_AUTO_TEST_CASE(an_inverted_hammer_is_not_a_hammer) {
    BOOST_TEST(!isHammer("90.5", "100", "90", "92"));
}

BOOST_AUTO_TEST_CASE(a_zero_range_candle_is_no_hammer_and_does_not_crash) {
    BOOST_TEST(!isHammer("100", "100", "100", "100"));
}

BOOST_AUTO_TEST_CASE(a_malformed_candle_is_no_hammer) {
    BOOST_TEST(!isHammer("98", "99", "90", "100"));    // high below the close
    BOOST_TEST(!isHammer("0.98", "1.005", "0", "1"));  // low of zero
}

BOOST_AUTO_TEST_SUITE_END()
