#include "scan_schedule.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace robson::workers {

std::optional<std::int64_t> timeframeMs(std::string_view timeframe) {
    constexpr std::int64_t kMinute = 60'000;
    static constexpr std::array<std::pair<std::string_view, std::int64_t>, 12> kTimeframes{{
        {"1m", kMinute},
        {"3m", 3 * kMinute},
        {"5m", 5 * kMinute},
        {"15m", 15 * kMinute},
        {"30m", 30 * kMinute},
        {"1h", 60 * kMinute},
        {"2h", 120 * kMinute},
        {"4h", 240 * kMinute},
        {"6h", 360 * kMinute},
        {"8h", 480 * kMinute},
        {"12h", 720 * kMinute},
        {"1d", 1440 * kMinute},
    }};
    for (const auto& [name, ms] : kTimeframes) {
        if (name == timeframe) {
            return ms;
        }
    }
    return std::nullopt;
}

std::int64_t latestDueClose(std::int64_t timeframe_ms, std::int64_t now_ms, std::int64_t grace_ms) {
    const std::int64_t reference = now_ms - grace_ms;
    // Floor division (a clock before the epoch only happens in tests, but stays correct).
    std::int64_t boundaries = reference / timeframe_ms;
    if (reference % timeframe_ms != 0 && reference < 0) {
        --boundaries;
    }
    return boundaries * timeframe_ms;
}

std::vector<DueScan> ScanScheduler::due(const std::vector<ScanTarget>& targets,
                                        std::int64_t now_ms) const {
    std::vector<DueScan> owed;
    for (const auto& target : targets) {
        const auto length = timeframeMs(target.timeframe);
        if (!length) {
            continue;
        }
        const std::int64_t close = latestDueClose(*length, now_ms, grace_ms_);
        const auto last = last_close_.find(target);
        if (last == last_close_.end() || last->second < close) {
            owed.push_back(DueScan{target, close});
        }
    }
    return owed;
}

void ScanScheduler::scheduled(const DueScan& scan) {
    auto& last = last_close_[scan.target];
    last = std::max(last, scan.close_ms);
}

}  // namespace robson::workers
