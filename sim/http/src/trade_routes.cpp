// SIGNED endpoints: account, order (GET/DELETE, test; POST is post_order.cpp), openOrders,
// allOrders, myTrades.
#include "api_failure.hpp"
#include "json_views.hpp"
#include "order_params.hpp"
#include "post_order.hpp"
#include "robson/sim/engine/error_texts.hpp"
#include "routes.hpp"

#include <array>

namespace robson::sim {

using nlohmann::json;

namespace {

int one(const Params& /*params*/) {
    return 1;
}
int four(const Params& /*params*/) {
    return 4;
}
int twenty(const Params& /*params*/) {
    return 20;
}
int openOrdersWeight(const Params& params) {
    return params.has("symbol") ? 6 : 80;
}
int myTradesWeight(const Params& params) {
    return params.has("orderId") ? 5 : 20;
}

/// Throws the engine's error or returns its order.
Order orderOrThrow(OrderResult result) {
    if (auto* error = std::get_if<ApiError>(&result)) {
        throw ApiFailure(*error);
    }
    return std::get<Order>(std::move(result));
}

Reply account(SimState& state, const Request& /*request*/, const Params& params) {
    const bool omit_zero = params.text("omitZeroBalances").value_or("false") == "true";
    json balances = json::array();
    for (const auto& [asset, balance] : state.engine.balances()) {
        if (omit_zero && balance.free.isZero() && balance.locked.isZero()) {
            continue;
        }
        balances.push_back(
            {{"asset", asset}, {"free", money(balance.free)}, {"locked", money(balance.locked)}});
    }
    const Decimal rate = state.engine.commissionRate();
    const auto bips = rate.units() / 10'000;  // 0.001 → 10 (units of 0.01 %)
    const std::string rate_text = money(rate);
    Reply reply;
    reply.body = json{{"makerCommission", bips},
                      {"takerCommission", bips},
                      {"buyerCommission", 0},
                      {"sellerCommission", 0},
                      {"commissionRates",
                       {{"maker", rate_text},
                        {"taker", rate_text},
                        {"buyer", money(Decimal{})},
                        {"seller", money(Decimal{})}}},
                      {"canTrade", true},
                      {"canWithdraw", false},
                      {"canDeposit", false},
                      {"brokered", false},
                      {"requireSelfTradePrevention", false},
                      {"preventSor", false},
                      {"updateTime", state.now()},
                      {"accountType", "SPOT"},
                      {"balances", balances},
                      {"permissions", json::array({"SPOT"})},
                      {"uid", 1}};
    return reply;
}

Reply testOrder(SimState& state, const Request& /*request*/, const Params& params) {
    const ParsedOrder parsed = parseOrder(state, params);
    (void)orderOrThrow(state.engine.place(parsed.request, state.now(), true));
    return Reply{};
}

/// symbol + orderId or origClientOrderId, as GET and DELETE order take them.
struct OrderRef {
    std::string symbol;
    std::optional<std::int64_t> order_id;
    std::optional<std::string> client_id;
};

OrderRef orderRef(const SimState& state, const Params& params) {
    OrderRef ref{symbolRules(state, params.required("symbol")).symbol,
                 params.integer("orderId"),
                 clientIdParam(params, "origClientOrderId")};
    if (!ref.order_id && !ref.client_id) {
        throw ApiFailure(ApiError{
            -1102,
            "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!",
            400});
    }
    return ref;
}

Reply getOrder(SimState& state, const Request& /*request*/, const Params& params) {
    const OrderRef ref = orderRef(state, params);
    Reply reply;
    reply.body =
        queryOrderJson(orderOrThrow(state.engine.query(ref.symbol, ref.order_id, ref.client_id)));
    return reply;
}

Reply deleteOrder(SimState& state, const Request& /*request*/, const Params& params) {
    const OrderRef ref = orderRef(state, params);
    const std::string cancel_id =
        clientIdParam(params, "newClientOrderId").value_or(state.nextClientOrderId());
    const std::int64_t now = state.now();
    Reply reply;
    reply.body = cancelOrderJson(
        orderOrThrow(state.engine.cancel(ref.symbol, ref.order_id, ref.client_id, now)),
        cancel_id,
        now);
    return reply;
}

Reply getOpenOrders(SimState& state, const Request& /*request*/, const Params& params) {
    const auto symbol = params.text("symbol");
    Reply reply;
    reply.body = json::array();
    for (const Order& order :
         state.engine.openOrders(symbol ? symbolRules(state, *symbol).symbol : std::string{})) {
        reply.body.push_back(queryOrderJson(order));
    }
    return reply;
}

Reply deleteOpenOrders(SimState& state, const Request& /*request*/, const Params& params) {
    const std::string symbol = symbolRules(state, params.required("symbol")).symbol;
    const std::int64_t now = state.now();
    Reply reply;
    reply.body = json::array();
    for (const Order& open : state.engine.openOrders(symbol)) {
        const Order cancelled =
            orderOrThrow(state.engine.cancel(symbol, open.order_id, std::nullopt, now));
        reply.body.push_back(cancelOrderJson(cancelled, state.nextClientOrderId(), now));
    }
    return reply;
}

/// limit (default 500, at most 1000) newest-last rows after startTime/endTime filtering.
template <typename Row, typename Id>
std::vector<Row> window(std::vector<Row> rows,
                        const Params& params,
                        Id id_of,
                        std::int64_t (*time_of)(const Row&),
                        const char* from_name) {
    const auto from_id = params.integer(from_name);
    const auto start = params.integer("startTime");
    const auto end = params.integer("endTime");
    const auto limit = static_cast<std::size_t>(
        std::clamp<std::int64_t>(params.integer("limit").value_or(500), 1, 1000));
    std::vector<Row> kept;
    for (Row& row : rows) {
        if ((from_id && id_of(row) < *from_id) || (start && time_of(row) < *start) ||
            (end && time_of(row) > *end)) {
            continue;
        }
        kept.push_back(std::move(row));
    }
    if (kept.size() > limit) {
        if (from_id || start) {
            kept.resize(limit);
        } else {
            kept.erase(kept.begin(), kept.end() - static_cast<std::ptrdiff_t>(limit));
        }
    }
    return kept;
}

Reply allOrders(SimState& state, const Request& /*request*/, const Params& params) {
    const std::string symbol = symbolRules(state, params.required("symbol")).symbol;
    const auto rows = window(
        state.engine.allOrders(symbol),
        params,
        [](const Order& o) { return o.order_id; },
        +[](const Order& o) { return o.time; },
        "orderId");
    Reply reply;
    reply.body = json::array();
    for (const Order& order : rows) {
        reply.body.push_back(queryOrderJson(order));
    }
    return reply;
}

Reply myTrades(SimState& state, const Request& /*request*/, const Params& params) {
    const std::string symbol = symbolRules(state, params.required("symbol")).symbol;
    std::vector<Trade> trades = state.engine.trades(symbol);
    if (const auto order_id = params.integer("orderId")) {
        std::erase_if(trades, [&](const Trade& t) { return t.order_id != *order_id; });
    }
    const auto rows = window(
        std::move(trades),
        params,
        [](const Trade& t) { return t.id; },
        +[](const Trade& t) { return t.time; },
        "fromId");
    Reply reply;
    reply.body = json::array();
    for (const Trade& trade : rows) {
        reply.body.push_back(tradeJson(trade));
    }
    return reply;
}

constexpr std::array<Route, 9> kRoutes{{
    {"GET", "/api/v3/account", true, false, twenty, account},
    {"POST", "/api/v3/order", true, true, one, postOrder},
    {"POST", "/api/v3/order/test", true, false, one, testOrder},
    {"GET", "/api/v3/order", true, false, four, getOrder},
    {"DELETE", "/api/v3/order", true, true, one, deleteOrder},
    {"GET", "/api/v3/openOrders", true, false, openOrdersWeight, getOpenOrders},
    {"DELETE", "/api/v3/openOrders", true, true, one, deleteOpenOrders},
    {"GET", "/api/v3/allOrders", true, false, twenty, allOrders},
    {"GET", "/api/v3/myTrades", true, false, myTradesWeight, myTrades},
}};

}  // namespace

std::span<const Route> tradeRoutes() {
    return kRoutes;
}

}  // namespace robson::sim
