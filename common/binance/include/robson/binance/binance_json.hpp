#pragma once

#include "robson/domain/candle.hpp"
#include "robson/domain/decimal.hpp"
#include "robson/domain/symbol_rules.hpp"
#include "robson/exchange/exchange_error.hpp"
#include "robson/exchange/order_state.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace robson::binance {

/// Binance's error body {"code": -1121, "msg": "Invalid symbol."}.
struct ApiError {
    int code = 0;
    std::string message;
};

// Parsers of Binance Spot REST bodies into domain and port values. Decimals are read from
// Binance's strings with domain::Decimal (never through double). A body of the wrong shape
// throws exchange::ExchangeException of kind BadResponse; the message names the field, never
// the body. All pure and thread-safe.

/// The error body, or nullopt when `body` is not one.
[[nodiscard]] std::optional<ApiError> parseApiError(std::string_view body);
/// GET /api/v3/time → serverTime (ms).
[[nodiscard]] std::int64_t parseServerTime(std::string_view body);
/// GET /api/v3/exchangeInfo → the rules of every symbol listed (PRICE_FILTER, LOT_SIZE,
/// MARKET_LOT_SIZE, NOTIONAL preferred over legacy MIN_NOTIONAL, status, orderTypes).
[[nodiscard]] std::vector<domain::SymbolRules> parseExchangeInfo(std::string_view body);
/// GET /api/v3/klines → candles, oldest first.
[[nodiscard]] std::vector<domain::Candle> parseKlines(std::string_view body);
/// GET /api/v3/ticker/price?symbol= → price.
[[nodiscard]] domain::Decimal parseTickerPrice(std::string_view body);
/// GET /api/v3/ticker/bookTicker?symbol= → best bid/ask.
[[nodiscard]] exchange::BookTicker parseBookTicker(std::string_view body);
/// GET /api/v3/account → balances.
[[nodiscard]] std::vector<exchange::Balance> parseAccountBalances(std::string_view body);
/// POST order (ACK, RESULT or FULL), GET order, DELETE order → the order. For a cancel,
/// client_order_id is the cancelled order's (`origClientOrderId`).
[[nodiscard]] exchange::OrderState parseOrder(std::string_view body);
/// GET /api/v3/openOrders or allOrders → orders.
[[nodiscard]] std::vector<exchange::OrderState> parseOrders(std::string_view body);
/// GET /api/v3/myTrades → trades.
[[nodiscard]] std::vector<exchange::Trade> parseTrades(std::string_view body);

}  // namespace robson::binance
