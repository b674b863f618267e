#include "json_views.hpp"

namespace robson::sim {

using nlohmann::json;

namespace {

bool isStop(OrderType type) {
    return type == OrderType::StopLossLimit || type == OrderType::TakeProfitLimit ||
           type == OrderType::StopLoss || type == OrderType::TakeProfit;
}

std::string tifText(const Order& order) {
    return std::string(toString(order.time_in_force.value_or(TimeInForce::Gtc)));
}

void addResultFields(json& out, const Order& order) {
    out["price"] = money(order.price);
    out["origQty"] = money(order.orig_qty);
    out["executedQty"] = money(order.executed_qty);
    out["origQuoteOrderQty"] = money(order.orig_quote_order_qty);
    out["cummulativeQuoteQty"] = money(order.cummulative_quote_qty);
    out["status"] = toString(order.status);
    out["timeInForce"] = tifText(order);
    out["type"] = domain::toString(order.type);
    out["side"] = domain::toString(order.side);
    if (isStop(order.type)) {
        out["stopPrice"] = money(order.stop_price);
    }
    out["workingTime"] = order.working_time;
    out["selfTradePreventionMode"] = "EXPIRE_MAKER";
}

json filter(const char* type) {
    return json{{"filterType", type}};
}

}  // namespace

std::string money(Decimal value) {
    return value.toFixed(8);
}

json newOrderJson(const Order& order, RespType type) {
    json out{{"symbol", order.symbol},
             {"orderId", order.order_id},
             {"orderListId", -1},
             {"clientOrderId", order.client_order_id},
             {"transactTime", order.time}};
    if (type == RespType::Ack) {
        return out;
    }
    addResultFields(out, order);
    if (type == RespType::Full) {
        out["fills"] = json::array();
        for (const Trade& trade : order.fills) {
            out["fills"].push_back({{"price", money(trade.price)},
                                    {"qty", money(trade.qty)},
                                    {"commission", money(trade.commission)},
                                    {"commissionAsset", trade.commission_asset},
                                    {"tradeId", trade.id}});
        }
    }
    return out;
}

json queryOrderJson(const Order& order) {
    json out{{"symbol", order.symbol},
             {"orderId", order.order_id},
             {"orderListId", -1},
             {"clientOrderId", order.client_order_id}};
    addResultFields(out, order);
    out["stopPrice"] = money(order.stop_price);
    out["icebergQty"] = money(Decimal{});
    out["time"] = order.time;
    out["updateTime"] = order.update_time;
    out["isWorking"] = order.is_working;
    return out;
}

json cancelOrderJson(const Order& order, const std::string& cancel_id, std::int64_t now_ms) {
    json out{{"symbol", order.symbol},
             {"origClientOrderId", order.client_order_id},
             {"orderId", order.order_id},
             {"orderListId", -1},
             {"clientOrderId", cancel_id},
             {"transactTime", now_ms}};
    addResultFields(out, order);
    out.erase("workingTime");
    return out;
}

json tradeJson(const Trade& trade) {
    return json{{"symbol", trade.symbol},
                {"id", trade.id},
                {"orderId", trade.order_id},
                {"orderListId", -1},
                {"price", money(trade.price)},
                {"qty", money(trade.qty)},
                {"quoteQty", money(trade.quote_qty)},
                {"commission", money(trade.commission)},
                {"commissionAsset", trade.commission_asset},
                {"time", trade.time},
                {"isBuyer", trade.is_buyer},
                {"isMaker", trade.is_maker},
                {"isBestMatch", true}};
}

json symbolJson(const domain::SymbolRules& rules) {
    json types = json::array();
    for (const OrderType type : rules.order_types) {
        types.push_back(domain::toString(type));
    }
    json filters = json::array();
    filters.push_back(filter("PRICE_FILTER"));
    filters.back().update({{"minPrice", money(rules.min_price)},
                           {"maxPrice", money(rules.max_price)},
                           {"tickSize", money(rules.tick_size)}});
    filters.push_back(filter("LOT_SIZE"));
    filters.back().update({{"minQty", money(rules.min_qty)},
                           {"maxQty", money(rules.max_qty)},
                           {"stepSize", money(rules.step_size)}});
    filters.push_back(filter("ICEBERG_PARTS"));
    filters.back()["limit"] = 10;
    filters.push_back(filter("MARKET_LOT_SIZE"));
    filters.back().update({{"minQty", money(rules.market_min_qty.value_or(Decimal{}))},
                           {"maxQty", money(rules.market_max_qty.value_or(rules.max_qty))},
                           {"stepSize", money(rules.market_step_size.value_or(Decimal{}))}});
    filters.push_back(filter("NOTIONAL"));
    filters.back().update({{"minNotional", money(rules.min_notional)},
                           {"applyMinToMarket", true},
                           {"maxNotional", money(rules.max_notional)},
                           {"applyMaxToMarket", false},
                           {"avgPriceMins", 5}});
    if (rules.max_num_orders) {
        filters.push_back(filter("MAX_NUM_ORDERS"));
        filters.back()["maxNumOrders"] = *rules.max_num_orders;
    }
    if (rules.max_num_algo_orders) {
        filters.push_back(filter("MAX_NUM_ALGO_ORDERS"));
        filters.back()["maxNumAlgoOrders"] = *rules.max_num_algo_orders;
    }
    return json{{"symbol", rules.symbol},
                {"status", domain::toString(rules.status)},
                {"baseAsset", rules.base_asset},
                {"baseAssetPrecision", 8},
                {"quoteAsset", rules.quote_asset},
                {"quotePrecision", 8},
                {"quoteAssetPrecision", 8},
                {"baseCommissionPrecision", 8},
                {"quoteCommissionPrecision", 8},
                {"orderTypes", types},
                {"icebergAllowed", false},
                {"ocoAllowed", false},
                {"otoAllowed", false},
                {"quoteOrderQtyMarketAllowed", true},
                {"allowTrailingStop", false},
                {"cancelReplaceAllowed", false},
                {"amendAllowed", false},
                {"isSpotTradingAllowed", true},
                {"isMarginTradingAllowed", false},
                {"filters", filters},
                {"permissions", json::array()},
                {"permissionSets", json::array({json::array({"SPOT"})})},
                {"defaultSelfTradePreventionMode", "EXPIRE_MAKER"},
                {"allowedSelfTradePreventionModes", json::array({"EXPIRE_MAKER"})}};
}

json klineRow(const domain::Candle& candle) {
    Decimal quote_volume;
    try {
        quote_volume = mul(candle.volume, candle.close, domain::Rounding::Down);
    } catch (const domain::DecimalError&) {
        quote_volume = Decimal{};  // beyond 92 billion: reported as unknown (0)
    }
    return json::array({candle.open_time_ms,
                        money(candle.open),
                        money(candle.high),
                        money(candle.low),
                        money(candle.close),
                        money(candle.volume),
                        candle.close_time_ms,
                        money(quote_volume),
                        0,
                        money(Decimal{}),
                        money(Decimal{}),
                        "0"});
}

}  // namespace robson::sim
