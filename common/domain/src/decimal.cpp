#include "robson/domain/decimal.hpp"

#include <cmath>
#include <limits>

namespace robson::domain {
namespace {

// 128-bit intermediates make mul/div exact before the single rounding step.
__extension__ using Wide = __int128;
__extension__ using UnsignedWide = unsigned __int128;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

std::int64_t narrow(Wide value, const char* operation) {
    if (value > static_cast<Wide>(kMax) || value < static_cast<Wide>(kMin)) {
        throw DecimalError(std::string("decimal overflow in ") + operation);
    }
    return static_cast<std::int64_t>(value);
}

/// numerator ÷ denominator (denominator > 0) rounded as told, exactly.
Wide divideRounded(Wide numerator, Wide denominator, Rounding rounding) {
    Wide quotient = numerator / denominator;  // truncates toward zero
    const Wide remainder = numerator % denominator;
    if (remainder == 0) {
        return quotient;
    }
    const bool negative = numerator < 0;
    const Wide away = negative ? -1 : 1;
    switch (rounding) {
        case Rounding::Down:
            return quotient;
        case Rounding::Up:
            return quotient + away;
        case Rounding::Floor:
            return negative ? quotient - 1 : quotient;
        case Rounding::Ceiling:
            return negative ? quotient : quotient + 1;
        case Rounding::HalfEven: {
            const Wide twice = (remainder < 0 ? -remainder : remainder) * 2;
            if (twice > denominator || (twice == denominator && quotient % 2 != 0)) {
                return quotient + away;
            }
            return quotient;
        }
    }
    return quotient;
}

/// Divides by a signed denominator by normalising its sign first.
Wide divideRoundedSigned(Wide numerator, Wide denominator, Rounding rounding) {
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    return divideRounded(numerator, denominator, rounding);
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

Decimal Decimal::fromInteger(std::int64_t value) {
    return fromUnits(narrow(static_cast<Wide>(value) * kUnitsPerOne, "fromInteger"));
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
    bool negative = false;
    if (!text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && fraction.empty())) {
        return std::nullopt;
    }
    Wide units = 0;
    for (const char c : whole) {
        if (!isDigit(c)) {
            return std::nullopt;
        }
        units = units * 10 + (c - '0');
        if (units > static_cast<Wide>(kMax)) {
            return std::nullopt;  // stop early: the text could be arbitrarily long
        }
    }
    units *= kUnitsPerOne;
    Wide place = kUnitsPerOne;
    for (const char c : fraction) {
        if (!isDigit(c)) {
            return std::nullopt;
        }
        if (place == 1) {
            if (c != '0') {
                return std::nullopt;  // a 9th significant decimal cannot be represented
            }
            continue;
        }
        place /= 10;
        units += place * (c - '0');
    }
    if (negative) {
        units = -units;
    }
    if (units > static_cast<Wide>(kMax) || units < static_cast<Wide>(kMin)) {
        return std::nullopt;
    }
    return fromUnits(static_cast<std::int64_t>(units));
}

Decimal Decimal::fromString(std::string_view text) {
    if (auto parsed = parse(text)) {
        return *parsed;
    }
    throw DecimalError("not a decimal with at most 8 fractional digits: '" + std::string(text) +
                       "'");
}

Decimal Decimal::fromDouble(double value, Rounding rounding) {
    if (!std::isfinite(value)) {
        throw DecimalError("cannot convert a non-finite number to a decimal");
    }
    const long double scaled = static_cast<long double>(value) * kUnitsPerOne;
    long double rounded = 0;
    switch (rounding) {
        case Rounding::Down:
            rounded = std::trunc(scaled);
            break;
        case Rounding::Up:
            rounded = scaled < 0 ? std::floor(scaled) : std::ceil(scaled);
            break;
        case Rounding::Floor:
            rounded = std::floor(scaled);
            break;
        case Rounding::Ceiling:
            rounded = std::ceil(scaled);
            break;
        case Rounding::HalfEven:
            rounded = std::nearbyint(scaled);  // default FP mode: to nearest, ties to even
            break;
    }
    // 2^63 is exactly representable; anything at or beyond it does not fit.
    constexpr long double kLimit = 9223372036854775808.0L;
    if (rounded >= kLimit || rounded < -kLimit) {
        throw DecimalError("decimal overflow in fromDouble");
    }
    return fromUnits(static_cast<std::int64_t>(rounded));
}

double Decimal::toDouble() const {
    return static_cast<double>(units_) / static_cast<double>(kUnitsPerOne);
}

std::string Decimal::toFixed(int places, Rounding rounding) const {
    if (places < 0 || places > kScale) {
        throw DecimalError("toFixed places must be within 0..8");
    }
    Wide divisor = 1;
    for (int i = places; i < kScale; ++i) {
        divisor *= 10;
    }
    const Wide scaled = divideRounded(static_cast<Wide>(units_), divisor, rounding);
    const bool negative = scaled < 0;
    auto magnitude = static_cast<UnsignedWide>(negative ? -scaled : scaled);
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
        magnitude /= 10;
    } while (magnitude != 0);
    const auto fraction_length = static_cast<std::size_t>(places);
    if (digits.size() <= fraction_length) {
        digits.insert(0, fraction_length + 1 - digits.size(), '0');
    }
    if (places > 0) {
        digits.insert(digits.size() - fraction_length, 1, '.');
    }
    if (negative) {
        digits.insert(0, 1, '-');
    }
    return digits;
}

std::string Decimal::toString() const {
    std::string text = toFixed(kScale);
    const auto last = text.find_last_not_of('0');
    text.erase(last + 1);
    if (text.back() == '.') {
        text.pop_back();
    }
    return text;
}

Decimal Decimal::abs() const {
    if (units_ == kMin) {
        throw DecimalError("decimal overflow in abs");
    }
    return fromUnits(units_ < 0 ? -units_ : units_);
}

Decimal Decimal::roundToStep(Decimal step, Rounding rounding) const {
    if (!step.isPositive()) {
        throw DecimalError("step must be positive");
    }
    const Wide steps = divideRounded(static_cast<Wide>(units_), step.units_, rounding);
    return fromUnits(narrow(steps * step.units_, "roundToStep"));
}

bool Decimal::isMultipleOf(Decimal step) const {
    if (!step.isPositive()) {
        throw DecimalError("step must be positive");
    }
    return units_ % step.units_ == 0;
}

Decimal operator+(Decimal a, Decimal b) {
    std::int64_t sum = 0;
    if (__builtin_add_overflow(a.units_, b.units_, &sum)) {
        throw DecimalError("decimal overflow in +");
    }
    return Decimal::fromUnits(sum);
}

Decimal operator-(Decimal a, Decimal b) {
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(a.units_, b.units_, &difference)) {
        throw DecimalError("decimal overflow in -");
    }
    return Decimal::fromUnits(difference);
}

Decimal operator-(Decimal a) {
    return Decimal() - a;
}

Decimal mul(Decimal a, Decimal b, Rounding rounding) {
    const Wide product = static_cast<Wide>(a.units()) * b.units();
    return Decimal::fromUnits(
        narrow(divideRounded(product, Decimal::kUnitsPerOne, rounding), "mul"));
}

Decimal div(Decimal a, Decimal b, Rounding rounding) {
    if (b.isZero()) {
        throw DecimalError("decimal division by zero");
    }
    const Wide numerator = static_cast<Wide>(a.units()) * Decimal::kUnitsPerOne;
    return Decimal::fromUnits(narrow(divideRoundedSigned(numerator, b.units(), rounding), "div"));
}

Decimal mulInteger(Decimal a, std::int64_t n) {
    return Decimal::fromUnits(narrow(static_cast<Wide>(a.units()) * n, "mulInteger"));
}

}  // namespace robson::domain
