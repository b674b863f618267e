#include "robson/sim/engine/weight_limiter.hpp"

namespace robson::sim {

namespace {
constexpr std::int64_t kWindowMs = 60'000;

std::int64_t ceilSeconds(std::int64_t ms) {
    return ms <= 0 ? 1 : (ms + 999) / 1000;
}
}  // namespace

WeightLimiter::WeightLimiter(int limit_per_minute, std::int64_t ban_ms)
    : limit_(limit_per_minute), ban_ms_(ban_ms) {}

WeightLimiter::IpState& WeightLimiter::stateFor(const std::string& ip, std::int64_t now_ms) {
    IpState& state = states_[ip];
    const std::int64_t window = now_ms / kWindowMs;
    if (state.window != window) {
        state.window = window;
        state.used = 0;
        state.warned = false;
    }
    return state;
}

WeightDecision WeightLimiter::charge(const std::string& ip, int weight, std::int64_t now_ms) {
    IpState& state = stateFor(ip, now_ms);
    if (state.banned_until > now_ms) {
        return {WeightDecision::Kind::Banned, state.used, ceilSeconds(state.banned_until - now_ms)};
    }
    state.used += weight;
    if (state.used <= limit_) {
        return {WeightDecision::Kind::Allowed, state.used, 0};
    }
    if (state.warned) {
        state.banned_until = now_ms + ban_ms_;
        return {WeightDecision::Kind::Banned, state.used, ceilSeconds(ban_ms_)};
    }
    state.warned = true;
    const std::int64_t window_end = (state.window + 1) * kWindowMs;
    return {WeightDecision::Kind::TooMany, state.used, ceilSeconds(window_end - now_ms)};
}

void WeightLimiter::refund(const std::string& ip, int weight, std::int64_t now_ms) {
    IpState& state = stateFor(ip, now_ms);
    state.used = state.used > weight ? state.used - weight : 0;
}

int WeightLimiter::used(const std::string& ip, std::int64_t now_ms) const {
    const auto found = states_.find(ip);
    if (found == states_.end() || found->second.window != now_ms / kWindowMs) {
        return 0;
    }
    return found->second.used;
}

}  // namespace robson::sim
