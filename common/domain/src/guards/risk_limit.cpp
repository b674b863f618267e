#include "robson/domain/guards/risk_limit.hpp"

#include "robson/domain/guards/guard_text.hpp"

namespace robson::domain {
namespace {

/// The stop must sit on the losing side of the entry, or "risk" means nothing.
std::optional<std::string> stopProblem(const ProposedTrade& trade) {
    if (!trade.stop_price.isPositive()) {
        return "Stop price must be positive (got " + trade.stop_price.toString() + ")";
    }
    const bool buying = trade.side == Side::Buy;
    if (buying ? trade.stop_price < trade.entry_price : trade.stop_price > trade.entry_price) {
        return std::nullopt;
    }
    return "Stop " + trade.stop_price.toString() + " must be " + (buying ? "below" : "above") +
           " entry " + trade.entry_price.toString() + " for a " + std::string(toString(trade.side));
}

/// A planned risk that is not positive, or below the loss of a perfect fill at the stop, was
/// computed wrongly; judging it would hide exactly the error this guard exists for.
std::optional<std::string> riskProblem(const ProposedTrade& trade) {
    if (!trade.planned_risk.isPositive()) {
        return "Planned risk must be positive (got " + trade.planned_risk.toString() + ")";
    }
    const Decimal bare_loss =
        mul(trade.quantity, (trade.entry_price - trade.stop_price).abs(), Rounding::Ceiling);
    if (trade.planned_risk < bare_loss) {
        return "Planned risk " + withAsset(trade.planned_risk.toString(), trade.quote_asset) +
               " is below the loss at the stop " +
               withAsset(bare_loss.toString(), trade.quote_asset);
    }
    return std::nullopt;
}

}  // namespace

GuardResult checkRiskLimit(const ValidationContext& context, const GuardLimits& limits) {
    requireValidLimits(limits);
    const ProposedTrade& trade = context.trade;
    if (!trade.capital.isPositive()) {
        return GuardResult::fail(kRiskLimitGuard,
                                 "Capital must be positive (got " + trade.capital.toString() + ")",
                                 guard_code::kInvalidCapital);
    }
    if (auto problem = stopProblem(trade)) {
        return GuardResult::fail(kRiskLimitGuard, std::move(*problem), guard_code::kInvalidStop);
    }
    if (auto problem = riskProblem(trade)) {
        return GuardResult::fail(kRiskLimitGuard, std::move(*problem), guard_code::kInvalidRisk);
    }
    // Rounded up so that a risk a hair over the limit can never round into a PASS.
    const Decimal risk_rate = div(trade.planned_risk, trade.capital, Rounding::Ceiling);
    const auto [risk_text, limit_text] = formatPercentPair(risk_rate, limits.max_risk_rate);
    if (risk_rate > limits.max_risk_rate) {
        return GuardResult::fail(kRiskLimitGuard,
                                 "Risk " + risk_text + " > " + limit_text + " limit",
                                 guard_code::kRiskLimitExceeded);
    }
    return GuardResult::pass(kRiskLimitGuard, "Risk " + risk_text + " <= " + limit_text + " limit");
}

}  // namespace robson::domain
