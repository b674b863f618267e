// BinanceGateway's endpoints (the request core is in binance_request.cpp).
#include "robson/binance/binance_gateway.hpp"

#include "http_transport.hpp"
#include "robson/binance/binance_json.hpp"
#include "robson/binance/signer.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace robson::binance {

using exchange::ExchangeErrorKind;
using exchange::ExchangeException;

void BinanceGateway::ping() {
    (void)perform(Call{"GET", "/api/v3/ping", "", false, 1, false});
}

domain::SymbolRules BinanceGateway::symbolRules(std::string_view symbol) {
    const auto cached = rules_cache_.find(symbol);
    if (cached != rules_cache_.end() &&
        localNowMs() - cached->second.fetched_ms < config_.rules_ttl.count()) {
        return cached->second.rules;
    }
    QueryString params;
    params.add("symbol", symbol);
    const auto reply = perform(Call{"GET", "/api/v3/exchangeInfo", params.str(), false, 20, false});
    const std::int64_t now = localNowMs();
    for (auto& rules : parseExchangeInfo(reply.body)) {
        std::string name = rules.symbol;
        rules_cache_[std::move(name)] = CachedRules{std::move(rules), now};
    }
    const auto fetched = rules_cache_.find(symbol);
    if (fetched == rules_cache_.end()) {
        throw ExchangeException(exchange::ExchangeError{
            ExchangeErrorKind::BadResponse, 0, 0, "exchangeInfo lacks the symbol asked for", {}});
    }
    return fetched->second.rules;
}

std::vector<domain::Candle> BinanceGateway::candles(std::string_view symbol,
                                                    std::string_view interval,
                                                    int limit) {
    return klines(symbol, interval, limit, std::nullopt);
}

std::vector<domain::Candle> BinanceGateway::candlesUntil(std::string_view symbol,
                                                         std::string_view interval,
                                                         int limit,
                                                         std::int64_t end_time_ms) {
    return klines(symbol, interval, limit, end_time_ms);
}

std::vector<domain::Candle> BinanceGateway::klines(std::string_view symbol,
                                                   std::string_view interval,
                                                   int limit,
                                                   std::optional<std::int64_t> end_time_ms) {
    QueryString params;
    params.add("symbol", symbol).add("interval", interval);
    params.add("limit", std::to_string(std::clamp(limit, 1, 1000)));
    if (end_time_ms) {
        // Without startTime, Binance answers the most recent `limit` klines opened at or
        // before endTime.
        params.add("endTime", std::to_string(*end_time_ms));
    }
    return parseKlines(perform(Call{"GET", "/api/v3/klines", params.str(), false, 2, false}).body);
}

domain::Decimal BinanceGateway::lastPrice(std::string_view symbol) {
    QueryString params;
    params.add("symbol", symbol);
    return parseTickerPrice(
        perform(Call{"GET", "/api/v3/ticker/price", params.str(), false, 2, false}).body);
}

exchange::BookTicker BinanceGateway::bookTicker(std::string_view symbol) {
    QueryString params;
    params.add("symbol", symbol);
    return parseBookTicker(
        perform(Call{"GET", "/api/v3/ticker/bookTicker", params.str(), false, 2, false}).body);
}

std::vector<exchange::Balance> BinanceGateway::balances() {
    return parseAccountBalances(perform(Call{"GET", "/api/v3/account", "", true, 20, false}).body);
}

std::vector<exchange::OrderState> BinanceGateway::openOrders(std::string_view symbol) {
    QueryString params;
    params.add("symbol", symbol);
    return parseOrders(
        perform(Call{"GET", "/api/v3/openOrders", params.str(), true, 6, false}).body);
}

std::vector<exchange::Trade> BinanceGateway::trades(std::string_view symbol,
                                                    std::optional<std::int64_t> order_id) {
    QueryString params;
    params.add("symbol", symbol);
    if (order_id) {
        params.add("orderId", std::to_string(*order_id));
    }
    const int weight = order_id ? 5 : 20;
    return parseTrades(
        perform(Call{"GET", "/api/v3/myTrades", params.str(), true, weight, false}).body);
}

exchange::PlaceResult BinanceGateway::placeOrReconcile(const domain::PlannedOrder& order) {
    return exchange::placeOrReconcile(*this, order, config_.reconcile);
}

}  // namespace robson::binance
