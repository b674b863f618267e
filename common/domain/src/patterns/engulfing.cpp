// BULLISH_ENGULFING / BEARISH_ENGULFING on the pair (previous candle, trigger): the original's
// thresholds (reference §8).
#include "detectors.hpp"

#include <string>

namespace robson::domain::patterns::detail {
namespace {

/// Body ≥ min_body of the range and neither wick above 0.40 of it.
bool solidBody(const CandleShape& shape, std::int64_t min_body_percent) {
    return atLeast(shape.body, shape.range, min_body_percent, 100) &&
           atMost(shape.upper_wick, shape.range, 40, 100) &&
           atMost(shape.lower_wick, shape.range, 40, 100);
}

}  // namespace

std::optional<Detection> detectEngulfing(const PatternSeries& series, std::size_t index) {
    if (index == 0 || index >= series.candles.size()) {
        return std::nullopt;
    }
    const Candle& first = series.candles[index - 1];
    const Candle& second = series.candles[index];
    const auto& first_shape = series.shapes[index - 1];
    const auto& second_shape = series.shapes[index];
    if (!first_shape || !second_shape) {
        return std::nullopt;
    }
    // The cheap colour-and-position test first: most pairs fail it.
    const bool bullish = first_shape->bearish && second_shape->bullish &&
                         second.close > first.open && second.open < first.close;
    const bool bearish = first_shape->bullish && second_shape->bearish &&
                         second.close < first.open && second.open > first.close;
    if (!bullish && !bearish) {
        return std::nullopt;
    }
    // body2 / body1 ≥ 1.05 (body1 > 0: it is ≥ 0.20 of a range).
    if (!solidBody(*first_shape, 20) || !solidBody(*second_shape, 30) ||
        !atLeast(second_shape->body, first_shape->body, 105, 100)) {
        return std::nullopt;
    }
    const PatternKind kind =
        bullish ? PatternKind::BullishEngulfing : PatternKind::BearishEngulfing;
    Detection detection = startDetection(kind, series.candles, index);
    detection.confirmation_level = second.close;
    detection.invalidation_level =
        bullish ? min(first.low, second.low) : max(first.high, second.high);
    detection.explanation = std::string(bullish ? "Bullish" : "Bearish") + " engulfing: body " +
                            second_shape->body.toString() + " is " +
                            ratioText(second_shape->body, first_shape->body) +
                            " x the previous body " + first_shape->body.toString() + "; a close " +
                            (bullish ? "above " : "below ") + second.close.toString() +
                            " confirms it, one " + (bullish ? "below " : "above ") +
                            detection.invalidation_level.toString() + " invalidates it.";
    return detection;
}

}  // namespace robson::domain::patterns::detail
