#pragma once

#include "robson/domain/candle.hpp"
#include "robson/domain/decimal.hpp"
#include "robson/domain/execution_plan.hpp"
#include "robson/domain/symbol_rules.hpp"
#include "robson/exchange/order_state.hpp"
#include "robson/exchange/place_result.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace robson::exchange {

/// The exchange port: everything the workers ask of a spot exchange. The one implementation
/// is robson::binance::BinanceGateway (Binance Spot REST; the simulator speaks the same).
///
/// Callers: the market-data worker (symbolRules, candles, lastPrice, bookTicker), the
/// validate worker (balances, symbolRules) and the execute/monitor workers (orders, trades).
///
/// Thread-safety: an implementation object is NOT thread-safe (it owns one keep-alive
/// connection); give each thread its own gateway.
///
/// Failures: every call except placeOrder throws ExchangeException with a typed
/// ExchangeError (Network, RateLimited, Auth, BadRequest, UnknownOrder, …). Reads are safe to
/// repeat. placeOrder never throws for exchange or transport failures: it returns
/// Placed | Rejected | Unknown, and an Unknown must be reconciled by queryOrder before the
/// order is sent again (see placeOrReconcile) — a duplicate client id is only refused while
/// the first order is open, so the query, not the exchange, prevents a double entry.
class ExchangeGateway {
public:
    ExchangeGateway() = default;
    virtual ~ExchangeGateway() = default;
    ExchangeGateway(const ExchangeGateway&) = delete;
    ExchangeGateway& operator=(const ExchangeGateway&) = delete;
    ExchangeGateway(ExchangeGateway&&) = delete;
    ExchangeGateway& operator=(ExchangeGateway&&) = delete;

    /// The symbol's filters, status and order types (exchangeInfo; implementations cache).
    [[nodiscard]] virtual domain::SymbolRules symbolRules(std::string_view symbol) = 0;
    /// The most recent `limit` candles of `interval` ("15m", "1h", …), oldest first. The last
    /// one may still be forming (its close_time_ms is in the future).
    [[nodiscard]] virtual std::vector<domain::Candle> candles(std::string_view symbol,
                                                              std::string_view interval,
                                                              int limit) = 0;
    /// The last traded price.
    [[nodiscard]] virtual domain::Decimal lastPrice(std::string_view symbol) = 0;
    /// The best bid and ask.
    [[nodiscard]] virtual BookTicker bookTicker(std::string_view symbol) = 0;
    /// Every asset of the account with its free and locked amounts.
    [[nodiscard]] virtual std::vector<Balance> balances() = 0;

    /// Sends the order once (with its client_order_id); never retries a send.
    [[nodiscard]] virtual PlaceResult placeOrder(const domain::PlannedOrder& order) = 0;
    /// The order with that client id, or nullopt when the exchange does not know it (-2013;
    /// right after an unknown placement it may still be in flight).
    [[nodiscard]] virtual std::optional<OrderState> queryOrder(
        std::string_view symbol, std::string_view client_order_id) = 0;
    /// Cancels an open order; returns its final state. Throws UnknownOrder (-2011) when it is
    /// unknown or already closed: query it to learn whether it FILLED or was CANCELED.
    virtual OrderState cancelOrder(std::string_view symbol, std::string_view client_order_id) = 0;
    /// The open orders of a symbol.
    [[nodiscard]] virtual std::vector<OrderState> openOrders(std::string_view symbol) = 0;
    /// The account's trades on a symbol, of one exchange order id when given.
    [[nodiscard]] virtual std::vector<Trade> trades(std::string_view symbol,
                                                    std::optional<std::int64_t> order_id) = 0;
};

}  // namespace robson::exchange
