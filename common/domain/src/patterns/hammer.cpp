// HAMMER: a small body on top of a long lower wick (the original's thresholds, reference §8).
#include "detectors.hpp"

namespace robson::domain::patterns::detail {

std::optional<Detection> detectHammer(const PatternSeries& series, std::size_t index) {
    if (index >= series.candles.size()) {
        return std::nullopt;
    }
    const Candle& candle = series.candles[index];
    const auto& shape = series.shapes[index];
    if (!shape) {
        return std::nullopt;
    }
    const bool hammer = atLeast(shape->body, shape->range, 10, 100) &&        // body ≥ 0.10
                        atMost(shape->body, shape->range, 30, 100) &&         // body ≤ 0.30
                        atLeast(shape->lower_wick, shape->range, 60, 100) &&  // lower ≥ 0.60
                        atMost(shape->upper_wick, shape->range, 15, 100) &&   // upper ≤ 0.15
                        shape->lower_wick >= mulInteger(shape->body, 2);
    if (!hammer) {
        return std::nullopt;
    }
    Detection detection = startDetection(PatternKind::Hammer, series.candles, index);
    detection.confirmation_level = candle.high;
    detection.invalidation_level = candle.low;
    detection.explanation = "Hammer: body " + ratioText(shape->body, shape->range) +
                            ", lower wick " + ratioText(shape->lower_wick, shape->range) +
                            " and upper wick " + ratioText(shape->upper_wick, shape->range) +
                            " of the range " + shape->range.toString() + "; a close above " +
                            candle.high.toString() + " confirms it, one below " +
                            candle.low.toString() + " invalidates it.";
    return detection;
}

}  // namespace robson::domain::patterns::detail
