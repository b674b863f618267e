#pragma once

#include "params.hpp"
#include "sim_state.hpp"

#include <nlohmann/json.hpp>

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace robson::sim {

/// One HTTP request as the routes see it (raw bytes kept for signing).
struct Request {
    std::string method;
    std::string path;
    std::string raw_query;
    std::string raw_body;
    std::string api_key;  ///< X-MBX-APIKEY
    std::string ip;
    bool loopback = true;
};

/// What to answer: status, JSON body, extra headers, or drop the connection unanswered.
struct Reply {
    int status = 200;
    nlohmann::json body = nlohmann::json::object();
    std::vector<std::pair<std::string, std::string>> headers;
    bool drop_connection = false;
};

/// A Binance endpoint: method, path, SIGNED or not, its request weight, its work. The work
/// runs with state.mutex held and the market synced; it throws ApiFailure for errors.
struct Route {
    std::string_view method;
    std::string_view path;
    bool is_signed;
    bool free_on_success;  ///< weighs 0 when it succeeds (orders and cancels since 2026-04)
    int (*weight)(const Params&);
    Reply (*handler)(SimState&, const Request&, const Params&);
};

[[nodiscard]] std::span<const Route> marketRoutes();
[[nodiscard]] std::span<const Route> tradeRoutes();

/// /api/...: faults, weights, parameters, authentication, then the route. Locks state.
[[nodiscard]] Reply handleApi(SimState& state, const Request& request);
/// /sim/admin/...: loopback only, JSON in and out. Locks state.
[[nodiscard]] Reply handleAdmin(SimState& state, const Request& request);

/// The rules of a known symbol, or -1121 (and -1100 for illegal characters).
[[nodiscard]] const domain::SymbolRules& symbolRules(const SimState& state,
                                                     const std::string& symbol);
/// An error reply in Binance's {"code","msg"} shape.
[[nodiscard]] Reply errorReply(const ApiError& error);
/// The answers of the rate-limit and 5xx faults (429 -1003 with the armed Retry-After, 1 s by
/// default; 503 -1001), shared by the counters (before routing) and the random faults (in the
/// order route).
[[nodiscard]] Reply rateLimitFaultReply(int limit, int retry_after_s);
[[nodiscard]] Reply http5xxFaultReply();

}  // namespace robson::sim
