#include "robson/domain/guards/daily_loss.hpp"

#include "robson/domain/guards/guard_text.hpp"

#include <string>
#include <vector>

namespace robson::domain {
namespace {

/// Loss as a share of capital, rounded up (stricter). A net gain uses none of the limit.
Decimal lossRate(Decimal loss, Decimal capital) {
    return loss.isPositive() ? div(loss, capital, Rounding::Ceiling) : Decimal{};
}

/// "75% of daily limit used (1.5% of 2%)". Rounded down so that 74.996% never reads "75%".
std::string usage(std::string_view period, Decimal used_rate, Decimal limit_rate) {
    const Decimal share = div(used_rate, limit_rate, Rounding::Down);
    const auto [used_text, limit_text] = formatPercentPair(used_rate, limit_rate);
    return formatPercent(share, 2, Rounding::Down) + " of " + std::string(period) +
           " limit used (" + used_text + " of " + limit_text + ")";
}

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const std::string& part : parts) {
        text += text.empty() ? part : "; " + part;
    }
    return text;
}

std::string unknownMessage(const RealizedLosses& losses) {
    if (!losses.today && !losses.month) {
        return "Realized P&L unknown for today and this month";
    }
    return losses.today ? "Realized P&L unknown for this month" : "Realized P&L unknown for today";
}

}  // namespace

GuardResult checkDailyLoss(const ValidationContext& context, const GuardLimits& limits) {
    requireValidLimits(limits);
    const Decimal capital = context.trade.capital;
    if (!capital.isPositive()) {
        return GuardResult::fail(kDailyLossGuard,
                                 "Capital must be positive (got " + capital.toString() + ")",
                                 guard_code::kInvalidCapital);
    }
    if (!context.losses.today || !context.losses.month) {
        return GuardResult::unknownData(
            context.mode, kDailyLossGuard, unknownMessage(context.losses), guard_code::kPnlUnknown);
    }
    const Decimal day_rate = lossRate(*context.losses.today, capital);
    const Decimal month_rate = lossRate(*context.losses.month, capital);
    const Decimal day_limit = limits.daily_loss_limit_rate;
    const Decimal month_limit = limits.monthly_loss_limit_rate;

    std::vector<std::string> failures;
    if (day_rate >= day_limit) {
        const auto [used, limit] = formatPercentPair(day_rate, day_limit);
        failures.push_back("Daily loss limit reached (" + used + " of " + limit + ")");
    }
    if (month_rate >= month_limit) {
        const auto [used, limit] = formatPercentPair(month_rate, month_limit);
        failures.push_back("Monthly loss limit reached (" + used +
                           (month_rate > month_limit ? " > " : " >= ") + limit + ")");
    }
    if (!failures.empty()) {
        return GuardResult::fail(
            kDailyLossGuard,
            joined(failures),
            day_rate >= day_limit ? guard_code::kDailyLossLimit : guard_code::kMonthlyLossLimit);
    }

    std::vector<std::string> warnings;
    if (day_rate >= mul(day_limit, limits.loss_warning_rate, Rounding::Floor)) {
        warnings.push_back(usage("daily", day_rate, day_limit));
    }
    if (month_rate >= mul(month_limit, limits.loss_warning_rate, Rounding::Floor)) {
        warnings.push_back(usage("monthly", month_rate, month_limit));
    }
    if (!warnings.empty()) {
        return GuardResult::warning(kDailyLossGuard, joined(warnings), guard_code::kLossLimitNear);
    }
    const Decimal share = div(day_rate, day_limit, Rounding::Down);
    return GuardResult::pass(kDailyLossGuard,
                             formatPercent(share, 2, Rounding::Down) + " of daily limit used");
}

}  // namespace robson::domain
