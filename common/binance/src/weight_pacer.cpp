#include "robson/binance/weight_pacer.hpp"

#include <algorithm>

namespace robson::binance {

void WeightPacer::onResponse(std::optional<int> used_weight_1m, std::int64_t now_ms) {
    if (!used_weight_1m) {
        return;
    }
    minute_ = now_ms / kMinuteMs;
    used_ = *used_weight_1m;
}

void WeightPacer::onRetryAfter(std::chrono::milliseconds wait, std::int64_t now_ms) {
    blocked_until_ms_ = std::max(blocked_until_ms_, now_ms + wait.count());
}

std::chrono::milliseconds WeightPacer::delayFor(int weight, std::int64_t now_ms) const {
    std::int64_t wait = std::max<std::int64_t>(0, blocked_until_ms_ - now_ms);
    if (now_ms / kMinuteMs == minute_ && used_ + weight > limit_) {
        wait = std::max(wait, (minute_ + 1) * kMinuteMs - now_ms);
    }
    return std::chrono::milliseconds(wait);
}

}  // namespace robson::binance
