#include "order_params.hpp"

#include "api_failure.hpp"
#include "robson/domain/client_order_id.hpp"
#include "robson/sim/engine/error_texts.hpp"
#include "routes.hpp"

namespace robson::sim {

namespace {

void require(const Params& params, std::string_view name) {
    (void)params.required(name);
}

void forbid(const Params& params, std::string_view name) {
    if (params.has(name)) {
        throw ApiFailure(errors::notRequired(name));
    }
}

void checkTypeParams(OrderType type, const Params& params) {
    const bool limit_like = type == OrderType::Limit || type == OrderType::StopLossLimit ||
                            type == OrderType::TakeProfitLimit;
    if (limit_like) {
        require(params, "timeInForce");
    } else if (params.has("timeInForce")) {
        throw ApiFailure(ApiError{-1114, "TimeInForce parameter sent when not required.", 400});
    }
    if (type == OrderType::Market) {
        forbid(params, "price");
        forbid(params, "stopPrice");
        if (params.has("quantity") && params.has("quoteOrderQty")) {
            throw ApiFailure(errors::notRequired("quoteOrderQty"));
        }
        if (!params.text("quantity") && !params.text("quoteOrderQty")) {
            throw ApiFailure(ApiError{
                -1102,
                "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!",
                400});
        }
        return;
    }
    forbid(params, "quoteOrderQty");
    require(params, "quantity");
    if (type != OrderType::StopLoss && type != OrderType::TakeProfit) {
        require(params, "price");
    } else {
        forbid(params, "price");
    }
    if (type == OrderType::Limit || type == OrderType::LimitMaker) {
        forbid(params, "stopPrice");
    } else {
        require(params, "stopPrice");
    }
}

RespType respType(const Params& params, OrderType type) {
    const auto text = params.text("newOrderRespType");
    if (!text) {
        return type == OrderType::Market || type == OrderType::Limit ? RespType::Full
                                                                     : RespType::Ack;
    }
    if (*text == "ACK") {
        return RespType::Ack;
    }
    if (*text == "RESULT") {
        return RespType::Result;
    }
    if (*text == "FULL") {
        return RespType::Full;
    }
    throw ApiFailure(errors::illegalChars("newOrderRespType", "ACK, RESULT, FULL"));
}

}  // namespace

std::optional<std::string> clientIdParam(const Params& params, std::string_view name) {
    if (!params.has(name)) {
        return std::nullopt;
    }
    auto value = params.text(name);
    if (!value) {
        throw ApiFailure(name == "newClientOrderId"
                             ? ApiError{-1118, "New client order ID was empty.", 400}
                             : ApiError{-1119, "Original client order ID was empty.", 400});
    }
    if (!domain::isValidClientOrderId(*value)) {
        throw ApiFailure(errors::illegalChars(name, "^[\\.A-Z\\:/a-z0-9_-]{1,36}$"));
    }
    return value;
}

ParsedOrder parseOrder(SimState& state, const Params& params) {
    ParsedOrder parsed;
    OrderRequest& request = parsed.request;
    request.symbol = symbolRules(state, params.required("symbol")).symbol;
    const auto side = domain::parseSide(params.required("side"));
    if (!side) {
        throw ApiFailure(ApiError{-1117, "Invalid side.", 400});
    }
    request.side = *side;
    const auto type = domain::parseOrderType(params.required("type"));
    if (!type) {
        throw ApiFailure(ApiError{-1116, "Invalid orderType.", 400});
    }
    request.type = *type;
    checkTypeParams(*type, params);
    if (auto tif = params.text("timeInForce")) {
        request.time_in_force = parseTimeInForce(*tif);
        if (!request.time_in_force) {
            throw ApiFailure(ApiError{-1115, "Invalid timeInForce.", 400});
        }
    }
    request.quantity = params.decimal("quantity");
    request.quote_order_qty = params.decimal("quoteOrderQty");
    request.price = params.decimal("price");
    request.stop_price = params.decimal("stopPrice");
    request.client_order_id =
        clientIdParam(params, "newClientOrderId").value_or(state.nextClientOrderId());
    parsed.resp_type = respType(params, *type);
    return parsed;
}

}  // namespace robson::sim
