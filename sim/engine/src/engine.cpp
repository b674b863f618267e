#include "robson/sim/engine/engine.hpp"

#include "robson/sim/engine/error_texts.hpp"

#include <utility>

namespace robson::sim {

using domain::SymbolRules;

EngineConfig defaultEngineConfig(Decimal commission_rate) {
    using domain::decimal_literals::operator""_d;
    EngineConfig config;
    for (const char* symbol : {"BTCUSDT", "ETHUSDT", "SOLUSDT"}) {
        config.symbols.push_back(domain::defaultSpotRules(symbol));
    }
    config.initial_balances = {{"USDT", Balance{"10000"_d, Decimal{}}},
                               {"BTC", Balance{"0.5"_d, Decimal{}}},
                               {"ETH", Balance{"5"_d, Decimal{}}},
                               {"SOL", Balance{"50"_d, Decimal{}}}};
    config.commission_rate = commission_rate;
    return config;
}

Engine::Engine(EngineConfig config) : config_(std::move(config)) {
    reset();
}

void Engine::reset() {
    balances_ = config_.initial_balances;
    for (const SymbolRules& rules : config_.symbols) {
        balances_.try_emplace(rules.base_asset);
        balances_.try_emplace(rules.quote_asset);
    }
    orders_.clear();
    trades_.clear();
    next_trade_id_ = 1;
}

const SymbolRules* Engine::rules(std::string_view symbol) const {
    for (const SymbolRules& rules : config_.symbols) {
        if (rules.symbol == symbol) {
            return &rules;
        }
    }
    return nullptr;
}

std::optional<Decimal> Engine::lastPrice(std::string_view symbol) const {
    const auto found = last_prices_.find(symbol);
    if (found == last_prices_.end()) {
        return std::nullopt;
    }
    return found->second;
}

Engine::Quote Engine::quoteAround(const SymbolRules& rules, Decimal last) {
    const Decimal tick = rules.tick_size.isPositive() ? rules.tick_size : Decimal::fromUnits(1);
    const Decimal bid_price = last - tick;
    return Quote{bid_price < tick ? tick : bid_price, last + tick};
}

Decimal Engine::bid(std::string_view symbol) const {
    const SymbolRules* found = rules(symbol);
    const auto last = lastPrice(symbol);
    return found != nullptr && last ? quoteAround(*found, *last).bid : Decimal{};
}

Decimal Engine::ask(std::string_view symbol) const {
    const SymbolRules* found = rules(symbol);
    const auto last = lastPrice(symbol);
    return found != nullptr && last ? quoteAround(*found, *last).ask : Decimal{};
}

const Order* Engine::findOrderConst(std::string_view symbol,
                                    std::optional<std::int64_t> order_id,
                                    const std::optional<std::string>& client_order_id) const {
    if (order_id) {
        if (*order_id < 1 || *order_id > static_cast<std::int64_t>(orders_.size())) {
            return nullptr;
        }
        const Order& order = orders_[static_cast<std::size_t>(*order_id - 1)];
        if (order.symbol != symbol ||
            (client_order_id && order.client_order_id != *client_order_id)) {
            return nullptr;
        }
        return &order;
    }
    if (!client_order_id) {
        return nullptr;
    }
    // An open order owns its client id; otherwise the most recent order that used it.
    const Order* latest = nullptr;
    for (const Order& order : orders_) {
        if (order.symbol == symbol && order.client_order_id == *client_order_id) {
            if (isOpen(order.status)) {
                return &order;
            }
            latest = &order;
        }
    }
    return latest;
}

Order* Engine::findOrder(std::string_view symbol,
                         std::optional<std::int64_t> order_id,
                         const std::optional<std::string>& client_order_id) {
    return const_cast<Order*>(  // NOLINT(cppcoreguidelines-pro-type-const-cast)
        findOrderConst(symbol, order_id, client_order_id));
}

OrderResult Engine::query(std::string_view symbol,
                          std::optional<std::int64_t> order_id,
                          const std::optional<std::string>& client_order_id) const {
    if (rules(symbol) == nullptr) {
        return errors::invalidSymbol();
    }
    const Order* order = findOrderConst(symbol, order_id, client_order_id);
    if (order == nullptr) {
        return ApiError{-2013, std::string(errors::kOrderDoesNotExist)};
    }
    return *order;
}

OrderResult Engine::cancel(std::string_view symbol,
                           std::optional<std::int64_t> order_id,
                           const std::optional<std::string>& client_order_id,
                           std::int64_t now_ms) {
    if (rules(symbol) == nullptr) {
        return errors::invalidSymbol();
    }
    Order* order = findOrder(symbol, order_id, client_order_id);
    if (order == nullptr || !isOpen(order->status)) {
        return ApiError{-2011, std::string(errors::kUnknownOrderSent)};
    }
    release(*order, OrderStatus::Canceled, now_ms);
    return *order;
}

std::vector<Order> Engine::openOrders(std::string_view symbol) const {
    std::vector<Order> result;
    for (const Order& order : orders_) {
        if (isOpen(order.status) && (symbol.empty() || order.symbol == symbol)) {
            result.push_back(order);
        }
    }
    return result;
}

std::vector<Order> Engine::allOrders(std::string_view symbol) const {
    std::vector<Order> result;
    for (const Order& order : orders_) {
        if (order.symbol == symbol) {
            result.push_back(order);
        }
    }
    return result;
}

std::vector<Trade> Engine::trades(std::string_view symbol) const {
    std::vector<Trade> result;
    for (const Trade& trade : trades_) {
        if (trade.symbol == symbol) {
            result.push_back(trade);
        }
    }
    return result;
}

Balance Engine::balance(const std::string& asset) const {
    const auto found = balances_.find(asset);
    return found == balances_.end() ? Balance{} : found->second;
}

void Engine::setBalance(const std::string& asset, Balance balance) {
    balances_[asset] = balance;
}

int Engine::openCount(std::string_view symbol) const {
    int count = 0;
    for (const Order& order : orders_) {
        if (order.symbol == symbol && isOpen(order.status)) {
            ++count;
        }
    }
    return count;
}

int Engine::openAlgoCount(std::string_view symbol) const {
    int count = 0;
    for (const Order& order : orders_) {
        // By type, triggered or not, as the execute stage counts them from openOrders (Binance
        // does not document a triggered stop leaving the count).
        if (order.symbol == symbol && isOpen(order.status) && domain::isAlgoOrderType(order.type)) {
            ++count;
        }
    }
    return count;
}

}  // namespace robson::sim
