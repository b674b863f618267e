#pragma once

#include "robson/domain/candle.hpp"
#include "robson/domain/decimal.hpp"
#include "robson/domain/side.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// Chart patterns the scanner looks for (docs/decisions/0005-pattern-scanner.md). Pure: the
/// detectors see closed candles only, oldest first, and never the candle still forming.
namespace robson::domain::patterns {

enum class PatternKind {
    MaCrossover,         ///< SMA4 crosses above SMA9 ("Rescue Forces")
    GoldenCross,         ///< SMA50 crosses above SMA200 ("Smooth Sailing")
    BollingerRsiBounce,  ///< low ≤ lower Bollinger band (20, 2σ) while RSI(14) < 30 ("Bounce Back")
    Hammer,
    BullishEngulfing,
    BearishEngulfing,
};

/// "MA_CROSSOVER", "GOLDEN_CROSS", "BOLLINGER_RSI", "HAMMER", "BULLISH_ENGULFING",
/// "BEARISH_ENGULFING" — the names stored in PostgreSQL and shown by the API.
[[nodiscard]] std::string_view toString(PatternKind kind);
[[nodiscard]] std::optional<PatternKind> parsePatternKind(std::string_view text);
/// Every kind, in the order above.
[[nodiscard]] std::span<const PatternKind> allPatternKinds();

/// A pattern instance's life: DETECTED → CONFIRMED → CONSUMED, or DETECTED → EXPIRED |
/// INVALIDATED, or CONFIRMED → EXPIRED (confirmed but nobody used it in time).
enum class PatternState { Detected, Confirmed, Consumed, Expired, Invalidated };

/// "DETECTED", "CONFIRMED", "CONSUMED", "EXPIRED", "INVALIDATED".
[[nodiscard]] std::string_view toString(PatternState state);
[[nodiscard]] std::optional<PatternState> parsePatternState(std::string_view text);
/// The allowed moves above (and nothing else; a state never moves to itself).
[[nodiscard]] bool canTransition(PatternState from, PatternState to);
[[nodiscard]] bool isFinal(PatternState state);  ///< CONSUMED, EXPIRED, INVALIDATED

/// One pattern found on the candle that completed it (the trigger candle).
struct Detection {
    PatternKind kind = PatternKind::MaCrossover;
    Side direction = Side::Buy;               ///< Buy for bullish patterns, Sell for bearish
    std::size_t trigger_index = 0;            ///< index of the trigger candle in the input
    std::int64_t trigger_open_time_ms = 0;    ///< its open time: the instance's identity
    Decimal confidence;                       ///< the detector's base confidence, 0..1
    Decimal confirmation_level;               ///< a later close beyond it confirms
    Decimal invalidation_level;               ///< a later close beyond it invalidates
    bool confirmed_on_detection = false;      ///< crossovers: the close itself confirms
    std::string explanation;                  ///< one sentence with the numbers that fired

    friend bool operator==(const Detection&, const Detection&) = default;
};

/// Every detection whose trigger candle is `index`, computed from candles[0..index] only.
[[nodiscard]] std::vector<Detection> detectAt(CandleSpan closed, std::size_t index);

/// Every detection over the whole series (each candle as a trigger in turn), oldest first.
/// Used for the real-data report and the benchmark; single pass where the maths allows.
[[nodiscard]] std::vector<Detection> detectAll(CandleSpan closed);

/// What a detection became by the end of `closed` (the same series it was found in, possibly
/// longer now): confirmed, invalidated, expired after `expiry_candles` candles without a
/// decision, or still detected. Confirmation adds 0.10 to the confidence (capped at 1).
struct Progress {
    PatternState state = PatternState::Detected;
    Decimal confidence;
    std::optional<std::int64_t> decided_at_open_time_ms;  ///< the candle that decided it
};
[[nodiscard]] Progress follow(const Detection& detection,
                              CandleSpan closed,
                              std::size_t expiry_candles = 5);

}  // namespace robson::domain::patterns
