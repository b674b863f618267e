#include "pattern_printing.hpp"
#include "robson/domain/patterns/pattern.hpp"

#include <boost/test/unit_test.hpp>

#include <array>
#include <string>
#include <vector>

namespace patterns = robson::domain::patterns;
using patterns::PatternKind;
using patterns::PatternState;
using robson::domain::Side;
using namespace robson::domain::decimal_literals;

namespace {

constexpr std::array<PatternState, 5> kAllStates{PatternState::Detected,
                                                 PatternState::Confirmed,
                                                 PatternState::Consumed,
                                                 PatternState::Expired,
                                                 PatternState::Invalidated};

}  // namespace

BOOST_AUTO_TEST_SUITE(pattern_kinds)

BOOST_AUTO_TEST_CASE(kinds_have_the_stored_names_in_the_declared_order) {
    std::vector<std::string> names;
    for (const PatternKind kind : patterns::allPatternKinds()) {
        names.emplace_back(patterns::toString(kind));
    }
    const std::vector<std::string> expected{"MA_CROSSOVER",
                                            "GOLDEN_CROSS",
                                            "BOLLINGER_RSI",
                                            "HAMMER",
                                            "BULLISH_ENGULFING",
                                            "BEARISH_ENGULFING"};
    BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_kind_name_parses_back_and_nothing_else_parses) {
    for (const PatternKind kind : patterns::allPatternKinds()) {
        BOOST_TEST(patterns::parsePatternKind(patterns::toString(kind)) == kind);
    }
    BOOST_TEST(!patterns::parsePatternKind("hammer").has_value());
    BOOST_TEST(!patterns::parsePatternKind("").has_value());
    BOOST_TEST(!patterns::parsePatternKind("ENGULFING").has_value());
    BOOST_TEST(!patterns::parsePatternKind("HAMMER ").has_value());
}

BOOST_AUTO_TEST_CASE(base_confidences_are_the_documented_ones) {
    BOOST_TEST(patterns::baseConfidence(PatternKind::MaCrossover) == "0.70"_d);
    BOOST_TEST(patterns::baseConfidence(PatternKind::GoldenCross) == "0.75"_d);
    BOOST_TEST(patterns::baseConfidence(PatternKind::BollingerRsiBounce) == "0.70"_d);
    BOOST_TEST(patterns::baseConfidence(PatternKind::Hammer) == "0.75"_d);
    BOOST_TEST(patterns::baseConfidence(PatternKind::BullishEngulfing) == "0.80"_d);
    BOOST_TEST(patterns::baseConfidence(PatternKind::BearishEngulfing) == "0.80"_d);
}

BOOST_AUTO_TEST_CASE(only_bearish_engulfing_sells) {
    for (const PatternKind kind : patterns::allPatternKinds()) {
        const Side expected = kind == PatternKind::BearishEngulfing ? Side::Sell : Side::Buy;
        BOOST_TEST(patterns::directionOf(kind) == expected, patterns::toString(kind));
    }
}

BOOST_AUTO_TEST_CASE(crossovers_and_the_bounce_confirm_on_detection_candlesticks_wait) {
    BOOST_TEST(patterns::confirmedOnDetection(PatternKind::MaCrossover));
    BOOST_TEST(patterns::confirmedOnDetection(PatternKind::GoldenCross));
    BOOST_TEST(patterns::confirmedOnDetection(PatternKind::BollingerRsiBounce));
    BOOST_TEST(!patterns::confirmedOnDetection(PatternKind::Hammer));
    BOOST_TEST(!patterns::confirmedOnDetection(PatternKind::BullishEngulfing));
    BOOST_TEST(!patterns::confirmedOnDetection(PatternKind::BearishEngulfing));
}

BOOST_AUTO_TEST_CASE(every_kind_has_a_catalog_description) {
    for (const PatternKind kind : patterns::allPatternKinds()) {
        BOOST_TEST(patterns::describe(kind).size() > 20U, patterns::toString(kind));
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pattern_lifecycle)

BOOST_AUTO_TEST_CASE(state_names_round_trip) {
    const std::vector<std::string> expected{
        "DETECTED", "CONFIRMED", "CONSUMED", "EXPIRED", "INVALIDATED"};
    for (std::size_t i = 0; i < kAllStates.size(); ++i) {
        BOOST_TEST(patterns::toString(kAllStates[i]) == expected[i]);
        BOOST_TEST(patterns::parsePatternState(expected[i]) == kAllStates[i]);
    }
    BOOST_TEST(!patterns::parsePatternState("detected").has_value());
    BOOST_TEST(!patterns::parsePatternState("FORMING").has_value());
}

BOOST_AUTO_TEST_CASE(only_the_five_forward_moves_are_allowed) {
    // The whole 5 × 5 grid: row = from, column = to, in kAllStates order.
    constexpr std::array<std::array<bool, 5>, 5> kAllowed{{
        {false, true, false, true, true},     // DETECTED → CONFIRMED, EXPIRED, INVALIDATED
        {false, false, true, true, false},    // CONFIRMED → CONSUMED, EXPIRED
        {false, false, false, false, false},  // CONSUMED is final
        {false, false, false, false, false},  // EXPIRED is final
        {false, false, false, false, false},  // INVALIDATED is final
    }};
    for (std::size_t from = 0; from < kAllStates.size(); ++from) {
        for (std::size_t to = 0; to < kAllStates.size(); ++to) {
            BOOST_TEST(
                patterns::canTransition(kAllStates[from], kAllStates[to]) == kAllowed[from][to],
                patterns::toString(kAllStates[from])
                    << " -> " << patterns::toString(kAllStates[to]));
        }
    }
}

BOOST_AUTO_TEST_CASE(consumed_expired_and_invalidated_are_final) {
    BOOST_TEST(!patterns::isFinal(PatternState::Detected));
    BOOST_TEST(!patterns::isFinal(PatternState::Confirmed));
    BOOST_TEST(patterns::isFinal(PatternState::Consumed));
    BOOST_TEST(patterns::isFinal(PatternState::Expired));
    BOOST_TEST(patterns::isFinal(PatternState::Invalidated));
}

BOOST_AUTO_TEST_SUITE_END()
