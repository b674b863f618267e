// MA_CROSSOVER ("Rescue Forces"): SMA4 crosses above SMA9.
#include "detectors.hpp"

namespace robson::domain::patterns::detail {

std::optional<Detection> detectMaCrossover(const PatternSeries& series, std::size_t index) {
    constexpr std::size_t kFast = 4;
    constexpr std::size_t kSlow = 9;
    return detectSmaCross(series, index, PatternKind::MaCrossover, kFast, kSlow);
}

}  // namespace robson::domain::patterns::detail
