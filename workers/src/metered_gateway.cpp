#include "metered_gateway.hpp"

#include "pipeline_metrics.hpp"

#include <chrono>

namespace robson::workers {
namespace {

/// Runs one call, recording its duration and, when it throws ExchangeException, its kind.
template <typename Call>
auto metered(std::string_view endpoint, Call&& call) -> decltype(call()) {
    const auto started = std::chrono::steady_clock::now();
    const auto seconds = [&started] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    try {
        auto result = call();
        if (auto* metrics = pipelineMetrics()) {
            metrics->exchangeCall(endpoint, seconds(), nullptr);
        }
        return result;
    } catch (const exchange::ExchangeException& error) {
        if (auto* metrics = pipelineMetrics()) {
            const auto kind = error.kind();
            metrics->exchangeCall(endpoint, seconds(), &kind);
        }
        throw;
    }
}

}  // namespace

domain::SymbolRules MeteredGateway::symbolRules(std::string_view symbol) {
    return metered("symbol_rules", [&] { return inner_.symbolRules(symbol); });
}

std::vector<domain::Candle> MeteredGateway::candles(std::string_view symbol,
                                                    std::string_view interval,
                                                    int limit) {
    return metered("candles", [&] { return inner_.candles(symbol, interval, limit); });
}

domain::Decimal MeteredGateway::lastPrice(std::string_view symbol) {
    return metered("last_price", [&] { return inner_.lastPrice(symbol); });
}

exchange::BookTicker MeteredGateway::bookTicker(std::string_view symbol) {
    return metered("book_ticker", [&] { return inner_.bookTicker(symbol); });
}

std::vector<exchange::Balance> MeteredGateway::balances() {
    return metered("balances", [&] { return inner_.balances(); });
}

exchange::PlaceResult MeteredGateway::placeOrder(const domain::PlannedOrder& order) {
    // placeOrder answers failures as values (Rejected | Unknown), never by throwing.
    const auto started = std::chrono::steady_clock::now();
    auto result = inner_.placeOrder(order);
    if (auto* metrics = pipelineMetrics()) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (result.placed()) {
            metrics->exchangeCall("place_order", seconds, nullptr);
        } else {
            const auto kind = result.error().kind;
            metrics->exchangeCall("place_order", seconds, &kind);
        }
    }
    return result;
}

std::optional<exchange::OrderState> MeteredGateway::queryOrder(std::string_view symbol,
                                                               std::string_view client_order_id) {
    return metered("query_order", [&] { return inner_.queryOrder(symbol, client_order_id); });
}

exchange::OrderState MeteredGateway::cancelOrder(std::string_view symbol,
                                                 std::string_view client_order_id) {
    return metered("cancel_order", [&] { return inner_.cancelOrder(symbol, client_order_id); });
}

std::vector<exchange::OrderState> MeteredGateway::openOrders(std::string_view symbol) {
    return metered("open_orders", [&] { return inner_.openOrders(symbol); });
}

std::vector<exchange::Trade> MeteredGateway::trades(std::string_view symbol,
                                                    std::optional<std::int64_t> order_id) {
    return metered("trades", [&] { return inner_.trades(symbol, order_id); });
}

}  // namespace robson::workers
