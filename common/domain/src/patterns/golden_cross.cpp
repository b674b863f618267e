// GOLDEN_CROSS ("Smooth Sailing"): SMA50 crosses above SMA200.
#include "detectors.hpp"

namespace robson::domain::patterns::detail {

std::optional<Detection> detectGoldenCross(const PatternSeries& series, std::size_t index) {
    constexpr std::size_t kFast = 50;
    constexpr std::size_t kSlow = 200;
    return detectSmaCross(series, index, PatternKind::GoldenCross, kFast, kSlow);
}

}  // namespace robson::domain::patterns::detail
