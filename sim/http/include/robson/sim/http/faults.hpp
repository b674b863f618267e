#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace robson::sim {

/// What a random fault can be (docs/exchange-simulator.md, "Faults"). Latency is not one of
/// them: it is a steady delay on every answer, not an event that hits one request.
enum class FaultKind { Http5xx, UnknownStatus, DropConnection, RejectStop, RateLimit };

inline constexpr std::array<FaultKind, 5> kAllFaultKinds{FaultKind::Http5xx,
                                                         FaultKind::UnknownStatus,
                                                         FaultKind::DropConnection,
                                                         FaultKind::RejectStop,
                                                         FaultKind::RateLimit};

/// "http_5xx", "unknown_status", "drop_connection", "reject_stop", "rate_limit".
[[nodiscard]] std::string_view toString(FaultKind kind);
[[nodiscard]] std::optional<FaultKind> parseFaultKind(std::string_view text);
/// "http_5xx,rate_limit" → the kinds; nullopt when a name is unknown. Empty text: no kinds.
[[nodiscard]] std::optional<std::vector<FaultKind>> parseFaultKindList(std::string_view text);

/// Armed faults: set by command-line flags at start and by POST /sim/admin/faults later. The
/// counters decrement as they fire, so a test gets exactly the faults it armed. `rate` adds
/// random faults: each well-formed POST /api/v3/order is hit with probability `rate` by one of
/// `kinds`, drawn from a generator seeded with `seed`, so a seed replays the same sequence.
struct Faults {
    std::int64_t latency_ms = 0;
    int http_5xx_next = 0;
    int unknown_status_next_orders = 0;
    int drop_connection_next_orders = 0;
    int reject_next_stop_orders = 0;
    int rate_limit_burst = 0;
    /// The Retry-After (seconds) of the rate-limit faults: above the adapter's own short wait
    /// (2 s) it makes the caller retry later rather than inside one call.
    int rate_limit_retry_after_s = 1;
    double rate = 0.0;  ///< 0..1
    std::vector<FaultKind> kinds{kAllFaultKinds.begin(), kAllFaultKinds.end()};
    std::uint64_t seed = 1;
};

}  // namespace robson::sim
