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
///
/// The rules (each "x of range" is x / (high − low) of that candle; every price comparison is
/// exact on Decimal except the Bollinger band and RSI, which are indicators in double):
///   MA_CROSSOVER   (BUY, 0.70, confirmed on detection): SMA4 of closes ≤ SMA9 on the previous
///                  candle and SMA4 > SMA9 on the trigger (needs 10 closes). Fires once per
///                  cross. Confirmation level: the trigger close; invalidation: the lowest low
///                  of the 4 candles in the fast average.
///   GOLDEN_CROSS   (BUY, 0.75, confirmed on detection): the same with SMA50 and SMA200 (needs
///                  201 closes); invalidation: the lowest low of the last 50 candles. A slower,
///                  rarer and more widely watched signal, hence the higher base.
///   BOLLINGER_RSI  (BUY, 0.70, confirmed on detection): low ≤ the lower band (20, 2σ) and
///                  RSI(14) < 30 on the trigger, and not both on the candle before (the first
///                  candle of a run fires, so a long slide is one instance, not one a candle).
///                  Confirmation level: the trigger close; invalidation: the trigger low.
///   HAMMER         (BUY, 0.75): 0.10 ≤ body ≤ 0.30 of range, lower wick ≥ 0.60, upper wick
///                  ≤ 0.15, lower wick ≥ 2 × body. Confirmation: its high; invalidation: its low.
///   BULLISH_ENGULFING / BEARISH_ENGULFING (BUY / SELL, 0.80): on the pair (previous, trigger):
///                  body ≥ 0.20 of range on the first and ≥ 0.30 on the second, each wick of
///                  each candle ≤ 0.40 of its range; bullish: first bearish, second bullish,
///                  second close > first open and second open < first close (bearish mirrors);
///                  second body ≥ 1.05 × first body. Confirmation: the second close;
///                  invalidation: the pair's low (bullish) / high (bearish).
/// A candle with high = low (zero range) or not well formed (isWellFormed) never forms a
/// candlestick pattern.
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

/// The detector's fixed base confidence (0.70, 0.75, 0.70, 0.75, 0.80, 0.80 in the order above).
[[nodiscard]] Decimal baseConfidence(PatternKind kind);
/// BUY for the bullish kinds, SELL for BEARISH_ENGULFING.
[[nodiscard]] Side directionOf(PatternKind kind);
/// True for the crossovers and BOLLINGER_RSI: their own close confirms them.
[[nodiscard]] bool confirmedOnDetection(PatternKind kind);
/// One sentence for the catalog (GET /api/patterns/catalog/).
[[nodiscard]] std::string_view describe(PatternKind kind);

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
    Side direction = Side::Buy;             ///< Buy for bullish patterns, Sell for bearish
    std::size_t trigger_index = 0;          ///< index of the trigger candle in the input
    std::int64_t trigger_open_time_ms = 0;  ///< its open time: the instance's identity
    Decimal confidence;                     ///< the detector's base confidence, 0..1
    Decimal confirmation_level;             ///< a later close beyond it confirms
    Decimal invalidation_level;             ///< a later close beyond it invalidates
    bool confirmed_on_detection = false;    ///< crossovers: the close itself confirms
    std::string explanation;                ///< one sentence with the numbers that fired

    friend bool operator==(const Detection&, const Detection&) = default;
};

/// Every detection whose trigger candle is `index`, computed from candles[0..index] only
/// (appending candles never changes the answer), in allPatternKinds() order. Throws
/// std::out_of_range when index ≥ closed.size().
[[nodiscard]] std::vector<Detection> detectAt(CandleSpan closed, std::size_t index);

/// Every detection over the whole series (each candle as a trigger in turn), oldest first.
/// Used for the real-data report and the benchmark; single pass where the maths allows.
[[nodiscard]] std::vector<Detection> detectAll(CandleSpan closed);

/// What a detection became by the end of `closed` (the same series it was found in, possibly
/// longer now): confirmed, invalidated, expired after `expiry_candles` candles without a
/// decision, or still detected. Confirmation adds 0.10 to the confidence (capped at 1).
///
/// Only the candles opened after the trigger count (found by open time, so `closed` may be a
/// later window, as long as it holds every candle since the trigger); they are read oldest
/// first and the first that decides wins, so a later candle never reverses a decision.
///   - confirmed_on_detection: CONFIRMED at the trigger candle itself.
///   - BUY: a close below invalidation_level INVALIDATES, a close above confirmation_level
///     CONFIRMS; SELL mirrors. If one close could do both (levels crossed, e.g. a hand-edited
///     row), invalidation wins: never trade on a candle that also broke the pattern.
///   - undecided after `expiry_candles` later candles: EXPIRED at the last of them.
/// Confidence: CONFIRMED → base + 0.10 (≤ 1); INVALIDATED → 0 (as the original's
/// INVALIDATE alert); DETECTED and EXPIRED → the base. A CONFIRMED instance that nobody used
/// in time expires too, but that is the scan worker's call (it knows about CONSUMED); follow
/// never moves a confirmed instance. Throws std::invalid_argument when expiry_candles is 0.
struct Progress {
    PatternState state = PatternState::Detected;
    Decimal confidence;
    std::optional<std::int64_t> decided_at_open_time_ms;  ///< the candle that decided it
};
[[nodiscard]] Progress follow(const Detection& detection,
                              CandleSpan closed,
                              std::size_t expiry_candles = 5);

}  // namespace robson::domain::patterns
