#pragma once

#include "routes.hpp"

namespace robson::sim {

/// POST /api/v3/order: parameters, the armed faults (counters, then the random dice), the
/// engine. Every refusal it answers is also kept in SimState::refused_orders.
[[nodiscard]] Reply postOrder(SimState& state, const Request& request, const Params& params);

}  // namespace robson::sim
