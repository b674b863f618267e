// The /api/ request pipeline: route lookup, faults, weights, parameters, signing, the route.
#include "api_failure.hpp"
#include "robson/sim/engine/error_texts.hpp"
#include "routes.hpp"
#include "signing.hpp"

#include <mutex>

namespace robson::sim {

namespace {

const Route* findRoute(const Request& request, bool& path_known) {
    path_known = false;
    for (const auto routes : {marketRoutes(), tradeRoutes()}) {
        for (const Route& route : routes) {
            if (route.path == request.path) {
                path_known = true;
                if (route.method == request.method) {
                    return &route;
                }
            }
        }
    }
    return nullptr;
}

Reply limited(int status, const std::string& msg, std::int64_t retry_after_s) {
    Reply reply = errorReply(ApiError{-1003, msg, status});
    reply.headers.emplace_back("Retry-After", std::to_string(retry_after_s));
    return reply;
}

std::string tooMuchText(int limit) {
    return "Too much request weight used; current limit is " + std::to_string(limit) +
           " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid "
           "polling the API.";
}

std::string bannedText(std::int64_t until_ms) {
    return "Way too much request weight used; IP banned until " + std::to_string(until_ms) +
           ". Please use WebSocket Streams for live updates to avoid bans.";
}

/// Faults that answer before any effect: a rate-limit burst, then a 5xx.
std::optional<Reply> earlyFault(Faults& faults, int limit, SimMetrics& metrics) {
    if (faults.rate_limit_burst > 0) {
        --faults.rate_limit_burst;
        metrics.fault(FaultKind::RateLimit);
        return rateLimitFaultReply(limit, faults.rate_limit_retry_after_s);
    }
    if (faults.http_5xx_next > 0) {
        --faults.http_5xx_next;
        metrics.fault(FaultKind::Http5xx);
        return http5xxFaultReply();
    }
    return std::nullopt;
}

Reply dispatch(SimState& state, const Request& request, std::int64_t now) {
    bool path_known = false;
    const Route* route = findRoute(request, path_known);
    if (route == nullptr) {
        Reply reply = errorReply(ApiError{
            -1000, path_known ? "Method not allowed." : "Not found.", path_known ? 405 : 404});
        return reply;
    }
    if (auto fault = earlyFault(state.faults, state.weights.limit(), state.metrics)) {
        return *fault;
    }
    std::optional<Params> params;
    std::optional<ApiError> params_error;
    int weight = 1;
    try {
        params = Params::parse(request.raw_query, request.method == "GET" ? "" : request.raw_body);
        weight = route->weight(*params);
    } catch (const ApiFailure& failure) {
        params_error = failure.error();
    }
    const WeightDecision decision = state.weights.charge(request.ip, weight, now);
    if (decision.kind == WeightDecision::Kind::TooMany) {
        return limited(429, tooMuchText(state.weights.limit()), decision.retry_after_s);
    }
    if (decision.kind == WeightDecision::Kind::Banned) {
        return limited(
            418, bannedText(now + decision.retry_after_s * 1000), decision.retry_after_s);
    }
    if (params_error) {
        return errorReply(*params_error);
    }
    if (route->is_signed) {
        authenticate(SignedRequest{request.api_key,
                                   request.raw_query,
                                   request.method == "GET" ? "" : request.raw_body,
                                   &*params,
                                   now},
                     state.config.api_key,
                     state.config.api_secret);
    }
    state.sync(now);
    Reply reply = route->handler(state, request, *params);
    if (route->free_on_success && reply.status == 200) {
        state.weights.refund(request.ip, weight, now);
    }
    return reply;
}

}  // namespace

Reply rateLimitFaultReply(int limit, int retry_after_s) {
    return limited(429, tooMuchText(limit), retry_after_s);
}

Reply http5xxFaultReply() {
    return errorReply(ApiError{-1001, std::string(errors::kInternal), 503});
}

Reply errorReply(const ApiError& error) {
    Reply reply;
    reply.status = error.http_status;
    reply.body = nlohmann::json{{"code", error.code}, {"msg", error.msg}};
    return reply;
}

const domain::SymbolRules& symbolRules(const SimState& state, const std::string& symbol) {
    for (const char c : symbol) {
        const bool legal =
            (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!legal || symbol.size() > 20) {
            throw ApiFailure(errors::illegalChars("symbol", "^[A-Z0-9-_.]{1,20}$"));
        }
    }
    const domain::SymbolRules* rules = state.engine.rules(symbol);
    if (rules == nullptr) {
        throw ApiFailure(errors::invalidSymbol());
    }
    return *rules;
}

Reply handleApi(SimState& state, const Request& request) {
    const std::lock_guard lock(state.mutex);
    const std::int64_t now = state.now();
    Reply reply;
    try {
        reply = dispatch(state, request, now);
    } catch (const ApiFailure& failure) {
        reply = errorReply(failure.error());
    }
    reply.headers.emplace_back("X-MBX-USED-WEIGHT-1M",
                               std::to_string(state.weights.used(request.ip, now)));
    state.metrics.request(reply.drop_connection ? 500 : reply.status);
    return reply;
}

}  // namespace robson::sim
