// Aggregation of klines into coarser intervals: exact in decimal, complete groups only.
#include "robson/datagen/aggregate.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <vector>

using robson::datagen::aggregateCandles;
using robson::domain::Candle;
using robson::domain::Decimal;
using namespace robson::domain::decimal_literals;

namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 1'787'616'000'000;  // 2026-08-25 00:00 UTC

Candle bar(std::int64_t minute,
           const char* o,
           const char* h,
           const char* l,
           const char* c,
           const char* v,
           std::int64_t length_minutes = 15) {
    const std::int64_t open = kDay + minute * kMinute;
    return Candle{open,
                  Decimal::fromString(o),
                  Decimal::fromString(h),
                  Decimal::fromString(l),
                  Decimal::fromString(c),
                  Decimal::fromString(v),
                  open + length_minutes * kMinute - 1};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(aggregate)

BOOST_AUTO_TEST_CASE(fifteen_minute_bars_combine_into_exact_thirty_minute_bars) {
    const std::vector<Candle> source{
        bar(15, "99.00000001", "99.5", "98", "99.2", "1.00000001"),  // lone half: dropped
        bar(30, "100.12345678", "101.00000001", "99.99999999", "100.5", "0.12345678"),
        bar(45, "100.5", "100.9", "99.99999998", "100.87654321", "2.00000001"),
        bar(60, "100.87654321", "102", "100.1", "101.7", "3"),
        bar(75, "101.7", "102.00000001", "101", "101.01", "0.00000001"),
    };
    const auto bars = aggregateCandles(source, 30 * kMinute);
    BOOST_TEST_REQUIRE(bars.size() == 2U);

    BOOST_TEST(bars[0].open_time_ms == kDay + 30 * kMinute);
    BOOST_TEST(bars[0].close_time_ms == kDay + 60 * kMinute - 1);
    BOOST_TEST(bars[0].open == "100.12345678"_d);
    BOOST_TEST(bars[0].high == "101.00000001"_d);
    BOOST_TEST(bars[0].low == "99.99999998"_d);
    BOOST_TEST(bars[0].close == "100.87654321"_d);
    BOOST_TEST(bars[0].volume == "2.12345679"_d);

    BOOST_TEST(bars[1].open_time_ms == kDay + 60 * kMinute);
    BOOST_TEST(bars[1].close_time_ms == kDay + 90 * kMinute - 1);
    BOOST_TEST(bars[1].open == "100.87654321"_d);
    BOOST_TEST(bars[1].high == "102.00000001"_d);
    BOOST_TEST(bars[1].low == "100.1"_d);
    BOOST_TEST(bars[1].close == "101.01"_d);
    BOOST_TEST(bars[1].volume == "3.00000001"_d);
}

BOOST_AUTO_TEST_CASE(a_group_with_a_missing_bar_is_dropped) {
    const std::vector<Candle> source{
        bar(0, "1", "2", "1", "2", "1"),
        bar(15, "2", "2", "1", "1", "1"),
        bar(30, "1", "2", "1", "2", "1"),  // 45 is missing
        bar(60, "2", "3", "2", "3", "1"),
        bar(75, "3", "3", "2", "2", "1"),
    };
    const auto bars = aggregateCandles(source, 30 * kMinute);
    BOOST_TEST_REQUIRE(bars.size() == 2U);
    BOOST_TEST(bars[0].open_time_ms == kDay);
    BOOST_TEST(bars[1].open_time_ms == kDay + 60 * kMinute);
}

BOOST_AUTO_TEST_CASE(four_hour_bars_align_to_utc_midnight_multiples) {
    std::vector<Candle> source;
    for (std::int64_t hour = 2; hour < 14; ++hour) {  // 02:00 .. 13:00
        source.push_back(bar(hour * 60, "10", "11", "9", "10", "1", 60));
    }
    const auto bars = aggregateCandles(source, 240 * kMinute);
    BOOST_TEST_REQUIRE(bars.size() == 2U);  // 04:00 and 08:00; 02-03 and 12-13 are partial
    BOOST_TEST(bars[0].open_time_ms == kDay + 4 * kHour);
    BOOST_TEST(bars[1].open_time_ms == kDay + 8 * kHour);
    BOOST_TEST(bars[1].volume == "4"_d);
}

BOOST_AUTO_TEST_CASE(aggregating_to_the_same_interval_changes_nothing) {
    const std::vector<Candle> source{bar(0, "1", "2", "1", "2", "1"),
                                     bar(15, "2", "2", "1", "1", "1")};
    BOOST_TEST((aggregateCandles(source, 15 * kMinute) == source));
}

BOOST_AUTO_TEST_CASE(an_empty_series_gives_no_bars) {
    BOOST_TEST(aggregateCandles({}, 30 * kMinute).empty());
}

BOOST_AUTO_TEST_CASE(unusable_input_is_refused) {
    const std::vector<Candle> fifteen{bar(0, "1", "2", "1", "2", "1"),
                                      bar(15, "2", "2", "1", "1", "1")};
    BOOST_CHECK_THROW((void)aggregateCandles(fifteen, 20 * kMinute), std::invalid_argument);
    BOOST_CHECK_THROW((void)aggregateCandles(fifteen, kHour * 24 * 7), std::invalid_argument);
    const std::vector<Candle> mixed{bar(0, "1", "2", "1", "2", "1"),
                                    bar(15, "2", "2", "1", "1", "1", 5)};
    BOOST_CHECK_THROW((void)aggregateCandles(mixed, 30 * kMinute), std::invalid_argument);
    const std::vector<Candle> backwards{bar(15, "1", "2", "1", "2", "1"),
                                        bar(0, "2", "2", "1", "1", "1")};
    BOOST_CHECK_THROW((void)aggregateCandles(backwards, 30 * kMinute), std::invalid_argument);
    const std::vector<Candle> misaligned{bar(1, "1", "2", "1", "2", "1")};
    BOOST_CHECK_THROW((void)aggregateCandles(misaligned, 30 * kMinute), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
