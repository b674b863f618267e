#pragma once
// A scripted ExchangeGateway for the port's tests: placeOrder and queryOrder answer from
// queues, and every call is counted.

#include "robson/exchange/exchange_gateway.hpp"

#include <deque>
#include <stdexcept>
#include <string>
#include <variant>

namespace robson::exchange::testing {

/// queryOrder's scripted answer: a state, "not found", or a thrown error.
using QueryAnswer = std::variant<OrderState, std::monostate, ExchangeError>;

class FakeGateway final : public ExchangeGateway {
public:
    std::deque<PlaceResult> place_answers;
    std::deque<QueryAnswer> query_answers;
    int placements = 0;
    int queries = 0;

    domain::SymbolRules symbolRules(std::string_view symbol) override {
        return domain::defaultSpotRules(symbol);
    }
    std::vector<domain::Candle> candles(std::string_view /*symbol*/,
                                        std::string_view /*interval*/,
                                        int /*limit*/) override {
        return {};
    }
    domain::Decimal lastPrice(std::string_view /*symbol*/) override { return {}; }
    BookTicker bookTicker(std::string_view /*symbol*/) override { return {}; }
    std::vector<Balance> balances() override { return {}; }
    PlaceResult placeOrder(const domain::PlannedOrder& /*order*/) override {
        ++placements;
        if (place_answers.empty()) {
            throw std::logic_error("unexpected placeOrder");
        }
        PlaceResult answer = place_answers.front();
        place_answers.pop_front();
        return answer;
    }
    std::optional<OrderState> queryOrder(std::string_view /*symbol*/,
                                         std::string_view /*client_order_id*/) override {
        ++queries;
        if (query_answers.empty()) {
            throw std::logic_error("unexpected queryOrder");
        }
        QueryAnswer answer = query_answers.front();
        query_answers.pop_front();
        if (auto* error = std::get_if<ExchangeError>(&answer)) {
            throw ExchangeException(*error);
        }
        if (auto* state = std::get_if<OrderState>(&answer)) {
            return *state;
        }
        return std::nullopt;
    }
    OrderState cancelOrder(std::string_view /*symbol*/,
                           std::string_view /*client_order_id*/) override {
        return {};
    }
    std::vector<OrderState> openOrders(std::string_view /*symbol*/) override { return {}; }
    std::vector<Trade> trades(std::string_view /*symbol*/,
                              std::optional<std::int64_t> /*order_id*/) override {
        return {};
    }
};

}  // namespace robson::exchange::testing
