#include "robson/domain/position_sizing.hpp"

#include <stdexcept>
#include <utility>

namespace robson::domain {
namespace {

const Decimal kOne = Decimal::fromInteger(1);
const Decimal kHundred = Decimal::fromInteger(100);

SizingRefusal refuse(SizingRefusalCode code, std::string reason) {
    return {code, std::move(reason)};
}

/// "1%" for 0.01, "0.5%" for 0.005: exact, no rounding.
std::string percentOf(Decimal rate) {
    return mulInteger(rate, 100).toString() + "%";
}

/// "100 USDT" when the rules name the quote asset, else "100".
std::string money(Decimal amount, const SymbolRules& rules) {
    return rules.quote_asset.empty() ? amount.toString()
                                     : amount.toString() + " " + rules.quote_asset;
}

std::string forSymbol(const SymbolRules& rules) {
    return rules.symbol.empty() ? std::string() : " for " + rules.symbol;
}

bool isRate(Decimal rate) {
    return !rate.isNegative() && rate < kOne;
}

std::optional<SizingRefusal> checkInputs(const SizingRequest& request) {
    const auto invalid = [](const std::string& what) {
        return refuse(SizingRefusalCode::InvalidInput, what);
    };
    if (!request.capital.isPositive()) {
        return invalid("capital must be positive, got " + request.capital.toString());
    }
    if (!request.risk_rate.isPositive() || request.risk_rate > kOne) {
        return invalid("the risk rate must be within (0, 1], got " + request.risk_rate.toString());
    }
    if (!request.entry.isPositive() || !request.stop.isPositive()) {
        return invalid("entry and stop must be positive, got entry " + request.entry.toString() +
                       " and stop " + request.stop.toString());
    }
    if (!request.max_position_rate.isPositive() || request.max_position_rate > kOne) {
        return invalid("the maximum position rate must be within (0, 1], got " +
                       request.max_position_rate.toString());
    }
    if (request.free_balance && request.free_balance->isNegative()) {
        return invalid("the free balance cannot be negative, got " +
                       request.free_balance->toString());
    }
    const CostModel& costs = request.costs;
    if (!isRate(costs.taker_fee_rate) || !isRate(costs.stop_limit_offset_rate) ||
        !isRate(costs.entry_slippage_rate)) {
        return invalid("cost rates must be within [0, 1)");
    }
    return std::nullopt;
}

std::optional<SizingRefusal> checkStopSide(const SizingRequest& request) {
    if (request.stop == request.entry) {
        return refuse(SizingRefusalCode::StopOnWrongSide,
                      "the stop equals the entry " + request.entry.toString() +
                          ": a zero distance cannot size a position");
    }
    const bool buy = request.side == Side::Buy;
    if (buy ? request.stop > request.entry : request.stop < request.entry) {
        return refuse(SizingRefusalCode::StopOnWrongSide,
                      std::string("a ") + std::string(toString(request.side)) + "'s stop must be " +
                          (buy ? "below" : "above") + " the entry: stop " +
                          request.stop.toString() + (buy ? " > entry " : " < entry ") +
                          request.entry.toString());
    }
    return std::nullopt;
}

/// The quantity bounds before the step: risk and capital.
struct Bounds {
    Decimal risk_quantity;
    Decimal cap_value;
    Decimal cap_quantity;
    bool free_balance_binds = false;
};

Bounds computeBounds(const SizingRequest& request, Decimal budget, const UnitLoss& unit) {
    Bounds bounds;
    bounds.risk_quantity = div(budget, unit.total, Rounding::Floor);
    Decimal available = request.capital;
    if (request.free_balance && *request.free_balance < available) {
        available = *request.free_balance;
        bounds.free_balance_binds = true;
    }
    bounds.cap_value = mul(available, request.max_position_rate, Rounding::Floor);
    const Decimal unit_cost =
        mul(unit.entry_fill, kOne + request.costs.taker_fee_rate, Rounding::Ceiling);
    bounds.cap_quantity = div(bounds.cap_value, unit_cost, Rounding::Floor);
    return bounds;
}

/// The step floorQuantity() uses: MARKET_LOT_SIZE's for market orders when it has one.
Decimal stepOf(const SymbolRules& rules, bool market_order) {
    return market_order && rules.market_step_size && rules.market_step_size->isPositive()
               ? *rules.market_step_size
               : rules.step_size;
}

/// The tightest maxQty that applies (0 = none): LOT_SIZE, plus MARKET_LOT_SIZE for markets.
Decimal maxQuantity(const SymbolRules& rules, bool market_order) {
    Decimal limit = rules.max_qty;
    if (market_order && rules.market_max_qty && rules.market_max_qty->isPositive()) {
        limit = limit.isPositive() ? min(limit, *rules.market_max_qty) : *rules.market_max_qty;
    }
    return limit;
}

Decimal minQuantity(const SymbolRules& rules, bool market_order) {
    Decimal limit = rules.min_qty;
    if (market_order && rules.market_min_qty) {
        limit = max(limit, *rules.market_min_qty);
    }
    return limit;
}

/// "a 1% risk on 100 with a 2.02% stop" / "100 USDT of capital" ...: why the size is small.
std::string whatLimits(const SizingRequest& request,
                       const Bounds& bounds,
                       SizingBound bound,
                       Decimal distance_percent) {
    const std::string source = bounds.free_balance_binds ? "free balance" : "capital";
    switch (bound) {
        case SizingBound::Risk:
            return "a " + percentOf(request.risk_rate) + " risk on " + request.capital.toString() +
                   " with a " + distance_percent.toFixed(2) + "% stop";
        case SizingBound::MaxPosition:
            return "the " + percentOf(request.max_position_rate) + " position limit on the " +
                   source + " (" + money(bounds.cap_value, request.rules) + ") at " +
                   request.entry.toString();
        case SizingBound::Capital:
        case SizingBound::MaxQuantity:
            break;
    }
    return "the " + source + " " + money(bounds.cap_value, request.rules) + " at " +
           request.entry.toString();
}

}  // namespace

std::string_view toString(SizingBound bound) {
    switch (bound) {
        case SizingBound::Risk:
            return "RISK";
        case SizingBound::Capital:
            return "CAPITAL";
        case SizingBound::MaxPosition:
            return "MAX_POSITION";
        case SizingBound::MaxQuantity:
            return "MAX_QUANTITY";
    }
    return "UNKNOWN";
}

std::string_view toString(SizingRefusalCode code) {
    switch (code) {
        case SizingRefusalCode::InvalidInput:
            return "INVALID_INPUT";
        case SizingRefusalCode::StopOnWrongSide:
            return "STOP_ON_WRONG_SIDE";
        case SizingRefusalCode::BelowMinQuantity:
            return "BELOW_MIN_QUANTITY";
        case SizingRefusalCode::BelowMinNotional:
            return "BELOW_MIN_NOTIONAL";
        case SizingRefusalCode::ExchangeFilter:
            return "EXCHANGE_FILTER";
    }
    return "UNKNOWN";
}

namespace {

/// Steps 5-7 of sizePosition: the step, maxQty, minQty and the exchange filters.
std::optional<SizingRefusal> fitToExchange(const SizingRequest& request,
                                           const Bounds& bounds,
                                           PositionSize& size) {
    const SymbolRules& rules = request.rules;
    const Decimal raw = min(bounds.risk_quantity, bounds.cap_quantity);
    size.quantity = rules.floorQuantity(raw, request.market_order);
    const Decimal max_qty = maxQuantity(rules, request.market_order);
    if (max_qty.isPositive() && size.quantity > max_qty) {
        size.quantity = rules.floorQuantity(max_qty, request.market_order);
        size.note = "capped to the exchange maximum quantity " + size.quantity.toString() +
                    forSymbol(rules) + " (the limits allow " + raw.toString() + ")";
        size.bound = SizingBound::MaxQuantity;
    }
    const std::string context = whatLimits(request, bounds, size.bound, size.stop_distance_percent);
    const Decimal min_qty = minQuantity(rules, request.market_order);
    if (size.quantity.isZero() || size.quantity < min_qty) {
        const std::string head = min_qty.isPositive() && raw < min_qty
                                     ? " is below the minimum " + min_qty.toString()
                                     : " rounds down to " + size.quantity.toString() +
                                           " on the step " +
                                           stepOf(rules, request.market_order).toString();
        return refuse(SizingRefusalCode::BelowMinQuantity,
                      "quantity " + raw.toString() + head + forSymbol(rules) + ": " + context +
                          " buys too little");
    }
    if (auto breach = rules.checkQuantity(size.quantity, request.market_order)) {
        return refuse(SizingRefusalCode::ExchangeFilter, breach->filter + ": " + breach->detail);
    }
    if (auto breach = rules.checkNotional(request.entry, size.quantity)) {
        const bool below = rules.min_notional.isPositive() &&
                           mul(request.entry, size.quantity, Rounding::Floor) < rules.min_notional;
        return refuse(
            below ? SizingRefusalCode::BelowMinNotional : SizingRefusalCode::ExchangeFilter,
            breach->detail + forSymbol(rules) + " (quantity " + size.quantity.toString() + " at " +
                request.entry.toString() + "): " + context +
                (below ? " buys too little" : " buys too much"));
    }
    return std::nullopt;
}

}  // namespace

SizingResult sizePosition(const SizingRequest& request) {
    if (auto refusal = checkInputs(request)) {
        return {*refusal};
    }
    if (auto refusal = checkStopSide(request)) {
        return {*refusal};
    }
    PositionSize size;
    size.stop_prices =
        protectiveStopPrices(request.side, request.stop, request.costs, request.rules.tick_size);
    if (!size.stop_prices.limit.isPositive()) {
        return {refuse(SizingRefusalCode::InvalidInput,
                       "the stop " + request.stop.toString() + " on the tick " +
                           request.rules.tick_size.toString() + " leaves a stop-limit price of " +
                           size.stop_prices.limit.toString())};
    }
    size.unit_loss = worstLossPerUnit(
        request.side, request.entry, request.stop, request.costs, request.rules.tick_size);
    size.risk_budget = mul(request.capital, request.risk_rate, Rounding::Floor);
    size.stop_distance = (request.entry - request.stop).abs();
    size.stop_distance_percent =
        div(mulInteger(size.stop_distance, 100), request.entry, Rounding::HalfEven);

    const Bounds bounds = computeBounds(request, size.risk_budget, size.unit_loss);
    size.risk_quantity = bounds.risk_quantity;
    size.cap_quantity = bounds.cap_quantity;
    if (bounds.risk_quantity <= bounds.cap_quantity) {
        size.bound = SizingBound::Risk;
    } else {
        size.bound =
            request.max_position_rate < kOne ? SizingBound::MaxPosition : SizingBound::Capital;
    }
    if (auto refusal = fitToExchange(request, bounds, size)) {
        return {*refusal};
    }

    size.planned_risk = mul(size.quantity, size.unit_loss.total, Rounding::Ceiling);
    if (size.planned_risk > size.risk_budget) {
        throw std::logic_error("sizing invariant broken: planned risk " +
                               size.planned_risk.toString() + " exceeds the budget " +
                               size.risk_budget.toString());
    }
    size.naive_risk = mul(size.quantity, size.stop_distance, Rounding::HalfEven);
    size.position_value = mul(size.quantity, request.entry, Rounding::HalfEven);
    const Decimal unit_cost =
        mul(size.unit_loss.entry_fill, kOne + request.costs.taker_fee_rate, Rounding::Ceiling);
    size.value_with_fees = mul(size.quantity, unit_cost, Rounding::Ceiling);
    return {size};
}

}  // namespace robson::domain
