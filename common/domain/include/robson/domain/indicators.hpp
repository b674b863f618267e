#pragma once

#include "robson/domain/candle.hpp"

#include <optional>
#include <span>
#include <vector>

namespace robson::domain {

/// An indicator series aligned with its input: element i is the value after input i, or
/// nullopt while the indicator is still warming up.
using IndicatorSeries = std::vector<std::optional<double>>;

// Technical indicators, computed in binary floating point (they describe the market; they
// are never an order price). All are pure functions of their input.
//
// Common contract:
//   - period <= 0 throws std::invalid_argument (a programming error, not market data);
//   - a non-finite input value throws std::invalid_argument;
//   - input shorter than the warm-up gives a series of nullopt of the input's length.

/// Simple moving average: mean of the last `period` values; defined from index period − 1.
[[nodiscard]] IndicatorSeries sma(std::span<const double> values, int period);

/// Exponential moving average, alpha = 2 / (period + 1), seeded at index period − 1 with the
/// SMA of the first `period` values; then ema_i = alpha × x_i + (1 − alpha) × ema_{i−1}.
[[nodiscard]] IndicatorSeries ema(std::span<const double> values, int period);

/// Wilder's RSI over closing prices. The first average gain/loss is the simple mean of the
/// first `period` changes (so RSI is defined from index `period`); after that
/// avg = (prev × (period − 1) + current) / period. RSI = 100 − 100 / (1 + avg_gain / avg_loss).
/// Degenerate windows: only gains ⇒ 100; no gains and no losses (a flat market) ⇒ 50.
[[nodiscard]] IndicatorSeries rsi(std::span<const double> closes, int period = 14);

/// One point of Bollinger bands.
struct BollingerBand {
    double lower = 0;
    double middle = 0;
    double upper = 0;
};

/// Bollinger bands: middle = SMA(period), bands = middle ± k × the *population* standard
/// deviation of the same window. Defined from index period − 1. k must be finite and ≥ 0.
[[nodiscard]] std::vector<std::optional<BollingerBand>> bollinger(std::span<const double> values,
                                                                  int period = 20,
                                                                  double k = 2.0);

/// True range of each candle: max(H − L, |H − prevC|, |L − prevC|); the first candle, which
/// has no previous close, uses H − L. A price gap between candles therefore counts in full.
[[nodiscard]] std::vector<double> trueRanges(CandleSpan candles);

/// Wilder's average true range, the one definition the technical stop uses: the first ATR
/// (at index period − 1) is the mean of the first `period` true ranges, then
/// atr_i = (atr_{i−1} × (period − 1) + tr_i) / period.
[[nodiscard]] IndicatorSeries atr(CandleSpan candles, int period = 14);

/// The last element of a series, if it is defined (nullopt for an empty series too).
[[nodiscard]] std::optional<double> lastValue(const IndicatorSeries& series);

/// True when `fast` crossed above `slow` on the last point: previous fast ≤ previous slow and
/// current fast > current slow. The two series are aligned at their ends; false when either
/// has fewer than two points or any of the four values is undefined. Fires once: on the
/// next point (fast still above) it is false again.
[[nodiscard]] bool crossedAbove(const IndicatorSeries& fast, const IndicatorSeries& slow);

/// The mirror of crossedAbove: previous fast ≥ previous slow and current fast < current slow.
[[nodiscard]] bool crossedBelow(const IndicatorSeries& fast, const IndicatorSeries& slow);

}  // namespace robson::domain
