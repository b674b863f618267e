// Order placement: validation (filters, price relations, balances) and the first execution.
#include "robson/sim/engine/engine.hpp"
#include "robson/sim/engine/error_texts.hpp"

namespace robson::sim {

using domain::Rounding;
using domain::SymbolRules;

namespace {

bool isStopType(OrderType type) {
    return type == OrderType::StopLossLimit || type == OrderType::TakeProfitLimit ||
           type == OrderType::StopLoss || type == OrderType::TakeProfit;
}

std::string_view unsupportedText(OrderType type) {
    switch (type) {
        case OrderType::Market:
            return "Market orders are not supported for this symbol.";
        case OrderType::StopLoss:
            return "Stop loss orders are not supported for this symbol.";
        case OrderType::StopLossLimit:
            return "Stop loss limit orders are not supported for this symbol.";
        case OrderType::TakeProfit:
            return "Take profit orders are not supported for this symbol.";
        case OrderType::TakeProfitLimit:
            return "Take profit limit orders are not supported for this symbol.";
        default:
            return "Unsupported order combination";
    }
}

}  // namespace

std::optional<Decimal> Engine::marketQuantity(const OrderRequest& request,
                                              const SymbolRules& rules) const {
    if (request.quantity) {
        return request.quantity;
    }
    if (!request.quote_order_qty) {
        return std::nullopt;
    }
    const Decimal last = lastPrice(rules.symbol).value_or(Decimal{});
    const Quote quote = quoteAround(rules, last);
    const Decimal price = request.side == Side::Buy ? quote.ask : quote.bid;
    if (!price.isPositive()) {
        return Decimal{};
    }
    return rules.floorQuantity(div(*request.quote_order_qty, price, Rounding::Down), true);
}

std::optional<ApiError> Engine::validate(const OrderRequest& request,
                                         const SymbolRules& rules,
                                         Decimal quantity) const {
    if (!rules.allows(request.type)) {
        return errors::rejected(unsupportedText(request.type));
    }
    const bool market = request.type == OrderType::Market;
    for (const auto& price : {request.price, request.stop_price}) {
        if (price) {
            if (auto breach = rules.checkPrice(*price)) {
                return errors::filterFailure(breach->filter);
            }
        }
    }
    if (auto breach = rules.checkQuantity(quantity, market)) {
        return errors::filterFailure(breach->filter);
    }
    const Decimal notional_price =
        market ? lastPrice(rules.symbol).value_or(Decimal{}) : request.price.value_or(Decimal{});
    try {
        const Decimal notional = mul(notional_price, quantity, Rounding::Floor);
        if (notional < rules.min_notional ||
            (!market && rules.max_notional.isPositive() && notional > rules.max_notional)) {
            return errors::filterFailure("NOTIONAL");
        }
    } catch (const domain::DecimalError&) {
        return errors::filterFailure("NOTIONAL");
    }
    // Every new order is refused at the limit, whatever its type: a MARKET one too.
    if (rules.max_num_orders && openCount(request.symbol) >= *rules.max_num_orders) {
        return errors::filterFailure("MAX_NUM_ORDERS");
    }
    // Only a new stop-loss or take-profit order is refused at the algo limit: a MARKET exit
    // still closes a position whose stop could not be placed.
    if (domain::isAlgoOrderType(request.type) && rules.max_num_algo_orders &&
        openAlgoCount(request.symbol) >= *rules.max_num_algo_orders) {
        return errors::filterFailure("MAX_NUM_ALGO_ORDERS");
    }
    return std::nullopt;
}

std::optional<ApiError> Engine::checkPriceRelation(const OrderRequest& request,
                                                   const SymbolRules& rules) const {
    const Decimal last = lastPrice(rules.symbol).value_or(Decimal{});
    const bool buy = request.side == Side::Buy;
    if (isStopType(request.type) && request.stop_price) {
        const Decimal stop = *request.stop_price;
        const bool stop_loss =
            request.type == OrderType::StopLossLimit || request.type == OrderType::StopLoss;
        // STOP_LOSS SELL triggers at last <= stop, BUY at last >= stop; TAKE_PROFIT mirrors.
        const bool triggers_below = stop_loss != buy;
        if (triggers_below ? last <= stop : last >= stop) {
            return errors::rejected(errors::kWouldTrigger);
        }
    }
    if (request.type == OrderType::LimitMaker && request.price) {
        const Quote quote = quoteAround(rules, last);
        if (buy ? *request.price >= quote.ask : *request.price <= quote.bid) {
            return errors::rejected(errors::kWouldTake);
        }
    }
    return std::nullopt;
}

OrderResult Engine::place(const OrderRequest& request, std::int64_t now_ms, bool test_only) {
    const SymbolRules* rules_ptr = rules(request.symbol);
    if (rules_ptr == nullptr) {
        return errors::invalidSymbol();
    }
    const SymbolRules& rules = *rules_ptr;
    const auto quantity = marketQuantity(request, rules);
    if (!quantity) {
        return errors::mandatory("quantity");
    }
    if (auto error = validate(request, rules, *quantity)) {
        return *error;
    }
    Order order;
    order.symbol = request.symbol;
    order.client_order_id = request.client_order_id;
    order.side = request.side;
    order.type = request.type;
    order.time_in_force = request.time_in_force;
    order.price = request.price.value_or(Decimal{});
    order.stop_price = request.stop_price.value_or(Decimal{});
    order.orig_qty = *quantity;
    order.orig_quote_order_qty = request.quote_order_qty.value_or(Decimal{});
    order.time = now_ms;
    order.update_time = now_ms;
    if (test_only) {
        return order;
    }
    for (const Order& open : orders_) {
        if (isOpen(open.status) && open.client_order_id == request.client_order_id) {
            return errors::rejected(errors::kDuplicateOrder);
        }
    }
    if (auto error = checkPriceRelation(request, rules)) {
        return *error;
    }
    const bool buy = request.side == Side::Buy;
    const Decimal lock_price = request.type == OrderType::Market
                                   ? quoteAround(rules, *lastPrice(rules.symbol)).ask
                                   : order.price;
    order.locked_asset = buy ? rules.quote_asset : rules.base_asset;
    try {
        order.locked = buy ? mul(lock_price, order.orig_qty, Rounding::Up) : order.orig_qty;
    } catch (const domain::DecimalError&) {
        return errors::rejected(errors::kInsufficientBalance);
    }
    Balance& funds = balances_[order.locked_asset];
    if (funds.free < order.locked) {
        return errors::rejected(errors::kInsufficientBalance);
    }
    funds.free -= order.locked;
    funds.locked += order.locked;
    order.order_id = static_cast<std::int64_t>(orders_.size()) + 1;
    orders_.push_back(order);
    executeOnPlacement(orders_.back(), rules, now_ms);
    return orders_.back();
}

}  // namespace robson::sim
