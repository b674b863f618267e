// When the scheduler owes scans, driven by a clock the test controls.
#include "scan_schedule.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::workers;

namespace {

constexpr std::int64_t kMinute = 60'000;
// 2026-12-04T10:15:00Z, a 15-minute (and 5-minute, 1-minute) boundary.
constexpr std::int64_t kClose = 1'796'379'300'000;

}  // namespace

BOOST_AUTO_TEST_SUITE(scan_schedule)

BOOST_AUTO_TEST_CASE(timeframes_are_the_intents_intervals) {
    BOOST_TEST(timeframeMs("1m").value_or(0) == kMinute);
    BOOST_TEST(timeframeMs("15m").value_or(0) == 15 * kMinute);
    BOOST_TEST(timeframeMs("4h").value_or(0) == 240 * kMinute);
    BOOST_TEST(timeframeMs("1d").value_or(0) == 1440 * kMinute);
    BOOST_TEST(!timeframeMs("1w").has_value());
    BOOST_TEST(!timeframeMs("15").has_value());
}

BOOST_AUTO_TEST_CASE(a_close_is_due_only_after_its_grace) {
    static_assert(kClose % (15 * kMinute) == 0);
    BOOST_TEST(latestDueClose(15 * kMinute, kClose + 1'999, 2'000) == kClose - 15 * kMinute);
    BOOST_TEST(latestDueClose(15 * kMinute, kClose + 2'000, 2'000) == kClose);
    BOOST_TEST(latestDueClose(15 * kMinute, kClose + 15 * kMinute + 1'999, 2'000) == kClose);
}

BOOST_AUTO_TEST_CASE(daily_candles_close_at_midnight_utc) {
    const std::int64_t midnight = 1'796'342'400'000;  // 2026-12-04T00:00:00Z
    BOOST_TEST(latestDueClose(1440 * kMinute, midnight + 180 * kMinute, 2'000) == midnight);
}

BOOST_AUTO_TEST_CASE(each_close_is_owed_once_per_target_and_the_next_one_at_its_time) {
    ScanScheduler scheduler;
    const std::vector<ScanTarget> targets{{"BTCUSDT", "15m"}, {"ETHUSDT", "1h"}};
    // Started at 10:15:02: the latest close of each target is owed (a catch-up after a start).
    auto due = scheduler.due(targets, kClose + 2'000);
    BOOST_REQUIRE(due.size() == 2U);
    BOOST_TEST((due[0] == DueScan{{"BTCUSDT", "15m"}, kClose}));
    BOOST_TEST((due[1] == DueScan{{"ETHUSDT", "1h"}, kClose - 15 * kMinute}));  // 10:00
    for (const auto& scan : due) {
        scheduler.scheduled(scan);
    }
    // A second later nothing new; at 10:30:01 still nothing; at 10:30:02 the 15m close.
    BOOST_TEST(scheduler.due(targets, kClose + 3'000).empty());
    BOOST_TEST(scheduler.due(targets, kClose + 15 * kMinute + 1'999).empty());
    due = scheduler.due(targets, kClose + 15 * kMinute + 2'000);
    BOOST_REQUIRE(due.size() == 1U);
    BOOST_TEST((due[0] == DueScan{{"BTCUSDT", "15m"}, kClose + 15 * kMinute}));
}

BOOST_AUTO_TEST_CASE(a_scan_not_recorded_as_scheduled_is_owed_again) {
    ScanScheduler scheduler;
    const std::vector<ScanTarget> targets{{"BTCUSDT", "15m"}};
    BOOST_TEST(scheduler.due(targets, kClose + 2'000).size() == 1U);
    // The enqueue failed (database down): the next round owes it still.
    BOOST_TEST(scheduler.due(targets, kClose + 3'000).size() == 1U);
}

BOOST_AUTO_TEST_CASE(after_a_long_pause_only_the_latest_close_is_owed) {
    ScanScheduler scheduler;
    const std::vector<ScanTarget> targets{{"BTCUSDT", "15m"}};
    scheduler.scheduled({{"BTCUSDT", "15m"}, kClose});
    const auto due = scheduler.due(targets, kClose + 60 * kMinute + 2'000);
    BOOST_REQUIRE(due.size() == 1U);
    BOOST_TEST(due[0].close_ms == kClose + 60 * kMinute);
}

BOOST_AUTO_TEST_CASE(a_new_target_is_owed_its_latest_close_and_unknown_timeframes_nothing) {
    ScanScheduler scheduler;
    scheduler.scheduled({{"BTCUSDT", "15m"}, kClose});
    const auto due = scheduler.due({{"BTCUSDT", "15m"}, {"SOLUSDT", "5m"}, {"SOLUSDT", "1w"}},
                                   kClose + 5 * kMinute + 2'000);
    BOOST_REQUIRE(due.size() == 1U);
    BOOST_TEST((due[0] == DueScan{{"SOLUSDT", "5m"}, kClose + 5 * kMinute}));
}

BOOST_AUTO_TEST_SUITE_END()
