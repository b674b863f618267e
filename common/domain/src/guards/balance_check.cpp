#include "robson/domain/guards/balance_check.hpp"

#include "robson/domain/guards/guard_text.hpp"

#include <string>
#include <utility>

namespace robson::domain {
namespace {

// Quote amounts are shown like money (2 decimals); base quantities exactly.
constexpr int kQuotePlaces = 2;

/// What the entry consumes, in the asset the account must hold. Rounded up: overstating the
/// need can only make the guard stricter.
Decimal need(const ProposedTrade& trade) {
    if (trade.side == Side::Sell) {
        return trade.quantity;  // the fee of a spot SELL is taken from the quote proceeds
    }
    const Decimal notional = mul(trade.quantity, trade.entry_price, Rounding::Ceiling);
    return mul(notional, Decimal::fromInteger(1) + trade.taker_fee_rate, Rounding::Ceiling);
}

/// Nonsense orders fail here rather than pass with a zero need.
std::optional<std::string> orderProblem(const ProposedTrade& trade) {
    if (!trade.quantity.isPositive()) {
        return "Quantity must be positive (got " + trade.quantity.toString() + ")";
    }
    if (!trade.entry_price.isPositive()) {
        return "Entry price must be positive (got " + trade.entry_price.toString() + ")";
    }
    if (trade.taker_fee_rate.isNegative()) {
        return "Taker fee rate must not be negative (got " + trade.taker_fee_rate.toString() + ")";
    }
    return std::nullopt;
}

}  // namespace

GuardResult checkBalance(const ValidationContext& context, const GuardLimits& limits) {
    requireValidLimits(limits);
    const ProposedTrade& trade = context.trade;
    if (auto problem = orderProblem(trade)) {
        return GuardResult::fail(
            kBalanceCheckGuard, std::move(*problem), guard_code::kInvalidOrder);
    }
    const bool buying = trade.side == Side::Buy;
    const std::string& asset = buying ? trade.quote_asset : trade.base_asset;
    const std::optional<Decimal>& free =
        buying ? context.account.free_quote : context.account.free_base;
    if (!free) {
        return GuardResult::unknownData(
            context.mode,
            kBalanceCheckGuard,
            "Balance unknown: no free " + (asset.empty() ? "" : asset + " ") + "balance reported",
            guard_code::kBalanceUnknown);
    }
    const Decimal needed = need(trade);
    const auto [need_text, free_text] = buying
                                            ? formatAmountPair(needed, *free, kQuotePlaces)
                                            : std::make_pair(needed.toString(), free->toString());
    const std::string figures =
        "need " + withAsset(need_text, asset) + ", free " + withAsset(free_text, asset);
    if (*free < needed) {
        return GuardResult::fail(kBalanceCheckGuard,
                                 "Insufficient balance: " + figures,
                                 guard_code::kInsufficientBalance);
    }
    // Only a BUY needs headroom: its fill price may be worse than the quote. A SELL of the
    // whole holding is normal and exact.
    if (buying && *free < mul(needed, limits.balance_headroom_rate, Rounding::Ceiling)) {
        return GuardResult::warning(kBalanceCheckGuard,
                                    "Balance tight: " + figures + " (below " +
                                        formatPercent(limits.balance_headroom_rate) + " of need)",
                                    guard_code::kLowBalanceHeadroom);
    }
    return GuardResult::pass(kBalanceCheckGuard, "Balance sufficient: " + figures);
}

}  // namespace robson::domain
