#pragma once
// Candle series for the indicator, swing and technical-stop tests: built from lows (or
// highs) so a test states exactly which swings the chart holds.

#include "robson/domain/candle.hpp"
#include "robson/domain/decimal.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace robson::domain::test_candles {

inline constexpr std::int64_t kFifteenMinutesMs = std::int64_t{15} * 60 * 1000;

/// One candle; times advance 15 minutes per index.
inline Candle candle(std::size_t index, Decimal open, Decimal high, Decimal low, Decimal close) {
    const auto open_time = static_cast<std::int64_t>(index) * kFifteenMinutesMs;
    return Candle{open_time,
                  open,
                  high,
                  low,
                  close,
                  Decimal::fromInteger(1),
                  open_time + kFifteenMinutesMs - 1};
}

/// Candles whose lows are `lows`; high = low + range, open = close = low + range / 2.
inline std::vector<Candle> fromLows(const std::vector<std::string>& lows,
                                    Decimal range = Decimal::fromInteger(1)) {
    std::vector<Candle> out;
    const Decimal half = Decimal::fromUnits(range.units() / 2);
    for (const auto& text : lows) {
        const Decimal low = Decimal::fromString(text);
        out.push_back(candle(out.size(), low + half, low + range, low, low + half));
    }
    return out;
}

/// Candles whose highs are `highs`; low = high − range, open = close = high − range / 2.
inline std::vector<Candle> fromHighs(const std::vector<std::string>& highs,
                                     Decimal range = Decimal::fromInteger(1)) {
    std::vector<Candle> out;
    const Decimal half = Decimal::fromUnits(range.units() / 2);
    for (const auto& text : highs) {
        const Decimal high = Decimal::fromString(text);
        out.push_back(candle(out.size(), high - half, high, high - range, high - half));
    }
    return out;
}

/// Each swing value surrounded by `filler` candles: [F×bars, s1, F×bars, s2, ..., F×bars].
/// With fromLows and a filler above every swing, the swing lows are exactly `swings`.
inline std::vector<std::string> withFillers(const std::vector<std::string>& swings,
                                            const std::string& filler,
                                            int bars = 2) {
    std::vector<std::string> out(static_cast<std::size_t>(bars), filler);
    for (const auto& swing : swings) {
        out.push_back(swing);
        out.insert(out.end(), static_cast<std::size_t>(bars), filler);
    }
    return out;
}

/// A staircase where every true range is exactly `range`: candle i has low lows[i] and
/// high lows[i] + range, and closes where the next candle's range begins, so the next
/// candle's range contains the previous close (|lows[i+1] − lows[i]| ≤ range required).
inline std::vector<Candle> constantRange(const std::vector<std::string>& lows, Decimal range) {
    std::vector<Candle> out;
    for (std::size_t i = 0; i < lows.size(); ++i) {
        const Decimal low = Decimal::fromString(lows[i]);
        const Decimal close = i + 1 < lows.size() ? max(low, Decimal::fromString(lows[i + 1]))
                                                  : low + Decimal::fromUnits(range.units() / 2);
        const Decimal open = out.empty() ? close : out.back().close;
        out.push_back(candle(i, open, low + range, low, close));
    }
    return out;
}

/// Decimal text from a number of hundredths (for generated price paths).
inline std::string hundredths(std::int64_t value) {
    return Decimal::fromUnits(value * 1'000'000).toString();
}

}  // namespace robson::domain::test_candles
