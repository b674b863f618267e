// /sim/admin/...: reset, balances, price, clock, orders, faults, state
// (docs/exchange-simulator.md).
#include "json_views.hpp"
#include "routes.hpp"

#include <mutex>
#include <optional>
#include <stdexcept>
#include <vector>

namespace robson::sim {

using nlohmann::json;

namespace {

/// Thrown for a bad admin request; becomes 400 {"error": "..."}.
class AdminError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

json parseBody(const Request& request) {
    if (request.raw_body.empty()) {
        return json::object();
    }
    json body = json::parse(request.raw_body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        throw AdminError("body must be a JSON object");
    }
    return body;
}

Decimal decimalField(const json& object, const char* name) {
    const auto found = object.find(name);
    if (found == object.end() || !found->is_string()) {
        throw AdminError(std::string(name) + " must be a decimal string");
    }
    const auto value = Decimal::parse(found->get<std::string>());
    if (!value || value->isNegative()) {
        throw AdminError(std::string(name) + " is not a valid non-negative decimal");
    }
    return *value;
}

json faultsJson(const Faults& faults) {
    json kinds = json::array();
    for (const FaultKind kind : faults.kinds) {
        kinds.push_back(toString(kind));
    }
    return json{{"latency_ms", faults.latency_ms},
                {"http_5xx_next", faults.http_5xx_next},
                {"unknown_status_next_orders", faults.unknown_status_next_orders},
                {"drop_connection_next_orders", faults.drop_connection_next_orders},
                {"reject_next_stop_orders", faults.reject_next_stop_orders},
                {"rate_limit_burst", faults.rate_limit_burst},
                {"rate_limit_retry_after_s", faults.rate_limit_retry_after_s},
                {"fault_rate", faults.rate},
                {"fault_kinds", kinds},
                {"fault_seed", faults.seed}};
}

template <typename T>
void readCount(const json& body, const char* name, T& target) {
    const auto found = body.find(name);
    if (found == body.end()) {
        return;
    }
    if (!found->is_number_integer() || found->get<std::int64_t>() < 0 ||
        found->get<std::int64_t>() > 1'000'000) {
        throw AdminError(std::string(name) + " must be an integer in 0..1000000");
    }
    target = found->get<T>();
}

/// fault_rate, fault_kinds and fault_seed: the random faults. A new seed re-seeds at once.
void readRandomFaults(SimState& state, const json& body) {
    Faults& faults = state.faults;
    if (const auto rate = body.find("fault_rate"); rate != body.end()) {
        if (!rate->is_number() || rate->get<double>() < 0.0 || rate->get<double>() > 1.0) {
            throw AdminError("fault_rate must be a number in 0..1");
        }
        faults.rate = rate->get<double>();
    }
    if (const auto kinds = body.find("fault_kinds"); kinds != body.end()) {
        constexpr const char* kKindsError =
            "fault_kinds must be an array of http_5xx, unknown_status, drop_connection, "
            "reject_stop, rate_limit";
        if (!kinds->is_array()) {
            throw AdminError(kKindsError);
        }
        std::vector<FaultKind> parsed;
        for (const json& name : *kinds) {
            const auto kind =
                name.is_string() ? parseFaultKind(name.get<std::string>()) : std::nullopt;
            if (!kind) {
                throw AdminError(kKindsError);
            }
            parsed.push_back(*kind);
        }
        faults.kinds = std::move(parsed);
    }
    if (const auto seed = body.find("fault_seed"); seed != body.end()) {
        if (!seed->is_number_unsigned()) {
            throw AdminError("fault_seed must be a non-negative integer");
        }
        faults.seed = seed->get<std::uint64_t>();
        state.dice.reseed(faults.seed);
    }
}

json setFaults(SimState& state, const json& body) {
    Faults& faults = state.faults;
    readCount(body, "latency_ms", faults.latency_ms);
    readCount(body, "http_5xx_next", faults.http_5xx_next);
    readCount(body, "unknown_status_next_orders", faults.unknown_status_next_orders);
    readCount(body, "drop_connection_next_orders", faults.drop_connection_next_orders);
    readCount(body, "reject_next_stop_orders", faults.reject_next_stop_orders);
    readCount(body, "rate_limit_burst", faults.rate_limit_burst);
    readCount(body, "rate_limit_retry_after_s", faults.rate_limit_retry_after_s);
    readRandomFaults(state, body);
    return json{{"faults", faultsJson(faults)}};
}

json setBalances(SimState& state, const json& body) {
    const auto list = body.find("balances");
    if (list == body.end() || !list->is_array()) {
        throw AdminError("balances must be an array");
    }
    for (const json& entry : *list) {
        if (!entry.is_object() || !entry.contains("asset") || !entry["asset"].is_string()) {
            throw AdminError("each balance needs an asset");
        }
        const Decimal locked = entry.contains("locked") ? decimalField(entry, "locked") : Decimal{};
        state.engine.setBalance(entry["asset"].get<std::string>(),
                                Balance{decimalField(entry, "free"), locked});
    }
    return json::object();
}

json setPrice(SimState& state, const json& body, std::int64_t now) {
    const auto symbol = body.find("symbol");
    if (symbol == body.end() || !symbol->is_string() ||
        state.engine.rules(symbol->get<std::string>()) == nullptr) {
        throw AdminError("unknown symbol");
    }
    const Decimal price = decimalField(body, "price");
    if (!price.isPositive()) {
        throw AdminError("price must be positive");
    }
    state.setPrice(symbol->get<std::string>(), price, now);
    return json::object();
}

json advance(SimState& state, const json& body, std::int64_t now) {
    const auto ms = body.find("ms");
    if (ms == body.end() || !ms->is_number_integer() || ms->get<std::int64_t>() < 0 ||
        ms->get<std::int64_t>() > 3'153'600'000'000) {
        throw AdminError("ms must be a non-negative integer (at most 100 years)");
    }
    state.advanceClock(ms->get<std::int64_t>(), now);
    return json{{"sim_time", state.market.simNow(now)}};
}

json optionalText(const std::optional<std::string>& text) {
    return text ? json(*text) : json(nullptr);
}

/// "orders": every accepted order; "refused": every order request the exchange refused.
json orders(const SimState& state) {
    json list = json::array();
    for (const Order& order : state.engine.orderHistory()) {
        json item = queryOrderJson(order);
        item["received_at"] = order.time;
        list.push_back(item);
    }
    json refused = json::array();
    for (const RefusedOrder& entry : state.refused_orders) {
        refused.push_back({{"received_at", entry.received_at},
                           {"clientOrderId", optionalText(entry.client_order_id)},
                           {"symbol", optionalText(entry.symbol)},
                           {"side", optionalText(entry.side)},
                           {"type", optionalText(entry.type)},
                           {"code", entry.code},
                           {"msg", entry.msg}});
    }
    return json{{"orders", list}, {"refused", refused}};
}

json stateJson(const SimState& state, std::int64_t now) {
    json prices = json::object();
    for (const domain::SymbolRules& rules : state.engine.symbols()) {
        prices[rules.symbol] = money(state.engine.lastPrice(rules.symbol).value_or(Decimal{}));
    }
    json balances = json::array();
    for (const auto& [asset, balance] : state.engine.balances()) {
        balances.push_back(
            {{"asset", asset}, {"free", money(balance.free)}, {"locked", money(balance.locked)}});
    }
    return json{{"clock",
                 {{"real_time", now},
                  {"sim_time", state.market.simNow(now)},
                  {"speed", state.market.speed()},
                  {"advanced_ms", state.market.advancedMs()}}},
                {"prices", prices},
                {"balances", balances},
                {"faults", faultsJson(state.faults)}};
}

json route(SimState& state, const Request& request, std::int64_t now) {
    const std::string& path = request.path;
    const bool post = request.method == "POST";
    if (request.method == "GET" && path == "/sim/admin/orders") {
        return orders(state);
    }
    if (request.method == "GET" && path == "/sim/admin/state") {
        return stateJson(state, now);
    }
    if (!post) {
        throw AdminError("unknown admin call " + request.method + " " + path);
    }
    const json body = parseBody(request);
    if (path == "/sim/admin/reset") {
        state.reset(now);
        return json::object();
    }
    if (path == "/sim/admin/balances") {
        return setBalances(state, body);
    }
    if (path == "/sim/admin/price") {
        return setPrice(state, body, now);
    }
    if (path == "/sim/admin/clock/advance") {
        return advance(state, body, now);
    }
    if (path == "/sim/admin/faults") {
        return setFaults(state, body);
    }
    throw AdminError("unknown admin call POST " + path);
}

}  // namespace

Reply handleAdmin(SimState& state, const Request& request) {
    Reply reply;
    if (!request.loopback) {
        reply.status = 403;
        reply.body = json{{"error", "the admin API answers loopback peers only"}};
        return reply;
    }
    const std::lock_guard lock(state.mutex);
    const std::int64_t now = state.now();
    try {
        state.sync(now);
        reply.body = route(state, request, now);
        reply.body["ok"] = true;
    } catch (const AdminError& error) {
        reply.status = 400;
        reply.body = json{{"error", error.what()}};
    }
    return reply;
}

}  // namespace robson::sim
