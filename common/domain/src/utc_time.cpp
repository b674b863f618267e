#include "robson/domain/utc_time.hpp"

#include <array>
#include <cstddef>
#include <limits>
#include <stdexcept>

namespace robson::domain {
namespace {

constexpr std::int64_t kMinMs = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMaxMs = std::numeric_limits<std::int64_t>::max();
// Largest year we parse: int64 milliseconds end in year 292278994, nine digits.
constexpr std::size_t kMaxYearDigits = 9;

/// Splits epoch_ms into whole days and the (non-negative) milliseconds into the day, without
/// ever forming an intermediate that could overflow (days × kMillisPerDay may not fit).
struct DayAndRest {
    std::int64_t days;
    std::int64_t ms_of_day;
};

DayAndRest splitDay(std::int64_t epoch_ms) {
    std::int64_t days = epoch_ms / kMillisPerDay;
    std::int64_t rest = epoch_ms % kMillisPerDay;
    if (rest < 0) {
        rest += kMillisPerDay;
        --days;
    }
    return {days, rest};
}

void appendPadded(std::string& out, std::int64_t value, std::size_t width) {
    const std::string digits = std::to_string(value);
    if (digits.size() < width) {
        out.append(width - digits.size(), '0');
    }
    out += digits;
}

/// Reads exactly `count` ASCII digits at `pos`, advancing it; nullopt if any is not a digit.
std::optional<std::int64_t> readDigits(std::string_view text, std::size_t& pos, std::size_t count) {
    if (text.size() - pos < count) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    pos += count;
    return value;
}

bool expect(std::string_view text, std::size_t& pos, char wanted) {
    if (pos >= text.size() || text[pos] != wanted) {
        return false;
    }
    ++pos;
    return true;
}

/// "2026", "+10000" or "-0001": four plain digits, or a sign and 4..9 digits.
std::optional<std::int64_t> readYear(std::string_view text, std::size_t& pos) {
    if (text.empty() || (text[0] != '+' && text[0] != '-')) {
        return readDigits(text, pos, 4);
    }
    const bool negative = text[0] == '-';
    pos = 1;
    const std::size_t end = text.find('-', pos);
    if (end == std::string_view::npos || end - pos < 4 || end - pos > kMaxYearDigits) {
        return std::nullopt;
    }
    const auto magnitude = readDigits(text, pos, end - pos);
    if (!magnitude) {
        return std::nullopt;
    }
    return negative ? -*magnitude : *magnitude;
}

/// The optional ".f…" fraction (1..9 digits) as whole milliseconds; sub-millisecond digits
/// are dropped, which moves the instant toward the past like formatUtc does.
std::optional<std::int64_t> readFractionMs(std::string_view text, std::size_t& pos) {
    if (pos >= text.size() || text[pos] != '.') {
        return 0;
    }
    ++pos;
    std::size_t count = 0;
    while (pos + count < text.size() && text[pos + count] >= '0' && text[pos + count] <= '9') {
        ++count;
    }
    if (count == 0 || count > 9) {
        return std::nullopt;
    }
    const std::size_t used = count < 3 ? count : 3;
    auto ms = readDigits(text, pos, used);
    pos += count - used;
    for (std::size_t i = used; i < 3; ++i) {
        *ms *= 10;
    }
    return ms;
}

/// days × kMillisPerDay + ms_of_day (0 ≤ ms_of_day < kMillisPerDay), or nullopt when it leaves
/// the int64 range. Never forms an intermediate that overflows: the last day before the range
/// start is only partly representable, so negative days are built from the following midnight.
std::optional<std::int64_t> combine(std::int64_t days, std::int64_t ms_of_day) {
    if (days >= 0) {
        if (days > (kMaxMs - ms_of_day) / kMillisPerDay) {
            return std::nullopt;
        }
        return days * kMillisPerDay + ms_of_day;
    }
    const std::int64_t next_day = days + 1;
    // Integer division truncates toward zero: the ceiling of the negative bound.
    if (next_day < kMinMs / kMillisPerDay) {
        return std::nullopt;
    }
    const std::int64_t next_midnight = next_day * kMillisPerDay;  // within [kMinMs, 0]
    const std::int64_t back = ms_of_day - kMillisPerDay;          // within [-kMillisPerDay, 0)
    if (back < kMinMs - next_midnight) {
        return std::nullopt;
    }
    return next_midnight + back;
}

}  // namespace

std::int64_t daysFromCivil(CivilDate date) {
    const std::int64_t month = date.month;
    const std::int64_t year = month <= 2 ? date.year - 1 : date.year;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const std::int64_t year_of_era = year - era * 400;  // [0, 399]
    const std::int64_t day_of_year =
        (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + date.day - 1;  // [0, 365]
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146'097 + day_of_era - 719'468;
}

CivilDate civilFromDays(std::int64_t days) {
    const std::int64_t shifted = days + 719'468;  // day 0 becomes 0000-03-01
    const std::int64_t era = (shifted >= 0 ? shifted : shifted - 146'096) / 146'097;
    const std::int64_t day_of_era = shifted - era * 146'097;  // [0, 146096]
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) /
        365;  // [0, 399]
    const std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;  // [0, 11]
    const auto day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    const auto month =
        static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    return {year, month, day};
}

bool isLeapYear(std::int64_t year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int daysInMonth(std::int64_t year, int month) {
    constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        throw std::invalid_argument("month must be within 1..12");
    }
    return month == 2 && isLeapYear(year) ? 29 : kDays.at(static_cast<std::size_t>(month - 1));
}

std::string formatUtc(std::int64_t epoch_ms) {
    const auto [days, ms_of_day] = splitDay(epoch_ms);
    const CivilDate date = civilFromDays(days);
    const std::int64_t seconds = ms_of_day / 1000;
    std::string out;
    out.reserve(24);
    if (date.year > 9999) {
        out += '+';
        out += std::to_string(date.year);
    } else if (date.year < 0) {
        out += '-';
        appendPadded(out, -date.year, 4);
    } else {
        appendPadded(out, date.year, 4);
    }
    out += '-';
    appendPadded(out, date.month, 2);
    out += '-';
    appendPadded(out, date.day, 2);
    out += 'T';
    appendPadded(out, seconds / 3600, 2);
    out += ':';
    appendPadded(out, seconds / 60 % 60, 2);
    out += ':';
    appendPadded(out, seconds % 60, 2);
    out += 'Z';
    return out;
}

std::optional<std::int64_t> parseUtc(std::string_view text) {
    std::size_t pos = 0;
    const auto year = readYear(text, pos);
    if (!year) {
        return std::nullopt;
    }
    // month, day, hour, minute, second: each two digits after its separator. Plain integers
    // with early returns (not a row of optionals) keep GCC's -O3 flow analysis quiet.
    constexpr std::array<char, 5> kSeparators{'-', '-', 'T', ':', ':'};
    std::array<std::int64_t, 5> fields{};
    for (std::size_t i = 0; i < kSeparators.size(); ++i) {
        if (!expect(text, pos, kSeparators.at(i))) {
            return std::nullopt;
        }
        const auto value = readDigits(text, pos, 2);
        if (!value) {
            return std::nullopt;
        }
        fields.at(i) = *value;
    }
    const auto [month, day, hour, minute, second] = fields;
    const auto fraction_ms = readFractionMs(text, pos);
    if (!fraction_ms || !expect(text, pos, 'Z') || pos != text.size()) {
        return std::nullopt;
    }
    if (month < 1 || month > 12) {
        return std::nullopt;
    }
    const int month_number = static_cast<int>(month);
    if (day < 1 || day > daysInMonth(*year, month_number) || hour > 23 || minute > 59 ||
        second > 59) {
        return std::nullopt;
    }
    const std::int64_t days = daysFromCivil({*year, month_number, static_cast<int>(day)});
    return combine(days, ((hour * 60 + minute) * 60 + second) * 1000 + *fraction_ms);
}

std::int64_t utcDayStartMs(std::int64_t epoch_ms) {
    const auto [days, ms_of_day] = splitDay(epoch_ms);
    const auto start = combine(days, 0);
    if (!start) {
        throw std::out_of_range("the UTC day start is before the int64 millisecond range");
    }
    return *start;
}

std::int64_t utcMonthStartMs(std::int64_t epoch_ms) {
    const CivilDate date = civilFromDays(splitDay(epoch_ms).days);
    const auto start = combine(daysFromCivil({date.year, date.month, 1}), 0);
    if (!start) {
        throw std::out_of_range("the UTC month start is before the int64 millisecond range");
    }
    return *start;
}

}  // namespace robson::domain
