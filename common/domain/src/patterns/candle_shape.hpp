#pragma once
// Internal: a candle's body and wicks as parts of its range, compared exactly (the
// candlestick rules are fractions of the range; cross-multiplying keeps them exact).

#include "robson/domain/candle.hpp"
#include "robson/domain/decimal.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace robson::domain::patterns::detail {

struct CandleShape {
    Decimal range;  ///< high − low, > 0
    Decimal body;   ///< |close − open|
    Decimal upper_wick;
    Decimal lower_wick;
    bool bullish = false;  ///< close > open
    bool bearish = false;  ///< close < open
};

/// nullopt for a zero-range or malformed candle: it has no proportions to judge (the
/// original divided by the range and crashed here).
[[nodiscard]] inline std::optional<CandleShape> shapeOf(const Candle& candle) {
    if (!isWellFormed(candle) || candle.high == candle.low) {
        return std::nullopt;
    }
    const Decimal top = max(candle.open, candle.close);
    const Decimal bottom = min(candle.open, candle.close);
    return CandleShape{candle.high - candle.low,
                       top - bottom,
                       candle.high - top,
                       bottom - candle.low,
                       candle.close > candle.open,
                       candle.close < candle.open};
}

/// The exact sign of part × den − whole × num (part / whole against num / den, whole > 0).
[[nodiscard]] inline int compareFraction(Decimal part,
                                         Decimal whole,
                                         std::int64_t num,
                                         std::int64_t den) {
    __extension__ using Wide = __int128;
    const Wide left = static_cast<Wide>(part.units()) * den;
    const Wide right = static_cast<Wide>(whole.units()) * num;
    return left < right ? -1 : (left > right ? 1 : 0);
}

/// part / whole ≥ num / den, exactly.
[[nodiscard]] inline bool atLeast(Decimal part, Decimal whole, std::int64_t num, std::int64_t den) {
    return compareFraction(part, whole, num, den) >= 0;
}

/// part / whole ≤ num / den, exactly.
[[nodiscard]] inline bool atMost(Decimal part, Decimal whole, std::int64_t num, std::int64_t den) {
    return compareFraction(part, whole, num, den) <= 0;
}

/// part / whole to two decimals, for explanations only.
[[nodiscard]] inline std::string ratioText(Decimal part, Decimal whole) {
    return div(part, whole, Rounding::HalfEven).toFixed(2);
}

}  // namespace robson::domain::patterns::detail
