#pragma once
// Internal to the pattern detectors: the data every detector reads, computed once per series
// (detectAll) or over the prefix ending at the trigger (detectAt), and the detectors.

#include "candle_shape.hpp"
#include "robson/domain/candle.hpp"
#include "robson/domain/indicators.hpp"
#include "robson/domain/patterns/pattern.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace robson::domain::patterns::detail {

// Sums of up to 200 closes of up to ~9.2e18 units each do not fit in 64 bits.
__extension__ using WideSum = __int128;

/// Everything a detector needs, aligned with `candles`. Each element i depends on
/// candles[0..i] only, so a series built over a longer input agrees with one built over the
/// prefix: that is what makes detectAll equal detectAt at every index.
struct PatternSeries {
    CandleSpan candles;
    /// close_sums[i] = the sum of the closes (in 1e-8 units) of candles[0..i), so a window's
    /// SMA comparison is exact integer arithmetic. Size candles.size() + 1.
    std::vector<WideSum> close_sums;
    IndicatorSeries rsi;                              ///< RSI(14) of the closes
    std::vector<std::optional<BollingerBand>> bands;  ///< Bollinger(20, 2σ) of the closes
    /// Each candle's body and wicks (nullopt: zero range or malformed); the hammer reads one,
    /// engulfing two, so each is worked out once.
    std::vector<std::optional<CandleShape>> shapes;
};

[[nodiscard]] PatternSeries buildSeries(CandleSpan candles);

/// A Detection of `kind` triggered by candles[index], with the kind's fixed fields filled
/// (direction, base confidence, confirmed_on_detection, trigger time); levels and explanation
/// are the detector's.
[[nodiscard]] Detection startDetection(PatternKind kind, CandleSpan candles, std::size_t index);

/// The crossover rule both SMA patterns share: SMA(fast) ≤ SMA(slow) on index − 1 and
/// SMA(fast) > SMA(slow) on index, compared exactly.
[[nodiscard]] std::optional<Detection> detectSmaCross(const PatternSeries& series,
                                                      std::size_t index,
                                                      PatternKind kind,
                                                      std::size_t fast,
                                                      std::size_t slow);

[[nodiscard]] std::optional<Detection> detectMaCrossover(const PatternSeries& series,
                                                         std::size_t index);
[[nodiscard]] std::optional<Detection> detectGoldenCross(const PatternSeries& series,
                                                         std::size_t index);
[[nodiscard]] std::optional<Detection> detectBollingerRsi(const PatternSeries& series,
                                                          std::size_t index);
[[nodiscard]] std::optional<Detection> detectHammer(const PatternSeries& series, std::size_t index);
/// Bullish or bearish (they cannot both hold on one pair).
[[nodiscard]] std::optional<Detection> detectEngulfing(const PatternSeries& series,
                                                       std::size_t index);

}  // namespace robson::domain::patterns::detail
