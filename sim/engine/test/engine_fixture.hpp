#pragma once

#include "robson/sim/engine/engine.hpp"

namespace robson::sim::test {

using domain::decimal_literals::operator""_d;

/// An engine with the default symbols and balances and BTCUSDT at 100.00 (easy arithmetic).
inline Engine makeEngine() {
    Engine engine(defaultEngineConfig("0.001"_d));
    engine.setLastPrice("BTCUSDT", "100"_d, 1, false);
    return engine;
}

inline OrderRequest limitOrder(Side side, Decimal qty, Decimal price, const char* id) {
    OrderRequest request;
    request.symbol = "BTCUSDT";
    request.side = side;
    request.type = OrderType::Limit;
    request.time_in_force = TimeInForce::Gtc;
    request.quantity = qty;
    request.price = price;
    request.client_order_id = id;
    return request;
}

inline OrderRequest stopLimit(Side side, Decimal qty, Decimal stop, Decimal price, const char* id) {
    OrderRequest request = limitOrder(side, qty, price, id);
    request.type = OrderType::StopLossLimit;
    request.stop_price = stop;
    return request;
}

inline Order orderOf(const OrderResult& result) {
    return std::get<Order>(result);
}
inline ApiError errorOf(const OrderResult& result) {
    return std::get<ApiError>(result);
}

}  // namespace robson::sim::test
