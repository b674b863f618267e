// GET /api/patterns/catalog/, GET /api/patterns/, GET /api/patterns/{id}/ and
// GET /api/intents/pending-confirmation/: what the scanner found and what waits for a person
// (docs/decisions/0005-pattern-scanner.md).
#include "http_errors.hpp"
#include "intent_json.hpp"
#include "intent_repository.hpp"
#include "pattern_catalog.hpp"
#include "pattern_repository.hpp"
#include "query_params.hpp"
#include "robson/domain/strategy.hpp"
#include "routes/pagination.hpp"
#include "routes/route_support.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

/// A tenant rarely has more than a handful waiting; the list is bounded all the same (count
/// says how many there are).
constexpr std::int64_t kMaxPending = 200;

Response catalog(AppContext& context, const Request& request) {
    (void)callerOf(context, request);
    const QueryReader query(request.query, {});
    json results = json::array();
    for (const CatalogEntry& entry : patternCatalog()) {
        results.push_back({{"pattern", entry.pattern},
                           {"direction", entry.direction},
                           {"base_confidence", entry.base_confidence},
                           {"description", entry.description}});
    }
    return jsonResponse(200, {{"count", results.size()}, {"results", results}});
}

repo::PatternFilter readFilter(const QueryReader& query) {
    repo::PatternFilter filter;
    filter.symbol = query.text("symbol", 20);
    if (filter.symbol && !isPlausibleSymbol(*filter.symbol)) {
        throw invalidField("symbol", "must be 2 to 20 upper-case letters or digits");
    }
    filter.timeframe = query.text("timeframe", 8);
    if (filter.timeframe && !domain::isAllowedTimeframe(*filter.timeframe)) {
        throw invalidField("timeframe", "must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d");
    }
    filter.pattern = query.text("pattern", 32);
    if (filter.pattern && !isKnownPattern(*filter.pattern)) {
        throw invalidField("pattern", "must be a pattern of GET /api/patterns/catalog/");
    }
    filter.state = query.text("state", 16);
    if (filter.state && !isPatternState(*filter.state)) {
        throw invalidField("state",
                           "must be DETECTED, CONFIRMED, CONSUMED, EXPIRED or INVALIDATED");
    }
    return filter;
}

Response list(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query,
                            {"symbol", "timeframe", "pattern", "state", "page", "page_size"});
    const repo::PatternFilter filter = readFilter(query);
    const PageRequest page = readPage(query);
    const auto [count, rows] = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        // One snapshot, so the count and the page agree.
        pqxx::read_transaction txn(connection);
        const std::int64_t total = repo::countPatterns(txn, filter);
        auto records =
            repo::listPatterns(txn, filter, caller.tenant_id, page.offset(), page.page_size);
        return std::make_pair(total, std::move(records));
    });
    json results = json::array();
    for (const auto& record : rows) {
        results.push_back(repo::toJson(record));
    }
    return jsonResponse(200, pageJson(count, page, std::move(results)));
}

Response show(AppContext& context, const Request& request, const PathParams& params) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {});
    const std::int64_t id = requireRowId(params, "Pattern");
    const auto record = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::read_transaction txn(connection);
        return repo::findPattern(txn, id, caller.tenant_id);
    });
    if (!record) {
        throw notFound("Pattern " + std::to_string(id));
    }
    return jsonResponse(200, repo::toJson(*record));
}

Response pendingConfirmation(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {});
    const auto [count, rows] = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::read_transaction txn(connection);
        const std::int64_t total = repo::countPendingConfirmation(txn, caller.tenant_id);
        auto records = repo::listPendingConfirmation(txn, caller.tenant_id, kMaxPending);
        return std::make_pair(total, std::move(records));
    });
    json results = json::array();
    for (const auto& record : rows) {
        results.push_back(intentSummaryJson(record));
    }
    return jsonResponse(200, {{"count", count}, {"results", results}});
}

}  // namespace

void addPatternRoutes(Router& router, AppContext& context) {
    // The catalog before {id}: the router takes the first template that matches.
    router.add(
        "GET", "/api/patterns/catalog/", [&context](const Request& request, const PathParams&) {
            return catalog(context, request);
        });
    router.add("GET", "/api/patterns/", [&context](const Request& request, const PathParams&) {
        return list(context, request);
    });
    router.add(
        "GET", "/api/patterns/{id}/", [&context](const Request& request, const PathParams& params) {
            return show(context, request, params);
        });
    router.add("GET",
               "/api/intents/pending-confirmation/",
               [&context](const Request& request, const PathParams&) {
                   return pendingConfirmation(context, request);
               });
}

}  // namespace robson::api
