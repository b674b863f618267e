#pragma once

#include "robson/domain/decimal.hpp"

namespace robson::domain {

/// How a strategy wants its technical stop found. Plain data so that strategies (and later
/// tenants' own strategies) carry it as configuration.
struct StopConfig {
    /// Which support (BUY) or resistance (SELL) to anchor on, counted from the entry: 2 =
    /// the second level, the rule "if price breaks two supports the trend is broken".
    int level_n = 2;
    /// A swing low needs this many candles on each side with strictly higher lows.
    int pivot_bars = 2;
    /// Swings within entry × tolerance of a level's running mean merge into that level.
    Decimal cluster_tolerance_rate = Decimal::fromUnits(500'000);  // 0.5%
    /// A level needs at least this many swings (touches) to count.
    int min_touches = 1;
    /// Extra distance beyond the chosen level, as a fraction of the stop price (0 = none).
    Decimal level_buffer_rate;
    /// The stop must be at least this far from the entry (fraction of entry): 0.1%.
    Decimal min_distance_rate = Decimal::fromUnits(100'000);
    /// ...and at most this far: 10%.
    Decimal max_distance_rate = Decimal::fromUnits(10'000'000);
    /// ATR fallback: entry ∓ atr_multiplier × ATR(atr_period).
    int atr_period = 14;
    Decimal atr_multiplier = Decimal::fromUnits(150'000'000);  // 1.5
    /// How many of the most recent candles the analysis reads.
    int lookback = 100;

    friend bool operator==(const StopConfig&, const StopConfig&) = default;
};

}  // namespace robson::domain
