#pragma once
// An exchange that serves scripted candles (or throws a scripted error) for the scan stage's
// tests; every trading call is refused, since a scan never trades.

#include "robson/exchange/exchange_error.hpp"
#include "robson/exchange/exchange_gateway.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace robson::workers::testing {

class ScriptedMarket final : public exchange::ExchangeGateway {
public:
    std::vector<domain::Candle> klines;
    std::optional<exchange::ExchangeError> failure;
    int candle_requests = 0;
    int last_limit = 0;

    domain::SymbolRules symbolRules(std::string_view symbol) override {
        return domain::defaultSpotRules(symbol);
    }
    std::vector<domain::Candle> candles(std::string_view /*symbol*/,
                                        std::string_view /*interval*/,
                                        int limit) override {
        ++candle_requests;
        last_limit = limit;
        if (failure) {
            throw exchange::ExchangeException(*failure);
        }
        return klines;
    }
    domain::Decimal lastPrice(std::string_view /*symbol*/) override { refuse(); }
    exchange::BookTicker bookTicker(std::string_view /*symbol*/) override { refuse(); }
    std::vector<exchange::Balance> balances() override { refuse(); }
    exchange::PlaceResult placeOrder(const domain::PlannedOrder& /*order*/) override { refuse(); }
    std::optional<exchange::OrderState> queryOrder(std::string_view /*symbol*/,
                                                   std::string_view /*id*/) override {
        refuse();
    }
    exchange::OrderState cancelOrder(std::string_view /*symbol*/,
                                     std::string_view /*id*/) override {
        refuse();
    }
    std::vector<exchange::OrderState> openOrders(std::string_view /*symbol*/) override { refuse(); }
    std::vector<exchange::Trade> trades(std::string_view /*symbol*/,
                                        std::optional<std::int64_t> /*order_id*/) override {
        refuse();
    }

private:
    [[noreturn]] static void refuse() { throw std::logic_error("a scan must only read candles"); }
};

}  // namespace robson::workers::testing
