#pragma once

#include "robson/domain/guards/guard_result.hpp"
#include "robson/domain/guards/validation_context.hpp"

#include <vector>

namespace robson::domain {

/// All five guards, always all of them and always in this order: balance_check, risk_limit,
/// daily_loss, position_limit, market_hours. Every guard runs even after a FAIL so the user
/// sees every problem at once. A guard whose arithmetic overflows Decimal (DecimalError)
/// yields a FAIL with code UNCOMPUTABLE; invalid limits still throw std::invalid_argument.
[[nodiscard]] std::vector<GuardResult> runGuards(const ValidationContext& context,
                                                 const GuardLimits& limits);

}  // namespace robson::domain
