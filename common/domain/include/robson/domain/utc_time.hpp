#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace robson::domain {

/// Milliseconds in one UTC day (UTC has no leap seconds in epoch arithmetic).
inline constexpr std::int64_t kMillisPerDay = 86'400'000;

/// A proleptic Gregorian calendar date (year 0 = 1 BC; no time zone).
struct CivilDate {
    std::int64_t year = 1970;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..31

    friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

/// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). Exact for any
/// year within ±10^12; the date is not validated (2026-02-30 counts as 2026-03-02).
[[nodiscard]] std::int64_t daysFromCivil(CivilDate date);
/// The civil date `days` days after 1970-01-01 (Hinnant's civil_from_days; negative is before).
[[nodiscard]] CivilDate civilFromDays(std::int64_t days);
/// Gregorian leap-year rule: divisible by 4, except centuries not divisible by 400.
[[nodiscard]] bool isLeapYear(std::int64_t year);
/// 28..31 for month 1..12 of year.
[[nodiscard]] int daysInMonth(std::int64_t year, int month);

/// ISO-8601 UTC text with whole seconds: "2026-01-01T10:00:05Z" (milliseconds are dropped,
/// rounding toward the past). Years outside 0000..9999 use the expanded form: "-0001-…",
/// "+10000-…". The wire format of every timestamp in our JSON.
[[nodiscard]] std::string formatUtc(std::int64_t epoch_ms);

/// Parses what formatUtc writes, plus an optional fraction of 1..9 digits before the 'Z'
/// ("2026-01-01T10:00:05.123Z"; digits past the millisecond are dropped). Strict: the 'T' and
/// 'Z' are required, fields must be in range (no 24:00, no leap second 60, no Feb 30), no
/// offsets. nullopt when malformed or when the instant does not fit in int64 milliseconds.
[[nodiscard]] std::optional<std::int64_t> parseUtc(std::string_view text);

/// 00:00:00.000 UTC of the day containing epoch_ms: the start of the guards' "today" window.
/// Throws std::out_of_range when that instant is below the int64 range (only within the first
/// day of the range).
[[nodiscard]] std::int64_t utcDayStartMs(std::int64_t epoch_ms);
/// 00:00:00.000 UTC on the 1st of the month containing epoch_ms: the start of "this month".
/// Throws std::out_of_range when that instant is below the int64 range.
[[nodiscard]] std::int64_t utcMonthStartMs(std::int64_t epoch_ms);

}  // namespace robson::domain
