#pragma once

#include "robson/domain/guards/guard_result.hpp"
#include "robson/domain/guards/validation_context.hpp"

namespace robson::domain {

/// risk_limit: planned risk (costs included) ÷ capital must not exceed max_risk_rate. FAIL also
/// when capital ≤ 0, the stop is on the wrong side of the entry, or the planned risk is not
/// positive or is below the bare loss at the stop quantity × |entry − stop| (an understated
/// risk is how the original risked more than it said).
[[nodiscard]] GuardResult checkRiskLimit(const ValidationContext& context,
                                         const GuardLimits& limits);

}  // namespace robson::domain
