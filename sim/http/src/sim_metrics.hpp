#pragma once

#include "robson/sim/http/faults.hpp"

#include <prometheus/counter.h>
#include <prometheus/registry.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace robson::sim {

/// What the simulated exchange saw and did (docs/metrics.md): API requests by status class,
/// order requests by result (accepted by the engine, refused with an error, or answered by a
/// fault before reaching the engine) and faults injected by kind. All series exist from the
/// start at 0. Callers hold SimState::mutex; the counters are thread-safe anyway.
class SimMetrics {
public:
    /// Registers in `registry`, or in a private one when null (the simulator counts whether or
    /// not it is scraped).
    explicit SimMetrics(std::shared_ptr<prometheus::Registry> registry);

    void request(int status);
    /// result: accepted | refused | faulted.
    void order(std::string_view result);
    void fault(FaultKind kind);

    [[nodiscard]] double orderCount(std::string_view result) const;
    [[nodiscard]] double faultCount(FaultKind kind) const;

private:
    std::shared_ptr<prometheus::Registry> registry_;
    std::map<std::string, prometheus::Counter*, std::less<>> requests_;
    std::map<std::string, prometheus::Counter*, std::less<>> orders_;
    std::map<FaultKind, prometheus::Counter*> faults_;
};

}  // namespace robson::sim
