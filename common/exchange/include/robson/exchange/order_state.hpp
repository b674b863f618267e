#pragma once

#include "robson/domain/decimal.hpp"
#include "robson/domain/execution_plan.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/symbol_rules.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace robson::exchange {

/// An order's status as the exchange reports it (Binance spellings via toString/parse).
enum class OrderStatus {
    New,
    PendingNew,  ///< an OTO leg waiting for its working order (never sent by Robson today)
    PartiallyFilled,
    Filled,
    Canceled,
    PendingCancel,
    Rejected,
    Expired,
    ExpiredInMatch,
};

[[nodiscard]] std::string_view toString(OrderStatus status);
[[nodiscard]] std::optional<OrderStatus> parseOrderStatus(std::string_view text);
/// FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH: nothing will change any more.
[[nodiscard]] bool isTerminal(OrderStatus status);

/// One execution of an order (FULL response `fills[]`). Plain value, safe to copy anywhere.
struct Fill {
    domain::Decimal price;
    domain::Decimal quantity;
    domain::Decimal commission;
    std::string commission_asset;
    std::int64_t trade_id = 0;

    friend bool operator==(const Fill&, const Fill&) = default;
};

/// The exchange's view of one order: what placing, querying or cancelling it returned.
/// Fields the response did not carry keep their defaults (an ACK response carries only the
/// ids and the time; Robson asks for FULL). A plain value, safe to copy between threads.
struct OrderState {
    std::string symbol;
    std::int64_t order_id = 0;    ///< the exchange's id
    std::string client_order_id;  ///< ours (for a cancel: the cancelled order's id)
    OrderStatus status = OrderStatus::New;
    domain::OrderType type = domain::OrderType::Limit;
    domain::Side side = domain::Side::Buy;
    std::optional<domain::TimeInForce> time_in_force;
    domain::Decimal price;                      ///< 0 for MARKET
    std::optional<domain::Decimal> stop_price;  ///< stop types only
    domain::Decimal original_quantity;
    domain::Decimal executed_quantity;
    domain::Decimal cumulative_quote_quantity;  ///< Binance's `cummulativeQuoteQty`
    std::int64_t time_ms = 0;                   ///< transactTime, or time for a query
    std::int64_t update_time_ms = 0;
    std::vector<Fill> fills;  ///< FULL responses only

    /// cumulative quote ÷ executed (8 decimals, half-even); nullopt before any fill.
    [[nodiscard]] std::optional<domain::Decimal> averagePrice() const;
    /// Sum of the fills' commissions in `asset`.
    [[nodiscard]] domain::Decimal commissionIn(std::string_view asset) const;

    friend bool operator==(const OrderState&, const OrderState&) = default;
};

/// One asset of the account: free to use, locked by open orders.
struct Balance {
    std::string asset;
    domain::Decimal free;
    domain::Decimal locked;

    friend bool operator==(const Balance&, const Balance&) = default;
};

/// The best bid and ask of a symbol.
struct BookTicker {
    std::string symbol;
    domain::Decimal bid_price;
    domain::Decimal bid_quantity;
    domain::Decimal ask_price;
    domain::Decimal ask_quantity;

    friend bool operator==(const BookTicker&, const BookTicker&) = default;
};

/// One of the account's trades (GET /api/v3/myTrades).
struct Trade {
    std::string symbol;
    std::int64_t id = 0;
    std::int64_t order_id = 0;
    domain::Decimal price;
    domain::Decimal quantity;
    domain::Decimal quote_quantity;
    domain::Decimal commission;
    std::string commission_asset;
    std::int64_t time_ms = 0;
    bool is_buyer = false;
    bool is_maker = false;

    friend bool operator==(const Trade&, const Trade&) = default;
};

}  // namespace robson::exchange
