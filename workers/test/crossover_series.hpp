#pragma once
// A 15m series with one known MA crossover: closes 100, 99, … 86 (a slide), then 110, so SMA4
// crosses above SMA9 on candle 15 and only there (SMA4 87.5 ≤ SMA9 90 on 14; 92.75 > 91.78 on
// 15), followed by any later closes.

#include "robson/domain/candle.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace robson::workers::testing {

inline constexpr std::int64_t kSeriesStep = 900'000;             // 15m
inline constexpr std::int64_t kSeriesStart = 1'796'379'300'000;  // 2026-12-04T10:15:00Z
inline constexpr std::size_t kCrossoverIndex = 15;

/// Candle `i`: opens at `open`, one unit of wick either side.
inline domain::Candle seriesCandle(std::size_t i, std::int64_t open, std::int64_t close) {
    domain::Candle c;
    c.open_time_ms = kSeriesStart + static_cast<std::int64_t>(i) * kSeriesStep;
    c.close_time_ms = c.open_time_ms + kSeriesStep - 1;
    c.open = domain::Decimal::fromInteger(open);
    c.close = domain::Decimal::fromInteger(close);
    c.high = domain::Decimal::fromInteger(std::max(open, close) + 1);
    c.low = domain::Decimal::fromInteger(std::min(open, close) - 1);
    c.volume = domain::Decimal::fromInteger(10);
    return c;
}

inline std::vector<domain::Candle> crossoverSeries(const std::vector<std::int64_t>& after = {}) {
    std::vector<std::int64_t> closes;
    for (std::int64_t value = 100; value >= 86; --value) {
        closes.push_back(value);
    }
    closes.push_back(110);
    closes.insert(closes.end(), after.begin(), after.end());
    std::vector<domain::Candle> series;
    for (std::size_t i = 0; i < closes.size(); ++i) {
        series.push_back(seriesCandle(i, i == 0 ? closes[0] : closes[i - 1], closes[i]));
    }
    return series;
}

}  // namespace robson::workers::testing
