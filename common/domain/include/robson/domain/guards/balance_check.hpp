#pragma once

#include "robson/domain/guards/guard_result.hpp"
#include "robson/domain/guards/validation_context.hpp"

namespace robson::domain {

/// balance_check: can the account pay for the entry? A BUY needs quantity × entry × (1 + taker
/// fee) of the quote asset; a SELL needs the quantity of the base asset. FAIL when short (or,
/// in LIVE, when the balance is unknown; also when quantity or entry is not positive); WARNING
/// when a BUY's free balance is below need × balance_headroom_rate (105% by default).
[[nodiscard]] GuardResult checkBalance(const ValidationContext& context, const GuardLimits& limits);

}  // namespace robson::domain
