// POST /api/v3/order with its faults and the log of refused orders.
#include "post_order.hpp"

#include "api_failure.hpp"
#include "json_views.hpp"
#include "order_params.hpp"
#include "robson/sim/engine/error_texts.hpp"

namespace robson::sim {

namespace {

bool isStopLossType(OrderType type) {
    return type == OrderType::StopLoss || type == OrderType::StopLossLimit;
}

/// Decrements an armed counter; true when it fired.
bool take(int& counter) {
    if (counter <= 0) {
        return false;
    }
    --counter;
    return true;
}

Reply placeWithFaults(SimState& state, const Params& params) {
    const ParsedOrder parsed = parseOrder(state, params);
    const bool stop_loss = isStopLossType(parsed.request.type);
    Faults& faults = state.faults;
    // Rolled for every well-formed order, even when a counter fires, so the n-th order always
    // meets the n-th roll: a seed replays the same sequence for the same requests.
    const std::optional<FaultKind> random = state.rollOrderFault(stop_loss);
    if ((stop_loss && take(faults.reject_next_stop_orders)) || random == FaultKind::RejectStop) {
        state.metrics.fault(FaultKind::RejectStop);
        throw ApiFailure(errors::rejected(errors::kWouldTrigger));
    }
    if (random == FaultKind::Http5xx || random == FaultKind::RateLimit) {
        state.metrics.fault(*random);
        state.metrics.order("faulted");
        return random == FaultKind::Http5xx
                   ? http5xxFaultReply()
                   : rateLimitFaultReply(state.weights.limit(), faults.rate_limit_retry_after_s);
    }
    const OrderResult placed = state.engine.place(parsed.request, state.now());
    if (const auto* error = std::get_if<ApiError>(&placed)) {
        throw ApiFailure(*error);
    }
    state.metrics.order("accepted");
    // The unknown-status and drop faults count ACCEPTED orders: they fire after placement.
    if (take(faults.unknown_status_next_orders) || random == FaultKind::UnknownStatus) {
        state.metrics.fault(FaultKind::UnknownStatus);
        return errorReply(ApiError{-1007, std::string(errors::kUnknownStatus), 500});
    }
    Reply reply;
    if (take(faults.drop_connection_next_orders) || random == FaultKind::DropConnection) {
        state.metrics.fault(FaultKind::DropConnection);
        reply.drop_connection = true;
        return reply;
    }
    reply.body = newOrderJson(std::get<Order>(placed), parsed.resp_type);
    return reply;
}

}  // namespace

Reply postOrder(SimState& state, const Request& /*request*/, const Params& params) {
    try {
        return placeWithFaults(state, params);
    } catch (const ApiFailure& failure) {
        state.metrics.order("refused");
        // Kept so tests can see every order request that reached the exchange, refused ones
        // included; the texts are the request's own, since a refused request has no order.
        state.refused_orders.push_back(RefusedOrder{state.now(),
                                                    params.text("newClientOrderId"),
                                                    params.text("symbol"),
                                                    params.text("side"),
                                                    params.text("type"),
                                                    failure.error().code,
                                                    failure.error().msg});
        throw;
    }
}

}  // namespace robson::sim
