#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace robson::binance {

/// Client-side pacing of Binance request weight (binance-spot.md §6). It remembers the
/// X-MBX-USED-WEIGHT-1M the exchange last reported for the current minute and any
/// Retry-After ban, and says how long to wait before a request of a given weight. Times are
/// the exchange's clock in ms. Pure logic, no sleeping; not thread-safe (one per gateway).
class WeightPacer {
public:
    explicit WeightPacer(int max_weight_per_minute) : limit_(max_weight_per_minute) {}

    /// Records the used weight of the minute containing `now_ms` (header absent: nothing).
    void onResponse(std::optional<int> used_weight_1m, std::int64_t now_ms);
    /// Records a 429/418 Retry-After: no request until now + wait.
    void onRetryAfter(std::chrono::milliseconds wait, std::int64_t now_ms);
    /// How long to wait before sending a request of `weight` at `now_ms` (0 = send now).
    [[nodiscard]] std::chrono::milliseconds delayFor(int weight, std::int64_t now_ms) const;
    /// The last used weight reported for the current minute.
    [[nodiscard]] int usedWeight() const { return used_; }

private:
    static constexpr std::int64_t kMinuteMs = 60'000;
    int limit_;
    int used_ = 0;
    std::int64_t minute_ = -1;  ///< now_ms / 60000 of the last report
    std::int64_t blocked_until_ms_ = 0;
};

}  // namespace robson::binance
