#pragma once

#include "robson/exchange/exchange_gateway.hpp"

namespace robson::workers {

/// The exchange port with every call timed and every failure counted
/// (robson_exchange_request_duration_seconds / robson_exchange_errors_total, by endpoint), for
/// the installed PipelineMetrics. Forwards everything to `inner` unchanged, exceptions included.
class MeteredGateway : public exchange::ExchangeGateway {
public:
    explicit MeteredGateway(exchange::ExchangeGateway& inner) : inner_(inner) {}

    [[nodiscard]] domain::SymbolRules symbolRules(std::string_view symbol) override;
    [[nodiscard]] std::vector<domain::Candle> candles(std::string_view symbol,
                                                      std::string_view interval,
                                                      int limit) override;
    [[nodiscard]] domain::Decimal lastPrice(std::string_view symbol) override;
    [[nodiscard]] exchange::BookTicker bookTicker(std::string_view symbol) override;
    [[nodiscard]] std::vector<exchange::Balance> balances() override;
    [[nodiscard]] exchange::PlaceResult placeOrder(const domain::PlannedOrder& order) override;
    [[nodiscard]] std::optional<exchange::OrderState> queryOrder(
        std::string_view symbol, std::string_view client_order_id) override;
    exchange::OrderState cancelOrder(std::string_view symbol,
                                     std::string_view client_order_id) override;
    [[nodiscard]] std::vector<exchange::OrderState> openOrders(std::string_view symbol) override;
    [[nodiscard]] std::vector<exchange::Trade> trades(
        std::string_view symbol, std::optional<std::int64_t> order_id) override;

private:
    exchange::ExchangeGateway& inner_;
};

}  // namespace robson::workers
