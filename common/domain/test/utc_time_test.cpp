#include "robson/domain/utc_time.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using robson::domain::CivilDate;
using robson::domain::civilFromDays;
using robson::domain::daysFromCivil;
using robson::domain::daysInMonth;
using robson::domain::formatUtc;
using robson::domain::isLeapYear;
using robson::domain::kMillisPerDay;
using robson::domain::parseUtc;
using robson::domain::utcDayStartMs;
using robson::domain::utcMonthStartMs;
namespace bdata = boost::unit_test::data;

// parseUtc returns std::optional<std::int64_t>, which only std could give an ADL printer;
// Boost.Test's documented customisation point prints it instead.
namespace boost::test_tools::tt_detail {
template <>
struct print_log_value<std::optional<std::int64_t>> {
    void operator()(std::ostream& out, const std::optional<std::int64_t>& value) {
        if (value) {
            out << *value;
        } else {
            out << "nullopt";
        }
    }
};
}  // namespace boost::test_tools::tt_detail

namespace {

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// 2026-01-01T00:00:00Z: 1970..2025 is 56 years with 14 leap days (1972..2024), so
// 56 × 365 + 14 = 20454 days = 1 767 225 600 s.
constexpr std::int64_t k2026Ms = 1'767'225'600'000;

std::int64_t floorToSecond(std::int64_t ms) {
    const std::int64_t rest = ((ms % 1000) + 1000) % 1000;
    return ms - rest;
}

// An independent month length for the day-walk property (not the library's daysInMonth).
int expectedMonthLength(std::int64_t year, int month) {
    if (month == 2) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(utc_time)

BOOST_AUTO_TEST_CASE(formats_the_epoch) {
    BOOST_TEST(formatUtc(0) == "1970-01-01T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(formats_the_plan_validation_time) {
    // 1 767 261 605 000 ms = 2026-01-01 (1 767 225 600 s) + 10 h (36 000 s) + 5 s.
    BOOST_TEST(formatUtc(1'767'261'605'000) == "2026-01-01T10:00:05Z");
    BOOST_TEST(parseUtc("2026-01-01T10:00:05Z") == 1'767'261'605'000);
}

BOOST_AUTO_TEST_CASE(drops_milliseconds_toward_the_past) {
    BOOST_TEST(formatUtc(1'767'261'605'999) == "2026-01-01T10:00:05Z");
    BOOST_TEST(formatUtc(-1) == "1969-12-31T23:59:59Z");
    BOOST_TEST(formatUtc(-1000) == "1969-12-31T23:59:59Z");
    BOOST_TEST(formatUtc(-1001) == "1969-12-31T23:59:58Z");
}

BOOST_AUTO_TEST_CASE(formats_leap_days) {
    // 2024-02-29: 2024-01-01 is 54 × 365 + 13 = 19723 days, + 31 + 28 = day 19782.
    BOOST_TEST(formatUtc(19'782 * kMillisPerDay) == "2024-02-29T00:00:00Z");
    BOOST_TEST(parseUtc("2024-02-29T00:00:00Z") == 1'709'164'800'000);
    BOOST_TEST(parseUtc("2000-02-29T00:00:00Z").has_value());
    // 2100 is a century not divisible by 400: 02-28 is followed by 03-01.
    BOOST_TEST(!parseUtc("2100-02-29T00:00:00Z").has_value());
    BOOST_TEST(formatUtc(*parseUtc("2100-02-28T00:00:00Z") + kMillisPerDay) ==
               "2100-03-01T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(applies_the_gregorian_leap_year_rule) {
    BOOST_TEST(isLeapYear(2024));
    BOOST_TEST(isLeapYear(2000));
    BOOST_TEST(!isLeapYear(2100));
    BOOST_TEST(!isLeapYear(1900));
    BOOST_TEST(!isLeapYear(2026));
    BOOST_TEST(isLeapYear(0));
    BOOST_TEST(isLeapYear(-4));
    BOOST_TEST(!isLeapYear(-100));
    BOOST_TEST(daysInMonth(2024, 2) == 29);
    BOOST_TEST(daysInMonth(2100, 2) == 28);
    BOOST_TEST(daysInMonth(2026, 4) == 30);
    BOOST_CHECK_THROW(static_cast<void>(daysInMonth(2026, 13)), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(formats_years_before_1970_and_before_year_zero) {
    // 0000-01-01 is 719 528 days before the epoch (Hinnant's shift 719 468 counts from 0000-03-01,
    // and Jan + Feb of the leap year 0 add 31 + 29 = 60).
    BOOST_TEST(formatUtc(-719'528 * kMillisPerDay) == "0000-01-01T00:00:00Z");
    BOOST_TEST(formatUtc(-719'528 * kMillisPerDay - 1000) == "-0001-12-31T23:59:59Z");
    BOOST_TEST(parseUtc("-0001-12-31T23:59:59Z") == -62'167'219'201'000);
    BOOST_TEST(formatUtc(-86'400'000) == "1969-12-31T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(formats_the_far_future_in_expanded_years) {
    BOOST_TEST(formatUtc(253'402'300'799'000) == "9999-12-31T23:59:59Z");
    BOOST_TEST(formatUtc(253'402'300'800'000) == "+10000-01-01T00:00:00Z");
    BOOST_TEST(parseUtc("+10000-01-01T00:00:00Z") == 253'402'300'800'000);
}

BOOST_AUTO_TEST_CASE(formats_and_parses_the_ends_of_the_int64_range) {
    BOOST_TEST(formatUtc(kMax) == "+292278994-08-17T07:12:55Z");
    BOOST_TEST(formatUtc(kMin) == "-292275055-05-16T16:47:04Z");
    BOOST_TEST(parseUtc("+292278994-08-17T07:12:55.807Z") == kMax);
    BOOST_TEST(parseUtc("-292275055-05-16T16:47:04.192Z") == kMin);
    // One millisecond past either end does not fit.
    BOOST_TEST(!parseUtc("+292278994-08-17T07:12:55.808Z").has_value());
    BOOST_TEST(!parseUtc("-292275055-05-16T16:47:04.191Z").has_value());
    BOOST_TEST(!parseUtc("-292275055-05-16T16:47:03Z").has_value());
    BOOST_TEST(!parseUtc("+999999999-01-01T00:00:00Z").has_value());
}

BOOST_AUTO_TEST_CASE(parses_a_fraction_as_milliseconds) {
    BOOST_TEST(parseUtc("2026-01-01T10:00:05.1Z") == 1'767'261'605'100);
    BOOST_TEST(parseUtc("2026-01-01T10:00:05.12Z") == 1'767'261'605'120);
    BOOST_TEST(parseUtc("2026-01-01T10:00:05.123Z") == 1'767'261'605'123);
    BOOST_TEST(parseUtc("2026-01-01T10:00:05.123999999Z") == 1'767'261'605'123);
    BOOST_TEST(parseUtc("1969-12-31T23:59:59.999Z") == -1);
}

BOOST_DATA_TEST_CASE(rejects_malformed_or_out_of_range_text,
                     bdata::make(std::vector<std::string>{"",
                                                          "2026-01-01",
                                                          "2026-01-01 10:00:05Z",
                                                          "2026-01-01T10:00:05",
                                                          "2026-01-01T10:00:05+00:00",
                                                          "2026-01-01t10:00:05Z",
                                                          "2026-01-01T10:00:05Zx",
                                                          "2026-1-01T10:00:05Z",
                                                          "26-01-01T10:00:05Z",
                                                          "+123-01-01T10:00:05Z",
                                                          "+1234567890-01-01T00:00:00Z",
                                                          "2026-00-01T10:00:05Z",
                                                          "2026-13-01T10:00:05Z",
                                                          "2026-01-00T10:00:05Z",
                                                          "2026-04-31T10:00:05Z",
                                                          "2026-02-29T10:00:05Z",
                                                          "2026-01-01T24:00:00Z",
                                                          "2026-01-01T10:60:00Z",
                                                          "2026-01-01T10:00:60Z",
                                                          "2026-01-01T10:00:05.Z",
                                                          "2026-01-01T10:00:05.1234567890Z",
                                                          "2026-01-01T10:00:5Z",
                                                          "2026-01-01T1a:00:05Z"}),
                     text) {
    BOOST_TEST(!parseUtc(text).has_value());
}

BOOST_AUTO_TEST_CASE(round_trips_random_instants_to_the_second) {
    std::mt19937_64 rng(20260101);  // NOLINT(cert-msc32-c,cert-msc51-cpp): reproducible on purpose
    std::uniform_int_distribution<std::int64_t> anywhere(kMin + 1000, kMax);
    std::uniform_int_distribution<std::int64_t> nearby(-4'000'000'000'000, 8'000'000'000'000);
    for (int i = 0; i < 20'000; ++i) {
        const std::int64_t ms = i % 2 == 0 ? anywhere(rng) : nearby(rng);
        const std::string text = formatUtc(ms);
        BOOST_TEST_CONTEXT("ms " << ms << " text " << text) {
            BOOST_TEST(parseUtc(text) == floorToSecond(ms));
        }
    }
}

BOOST_AUTO_TEST_CASE(consecutive_days_follow_the_calendar_from_1600_to_2400) {
    std::int64_t days = daysFromCivil({1600, 1, 1});
    CivilDate expected{1600, 1, 1};
    while (expected.year <= 2400) {
        BOOST_TEST_CONTEXT(expected.year << "-" << expected.month << "-" << expected.day) {
            BOOST_TEST((civilFromDays(days) == expected));
            BOOST_TEST(daysFromCivil(expected) == days);
        }
        ++days;
        if (++expected.day > expectedMonthLength(expected.year, expected.month)) {
            expected.day = 1;
            if (++expected.month > 12) {
                expected.month = 1;
                ++expected.year;
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(day_and_month_start_at_utc_midnight) {
    BOOST_TEST(utcDayStartMs(1'767'261'605'000) == k2026Ms);
    BOOST_TEST(utcMonthStartMs(1'767'261'605'000) == k2026Ms);
    BOOST_TEST(utcDayStartMs(k2026Ms) == k2026Ms);
    BOOST_TEST(utcDayStartMs(k2026Ms - 1) == k2026Ms - kMillisPerDay);
    BOOST_TEST(utcMonthStartMs(k2026Ms - 1) == *parseUtc("2025-12-01T00:00:00Z"));
    // 2024-02-29T12:00Z: the month began on 2024-02-01 = day 19723 + 31 = 19754.
    BOOST_TEST(utcMonthStartMs(*parseUtc("2024-02-29T12:00:00Z")) == 19'754 * kMillisPerDay);
    BOOST_TEST(utcDayStartMs(-1) == -kMillisPerDay);
    BOOST_TEST(utcMonthStartMs(-1) == *parseUtc("1969-12-01T00:00:00Z"));
}

BOOST_AUTO_TEST_CASE(window_starts_hold_for_random_instants) {
    std::mt19937_64 rng(42);  // NOLINT(cert-msc32-c,cert-msc51-cpp): reproducible on purpose
    std::uniform_int_distribution<std::int64_t> instants(-1'000'000'000'000'000,
                                                         1'000'000'000'000'000);
    for (int i = 0; i < 5'000; ++i) {
        const std::int64_t ms = instants(rng);
        const std::int64_t day = utcDayStartMs(ms);
        const std::int64_t month = utcMonthStartMs(ms);
        const std::string text = formatUtc(ms);
        BOOST_TEST_CONTEXT("ms " << ms << " text " << text) {
            BOOST_TEST((day <= ms && ms < day + kMillisPerDay));
            BOOST_TEST(formatUtc(day) == text.substr(0, text.find('T')) + "T00:00:00Z");
            const auto month_prefix = text.substr(0, text.find('T') - 2);
            BOOST_TEST(formatUtc(month) == month_prefix + "01T00:00:00Z");
        }
    }
}

BOOST_AUTO_TEST_CASE(window_starts_below_the_int64_range_throw) {
    BOOST_CHECK_THROW(static_cast<void>(utcDayStartMs(kMin)), std::out_of_range);
    BOOST_CHECK_THROW(static_cast<void>(utcMonthStartMs(kMin)), std::out_of_range);
    BOOST_TEST(utcDayStartMs(kMax) == *parseUtc("+292278994-08-17T00:00:00Z"));
}

BOOST_AUTO_TEST_SUITE_END()
