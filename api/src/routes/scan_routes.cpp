// POST /api/scans/ (scan symbols now) and GET /api/scans/{id}/ (how it went)
// (docs/decisions/0005-pattern-scanner.md).
#include "http_errors.hpp"
#include "json_request.hpp"
#include "query_params.hpp"
#include "reference_repository.hpp"
#include "robson/domain/strategy.hpp"
#include "robson/store/scan_jobs.hpp"
#include "routes/intent_pipeline.hpp"
#include "routes/route_support.hpp"
#include "scan_repository.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

/// One request scans at most this many symbols: each costs an exchange call of 260 klines.
constexpr std::size_t kMaxScanSymbols = 20;

struct ScanRequest {
    std::vector<std::string> symbols;
    std::string timeframe;
};

ScanRequest parseScan(const Request& request) {
    const json body = parseJsonObject(request.body, false);
    const FieldReader fields(body, {"symbols", "timeframe"});
    ScanRequest scan;
    auto symbols = fields.optionalStringArray("symbols", 1, kMaxScanSymbols, 20);
    if (!symbols) {
        throw ApiError(400, "missing_field", "'symbols' is required.");
    }
    for (const std::string& symbol : *symbols) {
        if (!isPlausibleSymbol(symbol)) {
            throw invalidField(
                "symbols",
                "holds '" + symbol + "'; a symbol is 2 to 20 upper-case letters or digits");
        }
    }
    scan.symbols = std::move(*symbols);
    scan.timeframe = fields.requiredString("timeframe", 8);
    if (!domain::isAllowedTimeframe(scan.timeframe)) {
        throw invalidField("timeframe", "must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d");
    }
    return scan;
}

Response create(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const ScanRequest scan = parseScan(request);
    const json results = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        refuseWhenBacklogged(context, connection);
        std::vector<std::pair<std::string, store::EnqueuedScan>> queued;
        {
            pqxx::work txn(connection);
            if (const auto unknown = repo::firstUnknownSymbol(txn, scan.symbols)) {
                throw invalidField("symbols", "holds '" + *unknown + "', which is not offered");
            }
            for (const std::string& symbol : scan.symbols) {
                store::NewScan row;
                row.symbol = symbol;
                row.timeframe = scan.timeframe;
                row.requested_by_tenant = caller.tenant_id;
                // On demand: no candle close, so never a duplicate; always a row.
                if (auto enqueued = store::enqueueScan(txn, row)) {
                    queued.emplace_back(symbol, std::move(*enqueued));
                }
            }
            txn.commit();
        }
        json rows = json::array();
        for (const auto& [symbol, enqueued] : queued) {
            dispatchAfterCommit(context, connection, enqueued.envelope);
            rows.push_back({{"id", enqueued.scan_id},
                            {"symbol", symbol},
                            {"timeframe", scan.timeframe},
                            {"state", "queued"}});
        }
        return rows;
    });
    return jsonResponse(202, {{"results", results}});
}

Response show(AppContext& context, const Request& request, const PathParams& params) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {});
    const std::int64_t id = requireRowId(params, "Scan");
    const auto scan = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::read_transaction txn(connection);
        return repo::findScan(txn, id, caller.tenant_id);
    });
    if (!scan) {
        throw notFound("Scan " + std::to_string(id));
    }
    return jsonResponse(200, repo::toJson(*scan));
}

}  // namespace

void addScanRoutes(Router& router, AppContext& context) {
    router.add("POST", "/api/scans/", [&context](const Request& request, const PathParams&) {
        return create(context, request);
    });
    router.add(
        "GET", "/api/scans/{id}/", [&context](const Request& request, const PathParams& params) {
            return show(context, request, params);
        });
}

}  // namespace robson::api
