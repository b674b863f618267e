#pragma once

#include "robson/domain/candle.hpp"
#include "robson/domain/decimal.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/stop_config.hpp"
#include "robson/domain/stop_validation.hpp"
#include "robson/domain/swing.hpp"
#include "robson/domain/symbol_rules.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace robson::domain {

/// How the stop was found.
enum class StopMethod {
    Level,        ///< beyond a support (BUY) or resistance (SELL) built from swings
    AtrFallback,  ///< entry ∓ atr_multiplier × ATR(atr_period)
};
/// "LEVEL", "ATR_FALLBACK".
[[nodiscard]] std::string_view toString(StopMethod method);

/// HIGH: the configured level N was used; MEDIUM: the walk went deeper; LOW: ATR fallback.
enum class StopConfidence { High, Medium, Low };
/// "HIGH", "MEDIUM", "LOW".
[[nodiscard]] std::string_view toString(StopConfidence confidence);

/// Why a level at or beyond N was passed over.
enum class LevelSkipReason {
    BelowMin,  ///< the stop it gives is nearer than min_distance_rate: try a deeper level
    AboveMax,  ///< farther than max_distance_rate: stop walking, go to the ATR fallback
};
/// "below_min", "above_max" (R's audit spelling).
[[nodiscard]] std::string_view toString(LevelSkipReason reason);

/// Why the ATR fallback was used.
enum class FallbackReason {
    FewerLevelsThanN,  ///< fewer than level_n levels on the protective side
    LevelTooFar,       ///< the walk met a level beyond max_distance_rate
    NoLevelFarEnough,  ///< every level from N on was nearer than min_distance_rate
};
/// "FEWER_LEVELS_THAN_N", "LEVEL_TOO_FAR", "NO_LEVEL_FAR_ENOUGH".
[[nodiscard]] std::string_view toString(FallbackReason reason);

/// One level the walk passed over, and the stop it would have given.
struct LevelSkip {
    int level = 0;  ///< 1-based position among the levels, nearest first
    Decimal level_price;
    Decimal candidate_stop;  ///< after the buffer and the tick rounding
    Decimal distance_percent;
    LevelSkipReason reason = LevelSkipReason::BelowMin;

    friend bool operator==(const LevelSkip&, const LevelSkip&) = default;
};

/// Everything the analysis found and decided, so the UI can draw it and say why.
/// Invariant: `stop` is present exactly when `rejection` is absent; then it is on the
/// protective side, on the tick grid and within the distance bounds.
struct TechnicalStopAnalysis {
    Side side = Side::Buy;
    Decimal entry;
    StopConfig config;                ///< as given; config.level_n is the configured N
    std::size_t candles_read = 0;     ///< the last min(lookback, size) candles
    std::size_t swings_found = 0;     ///< protective-type swings in those candles, either side
    std::vector<SwingLevel> levels;   ///< kept levels on the protective side, nearest first
    std::optional<int> chosen_level;  ///< 1-based index into levels when method is Level
    std::vector<LevelSkip> skips;
    std::optional<FallbackReason> fallback_reason;
    std::optional<StopMethod> method;  ///< absent only when the input itself was rejected
    std::optional<double> atr;         ///< the ATR value used (ATR fallback only)
    std::optional<Decimal> stop;
    std::optional<Decimal> distance;          ///< |entry − stop|
    std::optional<Decimal> distance_percent;  ///< of the entry, 4 decimals (2.0246)
    std::optional<StopConfidence> confidence;
    std::optional<StopRejection> rejection;
};

/// Finds the technical stop for an entry, R's refined algorithm with our StopConfig:
///  1. read the last config.lookback candles (oldest first, as the exchange returns them);
///  2. swings (lows for a BUY, highs for a SELL), filtered to the protective side and
///     clustered into levels (see clusterSwingLevels), nearest first;
///  3. anchor at level N, walk deeper only: each candidate stop is the level moved away
///     from the entry by level × level_buffer_rate and rounded to the tick away from the
///     entry; too close ⇒ skip (below_min) and try the next; too far ⇒ skip (above_max)
///     and fall back. HIGH confidence at N, MEDIUM deeper;
///  4. ATR fallback (fewer than N levels, a level too far, or none far enough):
///     entry ∓ atr_multiplier × ATR(atr_period) over the same candles, rounded away from
///     the entry, LOW confidence; too few candles (< atr_period + 1) or out of bounds ⇒
///     rejected. A zero ATR (a flat market) is TOO_CLOSE;
///  5. the chosen stop passes validateStop.
/// Never throws on market data: bad input is a rejection (INVALID_INPUT / INSUFFICIENT_DATA).
[[nodiscard]] TechnicalStopAnalysis analyzeTechnicalStop(CandleSpan candles,
                                                         Side side,
                                                         Decimal entry,
                                                         const StopConfig& config,
                                                         const SymbolRules& rules);

/// One factual paragraph: "Stop 97.70 at the 2nd support below 100.00 (2 touches), 2.30%
/// away. Confidence HIGH. ..." — or why there is no stop.
[[nodiscard]] std::string explainTechnicalStop(const TechnicalStopAnalysis& analysis);

}  // namespace robson::domain
