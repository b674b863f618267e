// The crossover rule both SMA patterns share (R's signal_strategy: fires once, on the close
// that crosses), compared exactly on the candles' Decimal closes.
#include "detectors.hpp"

#include <string>

namespace robson::domain::patterns::detail {
namespace {

WideSum windowSum(const PatternSeries& series, std::size_t last, std::size_t period) {
    return series.close_sums[last + 1] - series.close_sums[last + 1 - period];
}

/// The sign of SMA(fast) − SMA(slow) at `last`: fast_sum / fast against slow_sum / slow,
/// cross-multiplied so that equal averages compare equal (in double, nine closes of 0.1 do
/// not average to exactly 0.1, and a flat market would look crossed or not by rounding).
int compareAverages(const PatternSeries& series,
                    std::size_t last,
                    std::size_t fast,
                    std::size_t slow) {
    const WideSum fast_side = windowSum(series, last, fast) * static_cast<WideSum>(slow);
    const WideSum slow_side = windowSum(series, last, slow) * static_cast<WideSum>(fast);
    return fast_side < slow_side ? -1 : (fast_side > slow_side ? 1 : 0);
}

/// The average on the 1e-8 grid (truncated), for the explanation only.
std::string averageText(const PatternSeries& series, std::size_t end, std::size_t count) {
    const WideSum average = windowSum(series, end, count) / static_cast<WideSum>(count);
    return Decimal::fromUnits(static_cast<std::int64_t>(average)).toString();
}

}  // namespace

std::optional<Detection> detectSmaCross(const PatternSeries& series,
                                        std::size_t index,
                                        PatternKind kind,
                                        std::size_t fast,
                                        std::size_t slow) {
    // Both averages must exist on the previous candle too: slow + 1 closes.
    if (index < slow || index >= series.candles.size()) {
        return std::nullopt;
    }
    if (compareAverages(series, index - 1, fast, slow) > 0 ||
        compareAverages(series, index, fast, slow) <= 0) {
        return std::nullopt;
    }
    Detection detection = startDetection(kind, series.candles, index);
    const Candle& trigger = series.candles[index];
    detection.confirmation_level = trigger.close;
    Decimal lowest = trigger.low;
    for (std::size_t i = index + 1 - fast; i < index; ++i) {
        lowest = min(lowest, series.candles[i].low);
    }
    detection.invalidation_level = lowest;
    const std::string fast_name = "SMA" + std::to_string(fast);
    const std::string slow_name = "SMA" + std::to_string(slow);
    detection.explanation =
        fast_name + " crossed above " + slow_name + " on the close " + trigger.close.toString() +
        ": " + fast_name + " " + averageText(series, index, fast) + " > " + slow_name + " " +
        averageText(series, index, slow) + " (previous candle " +
        averageText(series, index - 1, fast) + " <= " + averageText(series, index - 1, slow) + ").";
    return detection;
}

}  // namespace robson::domain::patterns::detail
