#pragma once

#include "robson/domain/guards/guard_result.hpp"
#include "robson/domain/guards/validation_context.hpp"

namespace robson::domain {

/// daily_loss: today's realized loss ÷ capital must stay below the daily limit and this month's
/// below the monthly limit. FAIL at or above either limit (or, in LIVE, when the P&L is
/// unknown); WARNING once loss_warning_rate of either limit is used.
[[nodiscard]] GuardResult checkDailyLoss(const ValidationContext& context,
                                         const GuardLimits& limits);

}  // namespace robson::domain
