#pragma once
// Candle series for the pattern tests: single bars from their four prices, series from closes,
// and a seeded random walk with real-looking wicks (for the whole-series properties).

#include "robson/domain/candle.hpp"
#include "robson/domain/decimal.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace robson::domain::pattern_test {

inline constexpr std::int64_t kMinuteMs = 60'000;
inline constexpr std::int64_t kFifteenMinutesMs = 15 * kMinuteMs;

/// Candle `index` (open time index × 15 minutes) with the given prices.
inline Candle bar(std::size_t index,
                  const std::string& open,
                  const std::string& high,
                  const std::string& low,
                  const std::string& close) {
    const auto open_time = static_cast<std::int64_t>(index) * kFifteenMinutesMs;
    return Candle{open_time,
                  Decimal::fromString(open),
                  Decimal::fromString(high),
                  Decimal::fromString(low),
                  Decimal::fromString(close),
                  Decimal::fromInteger(1),
                  open_time + kFifteenMinutesMs - 1};
}

/// The same candle moved to position `index` (for appending a hand-built bar to a series).
inline Candle at(std::size_t index, Candle candle) {
    candle.open_time_ms = static_cast<std::int64_t>(index) * kFifteenMinutesMs;
    candle.close_time_ms = candle.open_time_ms + kFifteenMinutesMs - 1;
    return candle;
}

/// Appends candles closing at `closes`, each opening at the previous close (the first at its
/// own close) with no wicks: high = max(open, close), low = min(open, close).
inline void appendCloses(std::vector<Candle>& series, const std::vector<std::string>& closes) {
    for (const auto& text : closes) {
        const Decimal close = Decimal::fromString(text);
        const Decimal open = series.empty() ? close : series.back().close;
        Candle candle = at(series.size(), Candle{});
        candle.open = open;
        candle.close = close;
        candle.high = max(open, close);
        candle.low = min(open, close);
        candle.volume = Decimal::fromInteger(1);
        series.push_back(candle);
    }
}

inline std::vector<Candle> fromCloses(const std::vector<std::string>& closes) {
    std::vector<Candle> series;
    appendCloses(series, closes);
    return series;
}

/// `count` copies of `close`.
inline std::vector<std::string> repeat(const std::string& close, std::size_t count) {
    std::vector<std::string> closes(count, close);  // not braces: that would be a 2-list
    return closes;
}

/// A seeded random walk around 100 in cents: every candle opens near the previous close and
/// has wicks of random length and a body of random size and colour, so all candlestick
/// shapes occur now and then.
inline std::vector<Candle> randomWalk(std::size_t count, std::uint64_t seed) {
    std::uint64_t state = seed;
    const auto next = [&state](std::int64_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::int64_t>((state >> 33) % static_cast<std::uint64_t>(bound));
    };
    std::vector<Candle> series;
    std::int64_t cents = 10'000;
    constexpr std::int64_t kUnitsPerCent = 1'000'000;
    for (std::size_t i = 0; i < count; ++i) {
        // A small gap at the open, as thin markets show (engulfing needs one).
        const std::int64_t open = std::max<std::int64_t>(1'000, cents + next(21) - 10);
        const std::int64_t close = std::max<std::int64_t>(1'000, open + next(161) - 80);
        const std::int64_t high = std::max(open, close) + next(60);
        const std::int64_t low = std::max<std::int64_t>(500, std::min(open, close) - next(60));
        Candle candle = at(i, Candle{});
        candle.open = Decimal::fromUnits(open * kUnitsPerCent);
        candle.high = Decimal::fromUnits(high * kUnitsPerCent);
        candle.low = Decimal::fromUnits(low * kUnitsPerCent);
        candle.close = Decimal::fromUnits(close * kUnitsPerCent);
        candle.volume = Decimal::fromInteger(1);
        series.push_back(candle);
        cents = close;
    }
    return series;
}

}  // namespace robson::domain::pattern_test
