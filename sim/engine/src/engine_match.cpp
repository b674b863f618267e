// Matching: fills at placement, resting limits, stop triggers, balance moves and commission.
#include "robson/sim/engine/engine.hpp"

namespace robson::sim {

using domain::Rounding;
using domain::SymbolRules;

namespace {

bool isStopLimit(OrderType type) {
    return type == OrderType::StopLossLimit || type == OrderType::TakeProfitLimit;
}

/// True when a move from `from` to `to` reaches `level` (a jump only counts its end).
bool reaches(Decimal from, Decimal to, Decimal level, bool upward, bool continuous) {
    const Decimal extreme = continuous ? (upward ? max(from, to) : min(from, to)) : to;
    return upward ? extreme >= level : extreme <= level;
}

}  // namespace

void Engine::executeOnPlacement(Order& order, const SymbolRules& rules, std::int64_t now_ms) {
    const Quote quote = quoteAround(rules, *lastPrice(rules.symbol));
    const bool buy = order.side == Side::Buy;
    if (order.type == OrderType::Market) {
        fill(order, rules, buy ? quote.ask : quote.bid, false, now_ms);
        return;
    }
    if (isStopLimit(order.type)) {
        return;  // rests untriggered: isWorking=false, workingTime=-1
    }
    order.is_working = true;
    order.working_time = now_ms;
    const bool marketable = buy ? order.price >= quote.ask : order.price <= quote.bid;
    if (marketable && order.type == OrderType::Limit) {
        fill(order, rules, buy ? quote.ask : quote.bid, false, now_ms);
        return;
    }
    if (order.time_in_force && *order.time_in_force != TimeInForce::Gtc) {
        release(order, OrderStatus::Expired, now_ms);
    }
}

void Engine::setLastPrice(std::string_view symbol,
                          Decimal price,
                          std::int64_t now_ms,
                          bool continuous) {
    const SymbolRules* rules_ptr = rules(symbol);
    if (rules_ptr == nullptr || !price.isPositive()) {
        return;
    }
    const auto previous = lastPrice(symbol);
    const Decimal from = previous.value_or(price);
    last_prices_.insert_or_assign(std::string(symbol), price);
    for (Order& order : orders_) {
        if (order.symbol == symbol && isOpen(order.status)) {
            matchResting(order, *rules_ptr, from, price, now_ms, continuous && previous);
        }
    }
}

void Engine::matchResting(Order& order,
                          const SymbolRules& rules,
                          Decimal from,
                          Decimal to,
                          std::int64_t now_ms,
                          bool continuous) {
    const bool buy = order.side == Side::Buy;
    if (!order.is_working) {
        const bool stop_loss = order.type == OrderType::StopLossLimit;
        const bool triggers_upward = stop_loss == buy;  // SL BUY / TP SELL trigger on a rise
        if (!reaches(from, to, order.stop_price, triggers_upward, continuous)) {
            return;
        }
        order.is_working = true;
        order.working_time = now_ms;
        order.update_time = now_ms;
        // On a continuous path the market stands at the stop when it triggers; after a gap it
        // stands at the new price. The limit then takes if it is marketable there.
        const Decimal market = continuous ? order.stop_price : to;
        const Quote quote = quoteAround(rules, market);
        if (buy ? order.price >= quote.ask : order.price <= quote.bid) {
            fill(order, rules, buy ? quote.ask : quote.bid, false, now_ms);
            return;
        }
        from = market;
    }
    // A resting BUY fills when the price comes down to it, a SELL when it rises to it.
    if (reaches(from, to, order.price, !buy, continuous)) {
        fill(order, rules, order.price, true, now_ms);
    }
}

void Engine::fill(
    Order& order, const SymbolRules& rules, Decimal price, bool maker, std::int64_t now_ms) {
    const bool buy = order.side == Side::Buy;
    const Decimal qty = order.orig_qty - order.executed_qty;
    const Decimal quote_qty = mul(price, qty, Rounding::HalfEven);
    Trade trade;
    trade.id = next_trade_id_++;
    trade.order_id = order.order_id;
    trade.symbol = order.symbol;
    trade.price = price;
    trade.qty = qty;
    trade.quote_qty = quote_qty;
    trade.commission_asset = buy ? rules.base_asset : rules.quote_asset;
    trade.commission = mul(buy ? qty : quote_qty, config_.commission_rate, Rounding::Up);
    trade.time = now_ms;
    trade.is_buyer = buy;
    trade.is_maker = maker;

    Balance& paid = balances_[order.locked_asset];
    const Decimal cost = buy ? quote_qty : qty;
    paid.locked -= order.locked;
    paid.free += order.locked - cost;
    order.locked = Decimal{};
    Balance& received = balances_[buy ? rules.base_asset : rules.quote_asset];
    received.free += (buy ? qty : quote_qty) - trade.commission;

    order.executed_qty += qty;
    order.cummulative_quote_qty += quote_qty;
    order.status = OrderStatus::Filled;
    order.update_time = now_ms;
    order.fills.push_back(trade);
    trades_.push_back(trade);
}

void Engine::release(Order& order, OrderStatus status, std::int64_t now_ms) {
    Balance& funds = balances_[order.locked_asset];
    funds.locked -= order.locked;
    funds.free += order.locked;
    order.locked = Decimal{};
    order.status = status;
    order.update_time = now_ms;
}

}  // namespace robson::sim
