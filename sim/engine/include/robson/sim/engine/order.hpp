#pragma once

#include "robson/domain/decimal.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/symbol_rules.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace robson::sim {

using domain::Decimal;
using domain::OrderType;
using domain::Side;

/// Binance order status (REST spelling via toString). Terminal: Filled, Canceled, Expired.
enum class OrderStatus { New, PartiallyFilled, Filled, Canceled, Expired };

/// Binance timeInForce for limit-style orders.
enum class TimeInForce { Gtc, Ioc, Fok };

[[nodiscard]] std::string_view toString(OrderStatus status);
[[nodiscard]] std::string_view toString(TimeInForce tif);
[[nodiscard]] std::optional<TimeInForce> parseTimeInForce(std::string_view text);
[[nodiscard]] bool isOpen(OrderStatus status);

/// A validated new-order request, as the HTTP layer parsed it (values already exact decimals).
/// Plain value; the engine checks filters, balances and price relations.
struct OrderRequest {
    std::string symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Limit;
    std::optional<TimeInForce> time_in_force;
    std::optional<Decimal> quantity;
    std::optional<Decimal> quote_order_qty;
    std::optional<Decimal> price;
    std::optional<Decimal> stop_price;
    std::string client_order_id;  ///< already generated when the caller sent none
};

/// One execution of an order (a FULL response's fills[] entry and a myTrades row).
struct Trade {
    std::int64_t id = 0;
    std::int64_t order_id = 0;
    std::string symbol;
    Decimal price;
    Decimal qty;
    Decimal quote_qty;
    Decimal commission;
    std::string commission_asset;
    std::int64_t time = 0;
    bool is_buyer = false;
    bool is_maker = false;
};

/// An order as the exchange keeps it. Plain value, copied out of the engine for responses.
/// Fills are complete (the simulated book has unlimited depth at its quotes), so an order is
/// NEW until it fills entirely; locked_ is what it still holds in free→locked.
struct Order {
    std::int64_t order_id = 0;
    std::string symbol;
    std::string client_order_id;
    Side side = Side::Buy;
    OrderType type = OrderType::Limit;
    std::optional<TimeInForce> time_in_force;
    Decimal price;
    Decimal orig_qty;
    Decimal executed_qty;
    Decimal cummulative_quote_qty;
    Decimal orig_quote_order_qty;
    Decimal stop_price;
    OrderStatus status = OrderStatus::New;
    std::int64_t time = 0;
    std::int64_t update_time = 0;
    std::int64_t working_time = -1;
    bool is_working = false;
    std::string locked_asset;
    Decimal locked;
    std::vector<Trade> fills;  ///< executions, in order
};

/// free and locked amount of one asset.
struct Balance {
    Decimal free;
    Decimal locked;
    friend bool operator==(const Balance&, const Balance&) = default;
};

/// A Binance error answer: code, message (exact reference text) and HTTP status.
struct ApiError {
    int code = 0;
    std::string msg;
    int http_status = 400;
};

}  // namespace robson::sim
