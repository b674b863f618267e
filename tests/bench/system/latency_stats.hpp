#pragma once
// Percentiles of measured durations (nearest-rank), for the system benchmarks' reports.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace robson::bench {

/// The p-th percentile (0 < p <= 100) of `samples` by nearest rank; 0 when there are none.
/// Takes a copy: the caller's order is kept.
[[nodiscard]] inline double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) {
        return 0;
    }
    std::sort(samples.begin(), samples.end());
    const auto rank =
        static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

}  // namespace robson::bench
