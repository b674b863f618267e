#include "pattern_find.hpp"
#include "pattern_printing.hpp"
#include "pattern_test_candles.hpp"
#include "robson/domain/patterns/pattern.hpp"

#include <boost/test/unit_test.hpp>

#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace patterns = robson::domain::patterns;
namespace pt = robson::domain::pattern_test;
using patterns::Detection;
using patterns::PatternKind;
using patterns::PatternState;
using robson::domain::Candle;
using robson::domain::Side;
using namespace robson::domain::decimal_literals;

namespace {

/// The reference hammer (O98 H100.5 L90 C100: confirms above 100.5, invalidated below 90)
/// at index 0, then candles closing at `closes`.
std::vector<Candle> hammerThen(const std::vector<std::string>& closes) {
    std::vector<Candle> series{pt::bar(0, "98", "100.5", "90", "100")};
    pt::appendCloses(series, closes);
    return series;
}

Detection detected(const std::vector<Candle>& series, std::size_t index, PatternKind kind) {
    const auto detection = pt::findKind(patterns::detectAt(series, index), kind);
    BOOST_TEST_REQUIRE(detection.has_value());
    return *detection;
}

std::int64_t openTime(const std::vector<Candle>& series, std::size_t index) {
    return series[index].open_time_ms;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(follow)

BOOST_AUTO_TEST_CASE(a_later_close_above_the_hammers_high_confirms_and_adds_0_10) {
    const auto series = hammerThen({"99", "100.6"});
    const auto progress = patterns::follow(detected(series, 0, PatternKind::Hammer), series);
    BOOST_TEST(progress.state == PatternState::Confirmed);
    BOOST_TEST(progress.confidence == "0.85"_d);
    BOOST_TEST(progress.decided_at_open_time_ms.value_or(-1) == openTime(series, 2));
}

BOOST_AUTO_TEST_CASE(a_later_close_below_the_hammers_low_invalidates_with_no_confidence) {
    const auto series = hammerThen({"95", "89.99"});
    const auto progress = patterns::follow(detected(series, 0, PatternKind::Hammer), series);
    BOOST_TEST(progress.state == PatternState::Invalidated);
    BOOST_TEST(progress.confidence == "0"_d);
    BOOST_TEST(progress.decided_at_open_time_ms.value_or(-1) == openTime(series, 2));
}

BOOST_AUTO_TEST_CASE(closes_exactly_at_the_levels_decide_nothing) {
    const auto series = hammerThen({"100.5", "90"});
    const auto progress = patterns::follow(detected(series, 0, PatternKind::Hammer), series);
    BOOST_TEST(progress.state == PatternState::Detected);
    BOOST_TEST(!progress.decided_at_open_time_ms.has_value());
}

BOOST_AUTO_TEST_CASE(five_undecided_candles_expire_it_at_the_fifth) {
    const auto series = hammerThen(pt::repeat("95", 5));
    const auto progress = patterns::follow(detected(series, 0, PatternKind::Hammer), series);
    BOOST_TEST(progress.state == PatternState::Expired);
    BOOST_TEST(progress.confidence == "0.75"_d);
    BOOST_TEST(progress.decided_at_open_time_ms.value_or(-1) == openTime(series, 5));
}

BOOST_AUTO_TEST_CASE(four_undecided_candles_leave_it_detected) {
    const auto series = hammerThen(pt::repeat("95", 4));
    const auto progress = patterns::follow(detected(series, 0, PatternKind::Hammer), series);
    BOOST_TEST(progress.state == PatternState::Detected);
    BOOST_TEST(progress.confidence == "0.75"_d);
    BOOST_TEST(!progress.decided_at_open_time_ms.has_value());
}

BOOST_AUTO_TEST_CASE(a_decision_on_the_fifth_candle_beats_expiry) {
    auto closes = pt::repeat("95", 4);
    closes.emplace_back("101");
    const auto series = hammerThen(closes);
    const auto progress = patterns::follow(detected(series, 0, PatternKind::Hammer), series);
    BOOST_TEST(progress.state == PatternState::Confirmed);
    BOOST_TEST(progress.decided_at_open_time_ms.value_or(-1) == openTime(series, 5));
}

BOOST_AUTO_TEST_CASE(the_expiry_window_is_a_parameter) {
    const auto series = hammerThen(pt::repeat("95", 3));
    const auto progress = patterns::follow(detected(series, 0, PatternKind::Hammer), series, 2);
    BOOST_TEST(progress.state == PatternState::Expired);
    BOOST_TEST(progress.decided_at_open_time_ms.value_or(-1) == openTime(series, 2));
}

BOOST_AUTO_TEST_CASE(the_first_decision_stands_when_a_later_close_would_reverse_it) {
    const auto series = hammerThen({"101", "80"});
    const auto progress = patterns::follow(detected(series, 0, PatternKind::Hammer), series);
    BOOST_TEST(progress.state == PatternState::Confirmed);
    BOOST_TEST(progress.decided_at_open_time_ms.value_or(-1) == openTime(series, 1));
}

BOOST_AUTO_TEST_CASE(candles_before_the_trigger_are_ignored) {
    // Closes far above the hammer's high *before* it must not confirm it.
    auto series = pt::fromCloses({"120", "110", "101"});
    series.push_back(pt::bar(3, "98", "100.5", "90", "100"));
    pt::appendCloses(series, {"99"});
    const auto progress = patterns::follow(detected(series, 3, PatternKind::Hammer), series);
    BOOST_TEST(progress.state == PatternState::Detected);
}

BOOST_AUTO_TEST_CASE(a_later_window_without_the_trigger_candle_is_followed_by_open_time) {
    const auto series = hammerThen({"95", "96", "100.7"});
    const auto detection = detected(series, 0, PatternKind::Hammer);
    const auto window = std::span<const Candle>(series).subspan(1);
    const auto progress = patterns::follow(detection, window);
    BOOST_TEST(progress.state == PatternState::Confirmed);
    BOOST_TEST(progress.decided_at_open_time_ms.value_or(-1) == openTime(series, 3));
}

BOOST_AUTO_TEST_CASE(a_crossover_is_confirmed_at_its_own_trigger) {
    auto series = pt::fromCloses(pt::repeat("10", 9));
    pt::appendCloses(series, {"11"});
    const auto progress = patterns::follow(detected(series, 9, PatternKind::MaCrossover), series);
    BOOST_TEST(progress.state == PatternState::Confirmed);
    BOOST_TEST(progress.confidence == "0.80"_d);
    BOOST_TEST(progress.decided_at_open_time_ms.value_or(-1) == openTime(series, 9));
}

BOOST_AUTO_TEST_CASE(confirmation_caps_the_confidence_at_1) {
    Detection detection;
    detection.kind = PatternKind::Hammer;
    detection.direction = Side::Buy;
    detection.confidence = "0.95"_d;
    detection.confirmed_on_detection = true;
    BOOST_TEST(patterns::follow(detection, {}).confidence == "1"_d);
}

BOOST_AUTO_TEST_CASE(when_one_close_would_both_confirm_and_invalidate_invalidation_wins) {
    // Crossed levels (confirm above 90, invalidate below 100) are never produced by the
    // detectors, but a row can hold anything: the close 95 breaks both ways.
    const auto series = hammerThen({"95"});
    Detection detection = detected(series, 0, PatternKind::Hammer);
    detection.confirmation_level = "90"_d;
    detection.invalidation_level = "100"_d;
    const auto progress = patterns::follow(detection, series);
    BOOST_TEST(progress.state == PatternState::Invalidated);
    BOOST_TEST(progress.decided_at_open_time_ms.value_or(-1) == openTime(series, 1));
}

BOOST_AUTO_TEST_CASE(a_bearish_engulfing_confirms_below_and_invalidates_above) {
    // The mirrored reference pair: confirms below 97.4, invalidated above 100.5.
    std::vector<Candle> series{pt::bar(0, "98", "100.5", "97.5", "100"),
                               pt::bar(1, "100.2", "100.4", "97.2", "97.4")};
    const auto detection = detected(series, 1, PatternKind::BearishEngulfing);
    auto down = series;
    pt::appendCloses(down, {"97.4", "97.39"});
    const auto confirmed = patterns::follow(detection, down);
    BOOST_TEST(confirmed.state == PatternState::Confirmed);
    BOOST_TEST(confirmed.confidence == "0.90"_d);
    BOOST_TEST(confirmed.decided_at_open_time_ms.value_or(-1) == openTime(down, 3));
    auto up = series;
    pt::appendCloses(up, {"100.5", "100.51"});
    const auto invalidated = patterns::follow(detection, up);
    BOOST_TEST(invalidated.state == PatternState::Invalidated);
    BOOST_TEST(invalidated.decided_at_open_time_ms.value_or(-1) == openTime(up, 3));
}

BOOST_AUTO_TEST_CASE(an_expiry_window_of_zero_is_a_programming_error) {
    const auto series = hammerThen({});
    BOOST_CHECK_THROW(
        static_cast<void>(patterns::follow(detected(series, 0, PatternKind::Hammer), series, 0)),
        std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
