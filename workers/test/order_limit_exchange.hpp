#pragma once
// An exchange with one account and a symbol's open-order limits, for the execute stage's tests:
// MARKET orders fill at once at `price`; other orders rest open. While `others`, `other_stops`
// and the resting orders reach MAX_NUM_ORDERS every new order is refused with -1013 "Filter
// failure: MAX_NUM_ORDERS", whatever its type; while `other_stops` and the resting stop-loss
// and take-profit orders reach MAX_NUM_ALGO_ORDERS a new one of those is refused with -1013
// "Filter failure: MAX_NUM_ALGO_ORDERS" and any other order still accepted, as the exchange
// does.

#include "robson/exchange/exchange_error.hpp"
#include "robson/exchange/exchange_gateway.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace robson::workers::testing {

class OrderLimitExchange final : public exchange::ExchangeGateway {
public:
    int max_num_orders = 10;
    std::optional<int> max_num_algo_orders = 5;  ///< Binance's
    int others = 0;       ///< the account's open LIMIT orders on the symbol that are not the test's
    int other_stops = 0;  ///< and its open stop-loss orders there that are not the test's
    domain::Decimal price = domain::Decimal::fromString("95000");
    std::int64_t now_ms = 0;                     ///< the time stamped on accepted orders
    std::vector<domain::PlannedOrder> requests;  ///< every placement asked for, refused or not
    std::vector<exchange::OrderState> book;      ///< accepted orders, as they stand now
    int open_order_reads = 0;
    /// When set, openOrders throws it (keys refused, rate limited…).
    std::optional<exchange::ExchangeError> open_orders_failure;
    /// Runs after a MARKET order filled: a test makes other executions take the free slots.
    std::function<void()> after_fill;

    [[nodiscard]] int openCount() const {
        int open = others + other_stops;
        for (const auto& order : book) {
            open += exchange::isTerminal(order.status) ? 0 : 1;
        }
        return open;
    }
    [[nodiscard]] int openAlgoCount() const {
        int open = other_stops;
        for (const auto& order : book) {
            const bool open_stop =
                !exchange::isTerminal(order.status) && domain::isAlgoOrderType(order.type);
            open += open_stop ? 1 : 0;
        }
        return open;
    }

    domain::SymbolRules symbolRules(std::string_view symbol) override {
        auto rules = domain::defaultSpotRules(symbol);
        rules.max_num_orders = max_num_orders;
        rules.max_num_algo_orders = max_num_algo_orders;
        return rules;
    }
    std::vector<exchange::OrderState> openOrders(std::string_view symbol) override {
        ++open_order_reads;
        if (open_orders_failure) {
            throw exchange::ExchangeException(*open_orders_failure);
        }
        std::vector<exchange::OrderState> open(static_cast<std::size_t>(others + other_stops));
        for (std::size_t i = 0; i < open.size(); ++i) {
            open[i].symbol = std::string(symbol);
            open[i].type = i < static_cast<std::size_t>(others) ? domain::OrderType::Limit
                                                                : domain::OrderType::StopLossLimit;
        }
        for (const auto& order : book) {
            if (!exchange::isTerminal(order.status)) {
                open.push_back(order);
            }
        }
        return open;
    }
    exchange::PlaceResult placeOrder(const domain::PlannedOrder& order) override {
        requests.push_back(order);
        if (openCount() >= max_num_orders) {
            return filterFailure("MAX_NUM_ORDERS");
        }
        if (domain::isAlgoOrderType(order.type) && max_num_algo_orders &&
            openAlgoCount() >= *max_num_algo_orders) {
            return filterFailure("MAX_NUM_ALGO_ORDERS");
        }
        exchange::OrderState state;
        state.symbol = order.symbol;
        state.order_id = static_cast<std::int64_t>(book.size()) + 1;
        state.client_order_id = order.client_order_id;
        state.type = order.type;
        state.side = order.side;
        state.original_quantity = order.quantity;
        state.stop_price = order.stop_price;
        state.price = order.price.value_or(domain::Decimal{});
        state.time_ms = now_ms;
        state.update_time_ms = now_ms;
        const bool market = order.type == domain::OrderType::Market;
        if (market) {
            state.status = exchange::OrderStatus::Filled;
            state.executed_quantity = order.quantity;
            state.cumulative_quote_quantity =
                domain::mul(price, order.quantity, domain::Rounding::HalfEven);
        }
        book.push_back(state);
        if (market && after_fill) {
            after_fill();
        }
        return exchange::PlaceResult{exchange::Placed{state}};
    }
    std::optional<exchange::OrderState> queryOrder(std::string_view /*symbol*/,
                                                   std::string_view client_order_id) override {
        // The most recent order with that id, as the exchange answers.
        const auto found = std::find_if(book.rbegin(), book.rend(), [&](const auto& order) {
            return order.client_order_id == client_order_id;
        });
        if (found == book.rend()) {
            return std::nullopt;
        }
        return *found;
    }
    exchange::OrderState cancelOrder(std::string_view /*symbol*/,
                                     std::string_view client_order_id) override {
        for (auto& order : book) {
            if (order.client_order_id == client_order_id && !exchange::isTerminal(order.status)) {
                order.status = exchange::OrderStatus::Canceled;
                return order;
            }
        }
        throw exchange::ExchangeException(exchange::ExchangeError{
            exchange::ExchangeErrorKind::UnknownOrder, -2011, 400, "Unknown order sent.", {}});
    }

    // An execution reads none of these.
    std::vector<domain::Candle> candles(std::string_view /*symbol*/,
                                        std::string_view /*interval*/,
                                        int /*limit*/) override {
        refuse();
    }
    domain::Decimal lastPrice(std::string_view /*symbol*/) override { refuse(); }
    exchange::BookTicker bookTicker(std::string_view /*symbol*/) override { refuse(); }
    std::vector<exchange::Balance> balances() override { refuse(); }
    std::vector<exchange::Trade> trades(std::string_view /*symbol*/,
                                        std::optional<std::int64_t> /*order_id*/) override {
        refuse();
    }

private:
    static exchange::PlaceResult filterFailure(const std::string& filter) {
        return exchange::PlaceResult{
            exchange::Rejected{exchange::ExchangeError{exchange::ExchangeErrorKind::FilterFailure,
                                                       -1013,
                                                       400,
                                                       "Filter failure: " + filter,
                                                       std::nullopt}}};
    }
    [[noreturn]] static void refuse() {
        throw std::logic_error("an execution does not read market data");
    }
};

}  // namespace robson::workers::testing
