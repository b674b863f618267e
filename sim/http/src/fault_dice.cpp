#include "fault_dice.hpp"

#include <vector>

namespace robson::sim {

std::optional<FaultKind> FaultDice::roll(double rate,
                                         std::span<const FaultKind> kinds,
                                         bool is_stop_loss) {
    // The top 53 bits as a double in [0, 1): exact, and the same on every platform.
    const double unit = static_cast<double>(engine_() >> 11U) * 0x1.0p-53;
    const std::uint64_t pick = engine_();
    if (unit >= rate) {
        return std::nullopt;
    }
    std::vector<FaultKind> applicable;
    for (const FaultKind kind : kinds) {
        if (kind != FaultKind::RejectStop || is_stop_loss) {
            applicable.push_back(kind);
        }
    }
    if (applicable.empty()) {
        return std::nullopt;
    }
    return applicable[pick % applicable.size()];
}

}  // namespace robson::sim
