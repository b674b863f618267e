// Parsers of Binance order, trade and error bodies (see binance_json.hpp).
#include "json_fields.hpp"
#include "robson/binance/binance_json.hpp"

#include <limits>

namespace robson::binance {

using detail::badResponse;
using detail::decimalField;
using detail::intField;
using detail::Json;
using detail::member;
using detail::optionalDecimal;
using detail::stringField;

namespace {

std::optional<domain::TimeInForce> parseTimeInForce(std::string_view text) {
    if (text == "GTC") {
        return domain::TimeInForce::Gtc;
    }
    if (text == "IOC") {
        return domain::TimeInForce::Ioc;
    }
    if (text == "FOK") {
        return domain::TimeInForce::Fok;
    }
    return std::nullopt;
}

std::int64_t optionalInt(const Json& json, const char* name) {
    return json.contains(name) ? intField(json, name) : 0;
}

void parseFills(const Json& json, exchange::OrderState& order) {
    if (!json.contains("fills")) {
        return;
    }
    const Json& fills = member(json, "fills");
    if (!fills.is_array()) {
        badResponse("'fills' is not an array");
    }
    for (const auto& fill : fills) {
        order.fills.push_back(exchange::Fill{decimalField(fill, "price"),
                                             decimalField(fill, "qty"),
                                             decimalField(fill, "commission"),
                                             stringField(fill, "commissionAsset"),
                                             optionalInt(fill, "tradeId")});
    }
}

/// RESULT/FULL/query fields; an ACK response has none of them.
void parseDetails(const Json& json, exchange::OrderState& order) {
    if (!json.contains("status")) {
        return;  // ACK: accepted, nothing more known yet
    }
    const auto status = exchange::parseOrderStatus(stringField(json, "status"));
    const auto type = domain::parseOrderType(stringField(json, "type"));
    const auto side = domain::parseSide(stringField(json, "side"));
    if (!status || !type || !side) {
        badResponse("unknown order status, type or side");
    }
    order.status = *status;
    order.type = *type;
    order.side = *side;
    if (json.contains("timeInForce")) {
        order.time_in_force = parseTimeInForce(stringField(json, "timeInForce"));
    }
    order.price = decimalField(json, "price");
    order.original_quantity = decimalField(json, "origQty");
    order.executed_quantity = decimalField(json, "executedQty");
    order.cumulative_quote_quantity = decimalField(json, "cummulativeQuoteQty");
    const auto stop = optionalDecimal(json, "stopPrice");
    if (stop && stop->isPositive()) {
        order.stop_price = stop;
    }
    order.update_time_ms = optionalInt(json, "updateTime");
    parseFills(json, order);
}

exchange::OrderState parseOrderObject(const Json& json) {
    exchange::OrderState order;
    order.symbol = stringField(json, "symbol");
    order.order_id = intField(json, "orderId");
    // A cancel answers with the cancelled order's id in origClientOrderId.
    order.client_order_id = json.contains("origClientOrderId")
                                ? stringField(json, "origClientOrderId")
                                : stringField(json, "clientOrderId");
    order.time_ms =
        json.contains("transactTime") ? intField(json, "transactTime") : optionalInt(json, "time");
    parseDetails(json, order);
    return order;
}

}  // namespace

std::optional<ApiError> parseApiError(std::string_view body) {
    const Json json = Json::parse(body.begin(), body.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return std::nullopt;
    }
    const auto code = json.find("code");
    const auto msg = json.find("msg");
    if (code == json.end() || msg == json.end() || !code->is_number_integer() ||
        !msg->is_string()) {
        return std::nullopt;
    }
    const auto value = code->get<std::int64_t>();
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
        return std::nullopt;
    }
    return ApiError{static_cast<int>(value), msg->get<std::string>()};
}

exchange::OrderState parseOrder(std::string_view body) {
    return parseOrderObject(detail::parseBody(body));
}

std::vector<exchange::OrderState> parseOrders(std::string_view body) {
    const Json json = detail::parseBody(body);
    if (!json.is_array()) {
        badResponse("the order list is not an array");
    }
    std::vector<exchange::OrderState> orders;
    for (const auto& order : json) {
        orders.push_back(parseOrderObject(order));
    }
    return orders;
}

std::vector<exchange::Trade> parseTrades(std::string_view body) {
    const Json json = detail::parseBody(body);
    if (!json.is_array()) {
        badResponse("the trade list is not an array");
    }
    std::vector<exchange::Trade> trades;
    for (const auto& entry : json) {
        exchange::Trade trade;
        trade.symbol = stringField(entry, "symbol");
        trade.id = intField(entry, "id");
        trade.order_id = intField(entry, "orderId");
        trade.price = decimalField(entry, "price");
        trade.quantity = decimalField(entry, "qty");
        trade.quote_quantity = decimalField(entry, "quoteQty");
        trade.commission = decimalField(entry, "commission");
        trade.commission_asset = stringField(entry, "commissionAsset");
        trade.time_ms = intField(entry, "time");
        trade.is_buyer = detail::boolField(entry, "isBuyer");
        trade.is_maker = detail::boolField(entry, "isMaker");
        trades.push_back(trade);
    }
    return trades;
}

}  // namespace robson::binance
