#include "pattern_catalog.hpp"

#include <algorithm>
#include <array>

namespace robson::api {

namespace {

// The base confidences are the detectors' (trading-domain reference §8: hammer 0.75,
// engulfing 0.80); the crossovers and the Bollinger/RSI bounce are our own.
constexpr std::array<CatalogEntry, 6> kCatalog{{
    {"MA_CROSSOVER",
     "BUY",
     "0.7",
     "SMA4 closes above SMA9 (\"Rescue Forces\"); confirmed by the crossing close itself."},
    {"GOLDEN_CROSS",
     "BUY",
     "0.8",
     "SMA50 closes above SMA200 (\"Smooth Sailing\"); confirmed by the crossing close itself."},
    {"BOLLINGER_RSI",
     "BUY",
     "0.7",
     "The low touches the lower Bollinger band (20, 2 sigma) while RSI(14) is below 30 "
     "(\"Bounce Back\"); confirmed by its own close."},
    {"HAMMER",
     "BUY",
     "0.75",
     "A small body on top of a long lower wick; confirmed by a later close above its high, "
     "invalidated by a close below its low."},
    {"BULLISH_ENGULFING",
     "BUY",
     "0.8",
     "A bullish candle whose body engulfs the previous bearish one; confirmed by a later close "
     "above the second candle's close, invalidated by a close below the pair's low."},
    {"BEARISH_ENGULFING",
     "SELL",
     "0.8",
     "A bearish candle whose body engulfs the previous bullish one; confirmed by a later close "
     "below the second candle's close, invalidated by a close above the pair's high."},
}};

constexpr std::array<std::string_view, 5> kStates{
    "DETECTED", "CONFIRMED", "CONSUMED", "EXPIRED", "INVALIDATED"};

}  // namespace

std::span<const CatalogEntry> patternCatalog() {
    return kCatalog;
}

bool isKnownPattern(std::string_view pattern) {
    return std::any_of(kCatalog.begin(), kCatalog.end(), [pattern](const CatalogEntry& entry) {
        return entry.pattern == pattern;
    });
}

bool isPatternState(std::string_view state) {
    return std::find(kStates.begin(), kStates.end(), state) != kStates.end();
}

}  // namespace robson::api
