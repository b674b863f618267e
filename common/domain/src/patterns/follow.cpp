// follow: what a detection became over the candles closed since its trigger.
#include "robson/domain/patterns/pattern.hpp"

#include <algorithm>
#include <stdexcept>

namespace robson::domain::patterns {
namespace {

Decimal confirmedConfidence(Decimal base) {
    const Decimal boost = Decimal::fromUnits(10'000'000);  // 0.10
    const Decimal one = Decimal::fromInteger(1);
    return min(base + boost, one);
}

bool invalidates(const Detection& detection, Decimal close) {
    return detection.direction == Side::Buy ? close < detection.invalidation_level
                                            : close > detection.invalidation_level;
}

bool confirms(const Detection& detection, Decimal close) {
    return detection.direction == Side::Buy ? close > detection.confirmation_level
                                            : close < detection.confirmation_level;
}

}  // namespace

Progress follow(const Detection& detection, CandleSpan closed, std::size_t expiry_candles) {
    if (expiry_candles == 0) {
        throw std::invalid_argument("follow: expiry_candles must be at least 1");
    }
    if (detection.confirmed_on_detection) {
        return {PatternState::Confirmed,
                confirmedConfidence(detection.confidence),
                detection.trigger_open_time_ms};
    }
    // Candles are oldest first: skip the trigger and everything before it.
    const auto first_after = std::upper_bound(
        closed.begin(),
        closed.end(),
        detection.trigger_open_time_ms,
        [](std::int64_t time, const Candle& candle) { return time < candle.open_time_ms; });
    std::size_t seen = 0;
    for (auto it = first_after; it != closed.end(); ++it) {
        ++seen;
        // Invalidation first: a close that both breaks and confirms (only possible with
        // crossed levels) must not open a trade.
        if (invalidates(detection, it->close)) {
            return {PatternState::Invalidated, Decimal{}, it->open_time_ms};
        }
        if (confirms(detection, it->close)) {
            return {PatternState::Confirmed,
                    confirmedConfidence(detection.confidence),
                    it->open_time_ms};
        }
        if (seen == expiry_candles) {
            return {PatternState::Expired, detection.confidence, it->open_time_ms};
        }
    }
    return {PatternState::Detected, detection.confidence, std::nullopt};
}

}  // namespace robson::domain::patterns
