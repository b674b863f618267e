// GET /api/strategies/, /api/symbols/, /api/candles/: what a person chooses from.
#include "http_errors.hpp"
#include "intent_repository.hpp"
#include "query_params.hpp"
#include "reference_repository.hpp"
#include "robson/domain/strategy.hpp"
#include "routes/route_support.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

constexpr std::int64_t kDefaultCandleLimit = 200;
constexpr std::int64_t kMaxCandleLimit = 1000;
/// 9999-12-31T23:59:59.999Z, the last instant an RFC 3339 time can name. A larger end_time is
/// not a date in milliseconds but a unit mistake (microseconds are 1000 times larger), and
/// is refused rather than quietly answered with the latest candles.
constexpr std::int64_t kMaxEndTimeMs = 253'402'300'799'999;

Response strategies(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {});
    const auto views = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::nontransaction txn(connection);
        return repo::listStrategies(txn, caller.tenant_id);
    });
    json results = json::array();
    for (const auto& view : views) {
        results.push_back(repo::toJson(view));
    }
    return jsonResponse(200, {{"count", results.size()}, {"results", results}});
}

Response symbols(AppContext& context, const Request& request) {
    (void)callerOf(context, request);
    const QueryReader query(request.query, {});
    const auto views = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::nontransaction txn(connection);
        return repo::listSymbols(txn);
    });
    json results = json::array();
    for (const auto& view : views) {
        results.push_back(repo::toJson(view));
    }
    return jsonResponse(200, {{"count", results.size()}, {"results", results}});
}

/// The support/resistance levels of a plan, wherever the plan worker put them.
json planLevels(const json& plan) {
    if (!plan.is_object()) {
        return json::array();
    }
    for (const char* section : {"stop", "technical_stop"}) {
        const auto it = plan.find(section);
        if (it != plan.end() && it->is_object()) {
            const auto levels = it->find("levels");
            if (levels != it->end() && levels->is_array()) {
                return *levels;
            }
        }
    }
    const auto levels = plan.find("levels");
    return levels != plan.end() && levels->is_array() ? *levels : json::array();
}

json candleJson(const domain::Candle& candle) {
    return {{"open_time", candle.open_time_ms},
            {"open", candle.open.toString()},
            {"high", candle.high.toString()},
            {"low", candle.low.toString()},
            {"close", candle.close.toString()},
            {"volume", candle.volume.toString()}};
}

Response candles(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {"symbol", "interval", "limit", "intent", "end_time"});
    const std::int64_t limit =
        query.integer("limit", 1, kMaxCandleLimit).value_or(kDefaultCandleLimit);
    const std::optional<std::int64_t> end_time = query.integer("end_time", 1, kMaxEndTimeMs);
    const auto intent_id = query.text("intent", 64);
    auto symbol = query.text("symbol", 20);
    auto interval = query.text("interval", 8);
    json extra = json::object();
    if (intent_id) {
        if (symbol || interval) {
            throw invalidField("intent", "replaces symbol and interval; send one or the other");
        }
        const auto intent =
            isPlausibleIntentId(*intent_id)
                ? db::withConnection(context.pool,
                                     [&](pqxx::connection& connection) {
                                         pqxx::nontransaction txn(connection);
                                         return repo::findIntent(txn, *intent_id, caller.tenant_id);
                                     })
                : std::nullopt;
        if (!intent) {
            throw notFound("Intent '" + intent_id->substr(0, 64) + "'");
        }
        symbol = intent->symbol;
        interval = intent->timeframe;
        extra = {{"intent_id", intent->id},
                 {"levels", planLevels(intent->plan)},
                 {"entry_price", intent->entry_price ? json(*intent->entry_price) : json(nullptr)},
                 {"stop_price", intent->stop_price ? json(*intent->stop_price) : json(nullptr)}};
    } else {
        if (!symbol) {
            throw ApiError(400, "missing_field", "'symbol' (or 'intent') is required.");
        }
        if (!isPlausibleSymbol(*symbol)) {
            throw invalidField("symbol", "must be 2 to 20 upper-case letters or digits");
        }
        if (!interval) {
            interval = "15m";
        }
        if (!domain::isAllowedTimeframe(*interval)) {
            throw invalidField("interval", "must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d");
        }
        const bool known = db::withConnection(context.pool, [&](pqxx::connection& connection) {
            pqxx::nontransaction txn(connection);
            return repo::symbolExists(txn, *symbol);
        });
        if (!known) {
            throw ApiError(404, "symbol_not_found", "Symbol '" + *symbol + "' is not offered.");
        }
    }
    json rows = json::array();
    for (const domain::Candle& candle :
         context.market.candles(*symbol, *interval, static_cast<int>(limit), end_time)) {
        rows.push_back(candleJson(candle));
    }
    json body = {{"symbol", *symbol}, {"interval", *interval}, {"candles", rows}};
    body.update(extra);
    return jsonResponse(200, body);
}

}  // namespace

void addReferenceRoutes(Router& router, AppContext& context) {
    router.add("GET", "/api/strategies/", [&context](const Request& request, const PathParams&) {
        return strategies(context, request);
    });
    router.add("GET", "/api/symbols/", [&context](const Request& request, const PathParams&) {
        return symbols(context, request);
    });
    router.add("GET", "/api/candles/", [&context](const Request& request, const PathParams&) {
        return candles(context, request);
    });
}

}  // namespace robson::api
