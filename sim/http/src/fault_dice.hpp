#pragma once

#include "robson/sim/http/faults.hpp"

#include <cstdint>
#include <optional>
#include <random>
#include <span>

namespace robson::sim {

/// The random half of the faults: decides, per order request, whether a fault hits it and
/// which one. Seeded, and built only from std::mt19937_64 (whose output the standard fixes)
/// plus our own arithmetic — the standard distributions differ between library
/// implementations, which would make a seed replay differently on another machine.
class FaultDice {
public:
    explicit FaultDice(std::uint64_t seed) : engine_(seed) {}

    void reseed(std::uint64_t seed) { engine_.seed(seed); }

    /// With probability `rate`, one of the `kinds` that apply to this order (reject_stop
    /// applies to STOP_LOSS / STOP_LOSS_LIMIT only), uniformly. Always consumes two draws, so
    /// the n-th order meets the n-th pair of draws whatever happened to earlier ones.
    [[nodiscard]] std::optional<FaultKind> roll(double rate,
                                                std::span<const FaultKind> kinds,
                                                bool is_stop_loss);

private:
    std::mt19937_64 engine_;
};

}  // namespace robson::sim
