#include "robson/domain/guards/run_guards.hpp"

#include "robson/domain/guards/balance_check.hpp"
#include "robson/domain/guards/daily_loss.hpp"
#include "robson/domain/guards/market_hours.hpp"
#include "robson/domain/guards/position_limit.hpp"
#include "robson/domain/guards/risk_limit.hpp"

#include <array>
#include <string>
#include <string_view>

namespace robson::domain {
namespace {

using GuardFunction = GuardResult (*)(const ValidationContext&, const GuardLimits&);

struct NamedGuard {
    std::string_view name;
    GuardFunction check;
};

constexpr std::array<NamedGuard, 5> kGuards{{
    {kBalanceCheckGuard, &checkBalance},
    {kRiskLimitGuard, &checkRiskLimit},
    {kDailyLossGuard, &checkDailyLoss},
    {kPositionLimitGuard, &checkPositionLimit},
    {kMarketHoursGuard, &checkMarketHours},
}};

}  // namespace

std::vector<GuardResult> runGuards(const ValidationContext& context, const GuardLimits& limits) {
    std::vector<GuardResult> results;
    results.reserve(kGuards.size());
    for (const NamedGuard& guard : kGuards) {
        // Absurd inputs (a loss a trillion times the capital) overflow Decimal; a guard that
        // cannot compute its verdict fails rather than letting the exception skip the others.
        try {
            results.push_back(guard.check(context, limits));
        } catch (const DecimalError& error) {
            results.push_back(GuardResult::fail(guard.name,
                                                std::string("Cannot evaluate: ") + error.what(),
                                                guard_code::kUncomputable));
        }
    }
    return results;
}

}  // namespace robson::domain
