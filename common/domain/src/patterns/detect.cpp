// detectAt and detectAll: every detector on each trigger candle, over indicators computed once.
#include "detectors.hpp"

#include <stdexcept>
#include <string>
#include <utility>

namespace robson::domain::patterns {
namespace detail {

Detection startDetection(PatternKind kind, CandleSpan candles, std::size_t index) {
    Detection detection;
    detection.kind = kind;
    detection.direction = directionOf(kind);
    detection.trigger_index = index;
    detection.trigger_open_time_ms = candles[index].open_time_ms;
    detection.confidence = baseConfidence(kind);
    detection.confirmed_on_detection = confirmedOnDetection(kind);
    return detection;
}

}  // namespace detail

namespace {

void appendIf(std::vector<Detection>& out, std::optional<Detection> detection) {
    if (detection) {
        out.push_back(std::move(*detection));
    }
}

/// The detectors in allPatternKinds() order (engulfing yields either of its two kinds).
void detectInto(const detail::PatternSeries& series,
                std::size_t index,
                std::vector<Detection>& out) {
    appendIf(out, detail::detectMaCrossover(series, index));
    appendIf(out, detail::detectGoldenCross(series, index));
    appendIf(out, detail::detectBollingerRsi(series, index));
    appendIf(out, detail::detectHammer(series, index));
    appendIf(out, detail::detectEngulfing(series, index));
}

}  // namespace

std::vector<Detection> detectAt(CandleSpan closed, std::size_t index) {
    if (index >= closed.size()) {
        throw std::out_of_range("detectAt: trigger index " + std::to_string(index) +
                                " is past the last of " + std::to_string(closed.size()) +
                                " candles");
    }
    // The prefix ending at the trigger: whatever follows cannot leak into the answer.
    const auto series = detail::buildSeries(closed.first(index + 1));
    std::vector<Detection> out;
    detectInto(series, index, out);
    return out;
}

std::vector<Detection> detectAll(CandleSpan closed) {
    const auto series = detail::buildSeries(closed);
    std::vector<Detection> out;
    for (std::size_t index = 0; index < closed.size(); ++index) {
        detectInto(series, index, out);
    }
    return out;
}

}  // namespace robson::domain::patterns
