// BinanceGateway's order endpoints: place (never resent), query, cancel.
#include "http_transport.hpp"
#include "robson/binance/binance_gateway.hpp"
#include "robson/binance/binance_json.hpp"
#include "robson/binance/signer.hpp"

namespace robson::binance {

using exchange::ExchangeErrorKind;
using exchange::ExchangeException;

namespace {

/// POST /api/v3/order parameters of a planned order, always asking for the FULL response.
std::string orderParams(const domain::PlannedOrder& order) {
    QueryString params;
    params.add("symbol", order.symbol)
        .add("side", domain::toString(order.side))
        .add("type", domain::toString(order.type));
    if (order.time_in_force) {
        params.add("timeInForce", domain::toString(*order.time_in_force));
    }
    params.add("quantity", order.quantity.toString());
    if (order.price) {
        params.add("price", order.price->toString());
    }
    if (order.stop_price) {
        params.add("stopPrice", order.stop_price->toString());
    }
    params.add("newClientOrderId", order.client_order_id).add("newOrderRespType", "FULL");
    return params.str();
}

}  // namespace

exchange::PlaceResult BinanceGateway::placeOrder(const domain::PlannedOrder& order) {
    try {
        const auto reply =
            perform(Call{"POST", "/api/v3/order", orderParams(order), true, 1, true});
        try {
            return exchange::PlaceResult{exchange::Placed{parseOrder(reply.body)}};
        } catch (const ExchangeException& unreadable) {
            // Accepted (2xx) but unreadable: the order probably exists — reconcile it.
            auto error = unreadable.error();
            error.kind = ExchangeErrorKind::UnknownStatus;
            return exchange::PlaceResult{exchange::Unknown{std::move(error)}};
        }
    } catch (const ExchangeException& failure) {
        if (failure.kind() == ExchangeErrorKind::UnknownStatus) {
            return exchange::PlaceResult{exchange::Unknown{failure.error()}};
        }
        return exchange::PlaceResult{exchange::Rejected{failure.error()}};
    }
}

std::optional<exchange::OrderState> BinanceGateway::queryOrder(std::string_view symbol,
                                                               std::string_view client_order_id) {
    QueryString params;
    params.add("symbol", symbol).add("origClientOrderId", client_order_id);
    try {
        return parseOrder(perform(Call{"GET", "/api/v3/order", params.str(), true, 4, false}).body);
    } catch (const ExchangeException& failure) {
        if (failure.kind() == ExchangeErrorKind::UnknownOrder) {
            return std::nullopt;
        }
        throw;
    }
}

exchange::OrderState BinanceGateway::cancelOrder(std::string_view symbol,
                                                 std::string_view client_order_id) {
    QueryString params;
    params.add("symbol", symbol).add("origClientOrderId", client_order_id);
    return parseOrder(perform(Call{"DELETE", "/api/v3/order", params.str(), true, 1, true}).body);
}

}  // namespace robson::binance
