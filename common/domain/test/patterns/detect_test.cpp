#include "pattern_find.hpp"
#include "pattern_printing.hpp"
#include "pattern_test_candles.hpp"
#include "robson/domain/patterns/pattern.hpp"

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <span>
#include <stdexcept>
#include <utility>
#include <vector>

namespace patterns = robson::domain::patterns;
namespace pt = robson::domain::pattern_test;
using patterns::Detection;
using patterns::PatternKind;
using robson::domain::Candle;

namespace {

constexpr std::size_t kPast = 320;  // long enough for the golden cross to be possible

/// `past` followed by `future` renumbered to continue it in time.
std::vector<Candle> continued(const std::vector<Candle>& past, const std::vector<Candle>& future) {
    std::vector<Candle> out = past;
    for (const Candle& candle : future) {
        out.push_back(pt::at(out.size(), candle));
    }
    return out;
}

std::map<PatternKind, std::size_t> countByKind(const std::vector<Detection>& detections) {
    std::map<PatternKind, std::size_t> counts;
    for (const auto& detection : detections) {
        ++counts[detection.kind];
    }
    return counts;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(detect)

BOOST_AUTO_TEST_CASE(the_random_walk_holds_every_short_pattern_so_the_properties_below_bite) {
    const auto counts = countByKind(patterns::detectAll(pt::randomWalk(kPast, 7)));
    for (const PatternKind kind : {PatternKind::MaCrossover,
                                   PatternKind::BollingerRsiBounce,
                                   PatternKind::Hammer,
                                   PatternKind::BullishEngulfing,
                                   PatternKind::BearishEngulfing}) {
        BOOST_TEST(counts.count(kind) == 1U, patterns::toString(kind));
    }
}

BOOST_AUTO_TEST_CASE(appending_future_candles_never_changes_detect_at) {
    const auto past = pt::randomWalk(kPast, 7);
    const auto rally = continued(past, pt::randomWalk(60, 99));
    auto crash = past;
    for (std::size_t i = 0; i < 60; ++i) {  // a collapse with huge wicks: anything but the rally
        crash.push_back(pt::bar(crash.size(), "50", "200", "1", i % 2 == 0 ? "40" : "60"));
    }
    std::size_t compared = 0;
    for (std::size_t index = 0; index < past.size(); ++index) {
        const auto alone = patterns::detectAt(past, index);
        BOOST_TEST_REQUIRE(patterns::detectAt(rally, index) == alone);
        BOOST_TEST_REQUIRE(patterns::detectAt(crash, index) == alone);
        compared += alone.size();
    }
    BOOST_TEST(compared > 10U);  // the comparison saw real detections, not only empty answers
}

BOOST_AUTO_TEST_CASE(detect_all_is_detect_at_on_every_index_in_order) {
    const auto series = pt::randomWalk(kPast, 11);
    std::vector<Detection> one_by_one;
    for (std::size_t index = 0; index < series.size(); ++index) {
        const auto at = patterns::detectAt(series, index);
        one_by_one.insert(one_by_one.end(), at.begin(), at.end());
    }
    BOOST_TEST_REQUIRE(!one_by_one.empty());
    BOOST_TEST(patterns::detectAll(series) == one_by_one);
}

BOOST_AUTO_TEST_CASE(detect_all_is_oldest_first_without_duplicates_and_names_its_trigger) {
    const auto series = pt::randomWalk(kPast, 13);
    const auto all = patterns::detectAll(series);
    std::set<std::pair<PatternKind, std::size_t>> seen;
    std::size_t previous = 0;
    for (const auto& detection : all) {
        BOOST_TEST_REQUIRE(detection.trigger_index < series.size());
        BOOST_TEST(detection.trigger_index >= previous);
        previous = detection.trigger_index;
        BOOST_TEST(detection.trigger_open_time_ms == series[detection.trigger_index].open_time_ms);
        BOOST_TEST(seen.insert({detection.kind, detection.trigger_index}).second);
        BOOST_TEST(detection.direction == patterns::directionOf(detection.kind));
        BOOST_TEST(detection.confidence == patterns::baseConfidence(detection.kind));
        BOOST_TEST(!detection.explanation.empty());
    }
}

BOOST_AUTO_TEST_CASE(a_series_of_zero_range_candles_detects_nothing_and_does_not_crash) {
    std::vector<Candle> flat;
    for (std::size_t i = 0; i < 250; ++i) {
        flat.push_back(pt::bar(i, "100", "100", "100", "100"));
    }
    BOOST_TEST(patterns::detectAll(flat).empty());
}

BOOST_AUTO_TEST_CASE(zero_range_candles_inside_a_real_series_are_skipped_not_fatal) {
    auto series = pt::randomWalk(kPast, 7);
    for (std::size_t i = 5; i < series.size(); i += 7) {
        const auto price = series[i].close.toString();
        series[i] = pt::bar(i, price, price, price, price);
    }
    const auto all = patterns::detectAll(series);
    for (const auto& detection : all) {
        const bool candlestick = detection.kind == PatternKind::Hammer ||
                                 detection.kind == PatternKind::BullishEngulfing ||
                                 detection.kind == PatternKind::BearishEngulfing;
        if (candlestick) {
            BOOST_TEST(detection.trigger_index % 7 != 5U);
        }
    }
}

BOOST_AUTO_TEST_CASE(an_empty_series_detects_nothing) {
    BOOST_TEST(patterns::detectAll({}).empty());
}

BOOST_AUTO_TEST_CASE(detect_at_past_the_end_is_a_clear_error) {
    const auto series = pt::randomWalk(10, 1);
    BOOST_CHECK_THROW(static_cast<void>(patterns::detectAt(series, 10)), std::out_of_range);
    BOOST_CHECK_THROW(static_cast<void>(patterns::detectAt({}, 0)), std::out_of_range);
}

BOOST_AUTO_TEST_SUITE_END()
