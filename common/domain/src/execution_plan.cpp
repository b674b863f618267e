#include "robson/domain/execution_plan.hpp"

#include "robson/domain/client_order_id.hpp"
#include "robson/domain/position_sizing_costs.hpp"

#include <string>
#include <utility>

namespace robson::domain {
namespace {

const Decimal kOne = Decimal::fromInteger(1);

ExecutionRefusal refuse(std::string order, std::string filter, const std::string& detail) {
    std::string reason =
        order.empty() ? detail : "the " + order + " order breaks " + filter + ": " + detail;
    return {std::move(order), std::move(filter), std::move(reason)};
}

bool isRate(Decimal rate) {
    return !rate.isNegative() && rate < kOne;
}

std::optional<ExecutionRefusal> checkRequest(const ExecutionPlanRequest& request) {
    if (!request.quantity.isPositive() || !request.entry_price.isPositive() ||
        !request.stop_price.isPositive()) {
        return refuse("",
                      "INVALID_REQUEST",
                      "quantity, entry price and stop price must be positive, got " +
                          request.quantity.toString() + ", " + request.entry_price.toString() +
                          " and " + request.stop_price.toString());
    }
    if (request.entry_type != OrderType::Market && request.entry_type != OrderType::Limit) {
        return refuse(
            "",
            "INVALID_REQUEST",
            "the entry must be MARKET or LIMIT, got " + std::string(toString(request.entry_type)));
    }
    const CostModel& costs = request.costs;
    if (!isRate(costs.taker_fee_rate) || !isRate(costs.stop_limit_offset_rate) ||
        !isRate(costs.entry_slippage_rate)) {
        return refuse("", "INVALID_REQUEST", "cost rates must be within [0, 1)");
    }
    if (request.rules.status != SymbolStatus::Trading) {
        return refuse("",
                      "SYMBOL_STATUS",
                      request.rules.symbol + " is " + std::string(toString(request.rules.status)) +
                          ", not TRADING");
    }
    const bool buy = request.side == Side::Buy;
    if (buy ? request.stop_price >= request.entry_price
            : request.stop_price <= request.entry_price) {
        return refuse("",
                      "STOP_SIDE",
                      std::string("a ") + std::string(toString(request.side)) + "'s stop must be " +
                          (buy ? "below" : "above") + " the entry: stop " +
                          request.stop_price.toString() + ", entry " +
                          request.entry_price.toString());
    }
    return std::nullopt;
}

PlannedOrder entryOrder(const ExecutionPlanRequest& request) {
    PlannedOrder order;
    order.client_order_id = clientOrderId(request.intent_id, OrderRole::entry());
    order.symbol = request.rules.symbol;
    order.side = request.side;
    order.type = request.entry_type;
    order.quantity = request.quantity;
    if (request.entry_type == OrderType::Limit) {
        order.price = request.entry_price;
        order.time_in_force = TimeInForce::Gtc;
    }
    return order;
}

std::optional<PlannedOrder> stopOrder(const ExecutionPlanRequest& request) {
    const SymbolRules& rules = request.rules;
    const auto type = protectiveStopType(rules);
    if (!type) {
        return std::nullopt;
    }
    PlannedOrder order;
    order.type = *type;
    const auto prices =
        protectiveStopPrices(request.side, request.stop_price, request.costs, rules.tick_size);
    order.client_order_id = clientOrderId(request.intent_id, OrderRole::stop());
    order.symbol = rules.symbol;
    order.side = opposite(request.side);
    order.quantity = protectiveStopQuantity(request.side,
                                            request.quantity,
                                            request.costs.taker_fee_rate,
                                            rules,
                                            request.commission_in_base);
    order.stop_price = prices.trigger;
    if (order.type == OrderType::StopLossLimit) {
        order.price = prices.limit;
        order.time_in_force = TimeInForce::Gtc;
    }
    return order;
}

}  // namespace

std::string_view toString(TimeInForce time_in_force) {
    switch (time_in_force) {
        case TimeInForce::Gtc:
            return "GTC";
        case TimeInForce::Ioc:
            return "IOC";
        case TimeInForce::Fok:
            return "FOK";
    }
    return "UNKNOWN";
}

Decimal protectiveStopQuantity(Side entry_side,
                               Decimal quantity,
                               Decimal taker_fee_rate,
                               const SymbolRules& rules,
                               bool commission_in_base) {
    if (entry_side == Side::Sell || !commission_in_base) {
        return quantity;
    }
    // The stop is a resting (non-market) order: LOT_SIZE's step applies.
    return rules.floorQuantity(mul(quantity, kOne - taker_fee_rate, Rounding::Floor), false);
}

std::optional<OrderType> protectiveStopType(const SymbolRules& rules) {
    if (rules.allows(OrderType::StopLossLimit)) {
        return OrderType::StopLossLimit;
    }
    if (rules.allows(OrderType::StopLoss)) {
        return OrderType::StopLoss;
    }
    return std::nullopt;
}

std::optional<FilterBreach> checkOrder(const PlannedOrder& order,
                                       const SymbolRules& rules,
                                       Decimal reference_price) {
    if (!rules.allows(order.type)) {
        return FilterBreach{"ORDER_TYPE",
                            "order type " + std::string(toString(order.type)) +
                                " is not allowed for " + rules.symbol};
    }
    if (auto breach = rules.checkQuantity(order.quantity, order.type == OrderType::Market)) {
        return breach;
    }
    for (const auto& price : {order.price, order.stop_price}) {
        if (price) {
            if (auto breach = rules.checkPrice(*price)) {
                return breach;
            }
        }
    }
    const Decimal executes_at = order.price.value_or(order.stop_price.value_or(reference_price));
    return rules.checkNotional(executes_at, order.quantity);
}

ExecutionPlanResult planExecution(const ExecutionPlanRequest& request) {
    if (auto refusal = checkRequest(request)) {
        return {*refusal};
    }
    ExecutionPlan plan;
    plan.mode = request.mode;
    plan.entry = entryOrder(request);
    if (auto breach = checkOrder(plan.entry, request.rules, request.entry_price)) {
        return {refuse("entry", breach->filter, breach->detail)};
    }
    auto stop = stopOrder(request);
    if (!stop) {
        return {
            refuse("stop",
                   "ORDER_TYPE",
                   "neither STOP_LOSS_LIMIT nor STOP_LOSS is allowed for " + request.rules.symbol)};
    }
    plan.stop = *stop;
    if (auto breach = checkOrder(plan.stop, request.rules, request.entry_price)) {
        return {refuse("stop", breach->filter, breach->detail)};
    }
    if (request.side == Side::Buy && request.commission_in_base) {
        const Decimal received =
            mul(request.quantity, kOne - request.costs.taker_fee_rate, Rounding::Floor);
        plan.unprotected_quantity = received - plan.stop.quantity;
    }
    return {plan};
}

}  // namespace robson::domain
