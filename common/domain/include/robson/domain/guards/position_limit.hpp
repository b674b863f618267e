#pragma once

#include "robson/domain/guards/guard_result.hpp"
#include "robson/domain/guards/validation_context.hpp"

namespace robson::domain {

/// position_limit: FAIL when a position on the same symbol is already open, or when
/// max_open_positions are open; WARNING when within position_warning_margin of the maximum (4/5
/// by default).
[[nodiscard]] GuardResult checkPositionLimit(const ValidationContext& context,
                                             const GuardLimits& limits);

}  // namespace robson::domain
