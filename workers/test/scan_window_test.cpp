// The scan worker's pure decisions: closed candles only, the catch-up window, and what an
// open pattern instance becomes.
#include "scan_window.hpp"

#include "crossover_series.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace robson::workers;
using robson::domain::Candle;
using robson::domain::Decimal;
using robson::domain::Side;
namespace patterns = robson::domain::patterns;
using patterns::PatternKind;
using patterns::PatternState;

namespace {

using testing::crossoverSeries;
constexpr std::int64_t kStart = testing::kSeriesStart;

Candle candle(std::size_t i, std::int64_t open, std::int64_t close) {
    return testing::seriesCandle(i, open, close);
}

std::vector<patterns::Detection> crossovers(const std::vector<patterns::Detection>& all) {
    std::vector<patterns::Detection> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [](const auto& detection) {
        return detection.kind == PatternKind::MaCrossover;
    });
    return out;
}

/// A detection that waits for a later close: confirmed above 105, invalidated below 95.
patterns::Detection waitingDetection(std::int64_t trigger_open_time_ms) {
    patterns::Detection detection;
    detection.kind = PatternKind::Hammer;
    detection.direction = Side::Buy;
    detection.trigger_open_time_ms = trigger_open_time_ms;
    detection.confidence = Decimal::fromString("0.75");
    detection.confirmation_level = Decimal::fromInteger(105);
    detection.invalidation_level = Decimal::fromInteger(95);
    detection.confirmed_on_detection = false;
    return detection;
}

/// A trigger candle at index 0 followed by candles closing at `closes`.
std::vector<Candle> after(const std::vector<std::int64_t>& closes) {
    std::vector<Candle> series{candle(0, 100, 100)};
    for (std::size_t i = 0; i < closes.size(); ++i) {
        series.push_back(candle(i + 1, 100, closes[i]));
    }
    return series;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scan_window)

BOOST_AUTO_TEST_CASE(the_forming_candle_is_dropped_and_closed_ones_kept) {
    auto series = crossoverSeries();
    const auto last = series.back();
    // At the last candle's close time it is still forming; one millisecond later it closed.
    BOOST_TEST(closedCandles(series, last.close_time_ms).size() == series.size() - 1);
    BOOST_TEST(closedCandles(series, last.close_time_ms + 1).size() == series.size());
}

BOOST_AUTO_TEST_CASE(a_crossover_on_one_of_the_newest_closes_is_found_with_its_trigger) {
    for (const auto& later : std::vector<std::vector<std::int64_t>>{{}, {111}, {111, 112}}) {
        const auto series = crossoverSeries(later);
        const auto found = crossovers(detectNewest(series));
        BOOST_REQUIRE(found.size() == 1U);
        BOOST_TEST(found[0].trigger_index == 15U);
        BOOST_TEST(found[0].trigger_open_time_ms == series[15].open_time_ms);
        BOOST_TEST((found[0].direction == Side::Buy));
    }
}

BOOST_AUTO_TEST_CASE(a_crossover_older_than_the_catch_up_window_is_not_searched_again) {
    const auto series = crossoverSeries({111, 112, 113});
    BOOST_TEST(crossovers(detectNewest(series)).empty());
    BOOST_TEST(crossovers(detectNewest(series, 4)).size() == 1U);
}

BOOST_AUTO_TEST_CASE(too_few_candles_find_nothing_and_do_not_fail) {
    BOOST_TEST(detectNewest({}).empty());
    const auto series = crossoverSeries();
    BOOST_TEST(crossovers(detectNewest(std::span(series).first(5))).empty());
}

BOOST_AUTO_TEST_CASE(a_waiting_instance_is_confirmed_by_a_close_beyond_its_level) {
    const auto series = after({101, 106});
    const auto advance =
        advanceInstance(PatternState::Detected, waitingDetection(series[0].open_time_ms), series);
    BOOST_REQUIRE(advance.has_value());
    BOOST_TEST((advance->state == PatternState::Confirmed));
    BOOST_TEST(advance->confidence.toString() == "0.85");
}

BOOST_AUTO_TEST_CASE(a_waiting_instance_is_invalidated_by_a_close_below_its_level) {
    const auto series = after({101, 94});
    const auto advance =
        advanceInstance(PatternState::Detected, waitingDetection(series[0].open_time_ms), series);
    BOOST_REQUIRE(advance.has_value());
    BOOST_TEST((advance->state == PatternState::Invalidated));
}

BOOST_AUTO_TEST_CASE(an_undecided_instance_waits_then_expires_after_five_candles) {
    const auto detection = waitingDetection(kStart);
    BOOST_TEST(!advanceInstance(PatternState::Detected, detection, after({100, 101, 102, 103}))
                    .has_value());
    const auto expired =
        advanceInstance(PatternState::Detected, detection, after({100, 101, 102, 103, 104}));
    BOOST_REQUIRE(expired.has_value());
    BOOST_TEST((expired->state == PatternState::Expired));
    BOOST_TEST(expired->confidence.toString() == "0.75");
}

BOOST_AUTO_TEST_CASE(a_crossover_stored_as_detected_is_confirmed_by_its_own_close) {
    const auto series = crossoverSeries();
    const auto found = crossovers(detectNewest(series));
    BOOST_REQUIRE(found.size() == 1U);
    const auto advance = advanceInstance(PatternState::Detected, found[0], series);
    BOOST_REQUIRE(advance.has_value());
    BOOST_TEST((advance->state == PatternState::Confirmed));
    BOOST_TEST(advance->confidence.toString() == "0.8");
}

BOOST_AUTO_TEST_CASE(a_confirmed_instance_nobody_used_expires_five_candles_after_confirmation) {
    auto detection = waitingDetection(kStart);
    detection.confidence = Decimal::fromString("0.85");  // stored confirmed confidence
    // Confirmed by candle 1 (close 106); four more candles: still usable.
    BOOST_TEST(
        !advanceInstance(PatternState::Confirmed, detection, after({106, 100, 100, 100, 100}))
             .has_value());
    const auto expired =
        advanceInstance(PatternState::Confirmed, detection, after({106, 100, 100, 100, 100, 100}));
    BOOST_REQUIRE(expired.has_value());
    BOOST_TEST((expired->state == PatternState::Expired));
    BOOST_TEST(expired->confidence.toString() == "0.85");
}

BOOST_AUTO_TEST_CASE(final_states_never_move) {
    const auto series = after({106, 100, 100, 100, 100, 100, 100});
    for (const auto state :
         {PatternState::Consumed, PatternState::Expired, PatternState::Invalidated}) {
        BOOST_TEST(!advanceInstance(state, waitingDetection(kStart), series).has_value());
    }
}

BOOST_AUTO_TEST_SUITE_END()
