#pragma once

#include "robson/domain/guards/guard_result.hpp"
#include "robson/domain/guards/validation_context.hpp"

namespace robson::domain {

/// market_hours: FAIL unless the symbol is TRADING (unknown status: FAIL in LIVE), outside any
/// maintenance window, and every order type the plan needs is allowed. WARNING when the newest
/// market data is max_data_age_ms old or older (or its time is unknown).
[[nodiscard]] GuardResult checkMarketHours(const ValidationContext& context,
                                           const GuardLimits& limits);

}  // namespace robson::domain
