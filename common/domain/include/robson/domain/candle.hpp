#pragma once

#include "robson/domain/decimal.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace robson::domain {

/// One OHLCV bar as Binance reports it (times in milliseconds since the Unix epoch, UTC).
struct Candle {
    std::int64_t open_time_ms = 0;
    Decimal open;
    Decimal high;
    Decimal low;
    Decimal close;
    Decimal volume;
    std::int64_t close_time_ms = 0;

    friend bool operator==(const Candle&, const Candle&) = default;
};

using CandleSpan = std::span<const Candle>;

/// Closing prices as doubles, for indicators (which may compute in binary floating point).
[[nodiscard]] std::vector<double> closes(CandleSpan candles);

/// True when high ≥ max(open, close), low ≤ min(open, close), low > 0 and volume ≥ 0.
[[nodiscard]] bool isWellFormed(const Candle& candle);

}  // namespace robson::domain
