#pragma once

#include "robson/domain/decimal.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/stop_config.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace robson::domain {

/// Why a stop (computed or typed by a user) cannot be used.
enum class StopRejectionCode {
    WrongSide,         ///< not on the protective side: at or above the entry for a BUY
    TooClose,          ///< nearer to the entry than config.min_distance_rate
    TooFar,            ///< farther than config.max_distance_rate
    InsufficientData,  ///< no candles, or too few for the ATR fallback
    InvalidInput,      ///< entry or stop ≤ 0, a malformed candle, a nonsensical StopConfig
};

/// "WRONG_SIDE", "TOO_CLOSE", "TOO_FAR", "INSUFFICIENT_DATA", "INVALID_INPUT".
[[nodiscard]] std::string_view toString(StopRejectionCode code);

/// A machine code plus a sentence with the numbers, for the person reading the plan.
struct StopRejection {
    StopRejectionCode code = StopRejectionCode::InvalidInput;
    std::string message;

    friend bool operator==(const StopRejection&, const StopRejection&) = default;
};

/// Checks a stop against the entry and the distance bounds, in this order: entry > 0,
/// stop > 0, protective side (below the entry for a BUY, above for a SELL), then
/// min_distance_rate ≤ |entry − stop| / entry ≤ max_distance_rate (exact, no rounding).
/// nullopt means the stop is usable. Pure; used for computed and manual stops alike.
[[nodiscard]] std::optional<StopRejection> validateStop(Side side,
                                                        Decimal entry,
                                                        Decimal stop,
                                                        const StopConfig& config);

/// Rejects a configuration the analysis cannot honour (InvalidInput): level_n, pivot_bars,
/// min_touches, atr_period and lookback ≥ 1; rates ≥ 0; atr_multiplier > 0;
/// min_distance_rate < max_distance_rate < 1.
[[nodiscard]] std::optional<StopRejection> validateStopConfig(const StopConfig& config);

/// |entry − price| / entry as a percentage, rounded half-even to 4 decimals (2.0246 for a
/// 1932.10 distance from 95432.10). entry must be > 0.
[[nodiscard]] Decimal stopDistancePercent(Decimal entry, Decimal price);

/// A price for messages: at least 2 decimals, more when the value has them
/// ("95500.00", "95432.10", "0.00001234").
[[nodiscard]] std::string formatStopPrice(Decimal price);

}  // namespace robson::domain
