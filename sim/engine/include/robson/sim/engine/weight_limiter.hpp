#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace robson::sim {

/// The outcome of charging a request's weight.
struct WeightDecision {
    enum class Kind { Allowed, TooMany, Banned };
    Kind kind = Kind::Allowed;
    int used = 0;  ///< weight used in the current minute, for X-MBX-USED-WEIGHT-1M
    std::int64_t retry_after_s = 0;  ///< for Retry-After on 429/418
};

/// Binance's REQUEST_WEIGHT limiter per IP over fixed one-minute windows (as the
/// X-MBX-USED-WEIGHT-1M header counts). Going over the limit answers 429 with Retry-After up
/// to the next minute; another request in the same window after that 429 bans the IP (418)
/// for `ban_ms`. Pure (the caller passes the time); not thread-safe.
class WeightLimiter {
public:
    explicit WeightLimiter(int limit_per_minute = 6000, std::int64_t ban_ms = 120'000);

    /// Adds `weight` for `ip` at `now_ms` and decides whether the request may proceed.
    [[nodiscard]] WeightDecision charge(const std::string& ip, int weight, std::int64_t now_ms);
    /// Gives back weight (a successful order weighs 0, as on Binance since 2026-04).
    void refund(const std::string& ip, int weight, std::int64_t now_ms);
    /// The weight `ip` has used in the window holding now_ms.
    [[nodiscard]] int used(const std::string& ip, std::int64_t now_ms) const;
    [[nodiscard]] int limit() const { return limit_; }
    void reset() { states_.clear(); }

private:
    struct IpState {
        std::int64_t window = 0;
        int used = 0;
        bool warned = false;
        std::int64_t banned_until = 0;
    };
    IpState& stateFor(const std::string& ip, std::int64_t now_ms);

    int limit_;
    std::int64_t ban_ms_;
    std::map<std::string, IpState> states_;
};

}  // namespace robson::sim
