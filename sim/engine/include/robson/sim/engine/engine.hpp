#pragma once

#include "robson/domain/symbol_rules.hpp"
#include "robson/sim/engine/order.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace robson::sim {

/// What the engine starts with and returns to on reset(). Each symbol's MAX_NUM_ORDERS and
/// MAX_NUM_ALGO_ORDERS are its rules' max_num_orders and max_num_algo_orders (none: no
/// limit), the values exchangeInfo reports.
struct EngineConfig {
    std::vector<domain::SymbolRules> symbols;
    std::map<std::string, Balance> initial_balances;        ///< asset → balance
    Decimal commission_rate = Decimal::fromUnits(100'000);  ///< 0.001 = 0.1 %
};

/// The default spot configuration of docs/exchange-simulator.md: BTCUSDT, ETHUSDT, SOLUSDT
/// (domain::defaultSpotRules) and USDT 10000, BTC 0.5, ETH 5, SOL 50.
[[nodiscard]] EngineConfig defaultEngineConfig(Decimal commission_rate);

/// Result of an engine call: the order, or the Binance error that refuses it.
using OrderResult = std::variant<Order, ApiError>;

/// The simulated exchange's matching core: balances, orders, trades, filters. Pure (no I/O,
/// no clock: callers pass the time), so every rule is unit-testable.
///
/// The book has unlimited depth at two quotes around the last price (bid = last − 1 tick,
/// ask = last + 1 tick): MARKET orders fill entirely at the quote, a marketable LIMIT takes
/// at the quote, a resting LIMIT fills entirely at its own price when the last price reaches
/// it, and a STOP_LOSS_LIMIT / TAKE_PROFIT_LIMIT rests untriggered (isWorking=false) until
/// the last price reaches its stop, then behaves as a limit. Commission is charged in the
/// asset received.
///
/// Not thread-safe: the HTTP layer serialises access with one mutex.
class Engine {
public:
    explicit Engine(EngineConfig config);

    /// Orders, trades and ids cleared; balances back to the configured ones; prices kept.
    void reset();

    [[nodiscard]] const domain::SymbolRules* rules(std::string_view symbol) const;
    [[nodiscard]] const std::vector<domain::SymbolRules>& symbols() const {
        return config_.symbols;
    }
    [[nodiscard]] Decimal commissionRate() const { return config_.commission_rate; }

    /// Moves the last price of `symbol` to `price` at `now_ms` and matches resting orders.
    /// `continuous`: the price travelled linearly from the previous one (a candle path), so
    /// a stop crossed on the way triggers at its stop price; otherwise it jumped (a gap).
    void setLastPrice(std::string_view symbol, Decimal price, std::int64_t now_ms, bool continuous);
    [[nodiscard]] std::optional<Decimal> lastPrice(std::string_view symbol) const;
    /// The quotes around the last price (last ∓ one tick, never below one tick).
    [[nodiscard]] Decimal bid(std::string_view symbol) const;
    [[nodiscard]] Decimal ask(std::string_view symbol) const;

    /// Validates and places an order (test_only: validates filters without effect, as
    /// POST /api/v3/order/test). Errors carry Binance's code and text.
    [[nodiscard]] OrderResult place(const OrderRequest& request,
                                    std::int64_t now_ms,
                                    bool test_only = false);
    /// Cancels an open order found by id or client id (-2011 when unknown or closed).
    [[nodiscard]] OrderResult cancel(std::string_view symbol,
                                     std::optional<std::int64_t> order_id,
                                     const std::optional<std::string>& client_order_id,
                                     std::int64_t now_ms);
    /// Finds an order by id or client id (the most recent with that client id); -2013 if none.
    [[nodiscard]] OrderResult query(std::string_view symbol,
                                    std::optional<std::int64_t> order_id,
                                    const std::optional<std::string>& client_order_id) const;

    /// Open orders of one symbol, or of all when symbol is empty, oldest first.
    [[nodiscard]] std::vector<Order> openOrders(std::string_view symbol) const;
    /// Every order of a symbol, oldest first.
    [[nodiscard]] std::vector<Order> allOrders(std::string_view symbol) const;
    /// Every order of every symbol in arrival order.
    [[nodiscard]] const std::vector<Order>& orderHistory() const { return orders_; }
    /// Trades of a symbol, oldest first.
    [[nodiscard]] std::vector<Trade> trades(std::string_view symbol) const;

    [[nodiscard]] const std::map<std::string, Balance>& balances() const { return balances_; }
    [[nodiscard]] Balance balance(const std::string& asset) const;
    void setBalance(const std::string& asset, Balance balance);

private:
    struct Quote {
        Decimal bid;
        Decimal ask;
    };

    [[nodiscard]] std::optional<ApiError> validate(const OrderRequest& request,
                                                   const domain::SymbolRules& rules,
                                                   Decimal quantity) const;
    [[nodiscard]] std::optional<ApiError> checkPriceRelation(
        const OrderRequest& request, const domain::SymbolRules& rules) const;
    [[nodiscard]] std::optional<Decimal> marketQuantity(const OrderRequest& request,
                                                        const domain::SymbolRules& rules) const;
    [[nodiscard]] static Quote quoteAround(const domain::SymbolRules& rules, Decimal last);
    [[nodiscard]] Order* findOrder(std::string_view symbol,
                                   std::optional<std::int64_t> order_id,
                                   const std::optional<std::string>& client_order_id);
    [[nodiscard]] const Order* findOrderConst(
        std::string_view symbol,
        std::optional<std::int64_t> order_id,
        const std::optional<std::string>& client_order_id) const;
    void executeOnPlacement(Order& order, const domain::SymbolRules& rules, std::int64_t now_ms);
    void matchResting(Order& order,
                      const domain::SymbolRules& rules,
                      Decimal from,
                      Decimal to,
                      std::int64_t now_ms,
                      bool continuous);
    void fill(Order& order,
              const domain::SymbolRules& rules,
              Decimal price,
              bool maker,
              std::int64_t now_ms);
    void release(Order& order, OrderStatus status, std::int64_t now_ms);
    [[nodiscard]] int openCount(std::string_view symbol) const;
    /// The open algo orders (stop-loss and take-profit types) of a symbol.
    [[nodiscard]] int openAlgoCount(std::string_view symbol) const;

    EngineConfig config_;
    std::map<std::string, Balance> balances_;
    std::map<std::string, Decimal, std::less<>> last_prices_;
    std::vector<Order> orders_;  ///< index = order_id - 1
    std::vector<Trade> trades_;
    std::int64_t next_trade_id_ = 1;
};

}  // namespace robson::sim
