#pragma once

#include "robson/domain/candle.hpp"
#include "robson/domain/decimal.hpp"
#include "robson/domain/side.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace robson::domain {

/// A pivot of the chart: a candle whose low (or high) is a strict local extreme.
struct Swing {
    std::size_t index = 0;     ///< position in the candle span it was found in
    Decimal price;             ///< the candle's low (swing low) or high (swing high)
    std::int64_t time_ms = 0;  ///< the candle's open time

    friend bool operator==(const Swing&, const Swing&) = default;
};

/// Swing lows: candles whose low is STRICTLY below the lows of the `pivot_bars` candles
/// before and the `pivot_bars` after, so the first and last pivot_bars candles never
/// qualify and equal neighbours cancel a swing (lows [10, 8, 8, 9, 10] hold none;
/// [10, 9, 8, 9, 10] hold one at index 2). Oldest first. pivot_bars ≤ 0 throws
/// std::invalid_argument.
[[nodiscard]] std::vector<Swing> findSwingLows(CandleSpan candles, int pivot_bars);

/// The mirror of findSwingLows on highs.
[[nodiscard]] std::vector<Swing> findSwingHighs(CandleSpan candles, int pivot_bars);

/// The swings that can protect an entry on `side`: lows for a BUY, highs for a SELL.
[[nodiscard]] std::vector<Swing> findProtectiveSwings(CandleSpan candles,
                                                      Side side,
                                                      int pivot_bars);

/// A support (BUY) or resistance (SELL) level built from clustered swings.
struct SwingLevel {
    /// The adverse extreme of the cluster: its lowest member for a BUY, its highest for a
    /// SELL, so a stop beyond it is beyond the whole zone (R's ADR-0053).
    Decimal price;
    int touches = 0;                  ///< swings in the cluster
    std::int64_t first_touch_ms = 0;  ///< open time of the earliest swing candle
    std::int64_t last_touch_ms = 0;   ///< open time of the latest swing candle
    Decimal distance;                 ///< |entry − price|
    Decimal distance_percent;         ///< distance / entry × 100, 4 decimals

    friend bool operator==(const SwingLevel&, const SwingLevel&) = default;
};

/// Turns swings into levels, R's way:
///  1. keep only swings strictly on the protective side (below the entry for a BUY);
///  2. take them closest to the entry first; each joins the first cluster whose running
///     mean is within entry × tolerance_rate of it (inclusive), else starts a new cluster;
///  3. drop clusters with fewer than min_touches swings;
///  4. return the levels nearest the entry first.
/// entry must be > 0 and tolerance_rate ≥ 0 (std::invalid_argument otherwise).
[[nodiscard]] std::vector<SwingLevel> clusterSwingLevels(std::span<const Swing> swings,
                                                         Side side,
                                                         Decimal entry,
                                                         Decimal tolerance_rate,
                                                         int min_touches);

}  // namespace robson::domain
