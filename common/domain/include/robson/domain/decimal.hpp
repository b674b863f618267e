#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace robson::domain {

/// How a result that does not fit in 8 decimals (or on a step) is brought onto the grid.
/// Every operation that can lose digits takes one explicitly: money code never guesses.
enum class Rounding {
    Down,      ///< toward zero (truncate)
    Up,        ///< away from zero
    Floor,     ///< toward negative infinity
    Ceiling,   ///< toward positive infinity
    HalfEven,  ///< to nearest, ties to the even neighbour (banker's rounding; for display)
};

/// Thrown when a result does not fit (overflow), on division by zero, or when a string is
/// not a valid decimal. Never silently wrong: every arithmetic path checks its range.
class DecimalError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Exact fixed-point decimal: a signed 64-bit count of 1e-8 units.
///
/// Eight decimals is Binance's precision for every price, quantity and balance, so any
/// exchange string round-trips exactly. The range is about ±92 billion, far beyond any
/// price or balance we handle; leaving it throws DecimalError instead of wrapping.
/// Addition and subtraction are exact; multiplication and division compute in 128 bits and
/// round once, as the caller says. A plain value type, safe to copy between threads.
class Decimal {
public:
    static constexpr int kScale = 8;
    static constexpr std::int64_t kUnitsPerOne = 100'000'000;

    constexpr Decimal() = default;

    /// The value units × 1e-8.
    static constexpr Decimal fromUnits(std::int64_t units) {
        Decimal d;
        d.units_ = units;
        return d;
    }
    /// A whole number; throws DecimalError if it does not fit.
    static Decimal fromInteger(std::int64_t value);
    /// Parses "95432.10", "-0.5", "0.00001000", "100". Rejects exponents, signs other than a
    /// leading '-', spaces, empty parts ("1.", ".5" are rejected), more than 8 significant
    /// fractional digits and values out of range. Trailing zeros are fine.
    static std::optional<Decimal> parse(std::string_view text);
    /// parse() that throws DecimalError naming the bad text.
    static Decimal fromString(std::string_view text);
    /// Converts a binary double (an indicator value) onto the 1e-8 grid with the given
    /// rounding. Throws DecimalError for NaN, infinity or out-of-range values.
    static Decimal fromDouble(double value, Rounding rounding);

    [[nodiscard]] constexpr std::int64_t units() const { return units_; }
    /// For indicators and display only; never feed the result back into an order.
    [[nodiscard]] double toDouble() const;

    /// Shortest exact text: "0.000517", "100", "-1.5".
    [[nodiscard]] std::string toString() const;
    /// Exactly `places` decimals (0..8), rounding as told: toFixed(2) of 0.9989 is "1.00".
    [[nodiscard]] std::string toFixed(int places, Rounding rounding = Rounding::HalfEven) const;

    [[nodiscard]] constexpr bool isZero() const { return units_ == 0; }
    [[nodiscard]] constexpr bool isNegative() const { return units_ < 0; }
    [[nodiscard]] constexpr bool isPositive() const { return units_ > 0; }
    [[nodiscard]] Decimal abs() const;

    /// The multiple of `step` reached by rounding this value as told. step must be > 0.
    [[nodiscard]] Decimal roundToStep(Decimal step, Rounding rounding) const;
    [[nodiscard]] Decimal floorToStep(Decimal step) const {
        return roundToStep(step, Rounding::Floor);
    }
    [[nodiscard]] Decimal ceilToStep(Decimal step) const {
        return roundToStep(step, Rounding::Ceiling);
    }
    /// True when this value is an exact multiple of step (step > 0).
    [[nodiscard]] bool isMultipleOf(Decimal step) const;

    // clang-tidy 14 sees the literal 0 of the synthesized comparison as a null pointer.
    friend constexpr auto operator<=>(Decimal, Decimal) = default;  // NOLINT(modernize-use-nullptr)
    friend constexpr bool operator==(Decimal, Decimal) = default;

    friend Decimal operator+(Decimal a, Decimal b);
    friend Decimal operator-(Decimal a, Decimal b);
    friend Decimal operator-(Decimal a);
    Decimal& operator+=(Decimal other) { return *this = *this + other; }
    Decimal& operator-=(Decimal other) { return *this = *this - other; }

private:
    std::int64_t units_ = 0;
};

/// a × b rounded to 8 decimals as told. Throws DecimalError on overflow.
[[nodiscard]] Decimal mul(Decimal a, Decimal b, Rounding rounding);
/// a ÷ b rounded to 8 decimals as told. Throws DecimalError on overflow or b == 0.
[[nodiscard]] Decimal div(Decimal a, Decimal b, Rounding rounding);
/// a × n for a whole n, exact. Throws DecimalError on overflow.
[[nodiscard]] Decimal mulInteger(Decimal a, std::int64_t n);

[[nodiscard]] inline Decimal min(Decimal a, Decimal b) {
    return b < a ? b : a;
}
[[nodiscard]] inline Decimal max(Decimal a, Decimal b) {
    return a < b ? b : a;
}

namespace decimal_literals {
/// "95432.10"_d — for tests and constants; throws DecimalError if malformed.
inline Decimal operator""_d(const char* text, std::size_t length) {
    return Decimal::fromString(std::string_view(text, length));
}
}  // namespace decimal_literals

}  // namespace robson::domain
