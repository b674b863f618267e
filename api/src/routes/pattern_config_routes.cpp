// GET/POST /api/pattern-configs/, GET/PATCH/DELETE /api/pattern-configs/{id}/: what a tenant
// wants done when a pattern is confirmed (docs/decisions/0005-pattern-scanner.md).
#include "http_errors.hpp"
#include "intent_repository.hpp"
#include "json_request.hpp"
#include "pattern_catalog.hpp"
#include "pattern_config_repository.hpp"
#include "query_params.hpp"
#include "reference_repository.hpp"
#include "request_bodies/pattern_config_body.hpp"
#include "robson/domain/strategy.hpp"
#include "routes/route_support.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

const char* kWhat = "Pattern configuration";

/// The checks that need the database, inside the write's transaction.
void checkReferences(pqxx::work& txn,
                     const repo::PatternConfigChange& change,
                     std::int64_t tenant_id) {
    if (change.strategy_id && !repo::findStrategy(txn, *change.strategy_id, tenant_id)) {
        throw invalidField(
            "strategy_id",
            "names no strategy you can use (" + std::to_string(*change.strategy_id) + ")");
    }
    if (change.symbols) {
        if (const auto unknown = repo::firstUnknownSymbol(txn, *change.symbols)) {
            throw invalidField("symbols", "holds '" + *unknown + "', which is not offered");
        }
    }
}

/// The audit details of a change: what was asked, in the API's words.
json auditDetails(std::int64_t config_id, const repo::PatternConfigChange& change) {
    json details = {{"config_id", config_id}};
    if (change.strategy_id) {
        details["strategy_id"] = *change.strategy_id;
    }
    if (change.pattern) {
        details["pattern"] = *change.pattern;
    }
    if (change.symbols) {
        details["symbols"] = *change.symbols;
    }
    if (change.timeframes) {
        details["timeframes"] = *change.timeframes;
    }
    if (change.min_confidence) {
        details["min_confidence"] = *change.min_confidence;
    }
    if (change.capital) {
        details["capital"] = *change.capital;
    }
    if (change.mode) {
        details["mode"] = *change.mode;
    }
    if (change.enabled) {
        details["enabled"] = *change.enabled;
    }
    if (change.acknowledge_risk_now) {
        details["risk_acknowledged"] = true;
    }
    return details;
}

repo::PatternConfigRecord reread(pqxx::work& txn, std::int64_t id, std::int64_t tenant_id) {
    auto record = repo::findPatternConfig(txn, id, tenant_id);
    if (!record) {
        throw ApiError(500, "internal", "The pattern configuration vanished while it was written.");
    }
    return std::move(*record);
}

Response list(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {});
    const auto records = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::read_transaction txn(connection);
        return repo::listPatternConfigs(txn, caller.tenant_id);
    });
    json results = json::array();
    for (const auto& record : records) {
        results.push_back(repo::toJson(record));
    }
    return jsonResponse(200, {{"count", results.size()}, {"results", results}});
}

Response create(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const ParsedChange parsed = parsePatternConfigBody(request.body, true);
    const auto record = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::work txn(connection);
        checkReferences(txn, parsed.change, caller.tenant_id);
        const std::int64_t id = repo::insertPatternConfig(txn, caller.tenant_id, parsed.change);
        repo::insertTenantAudit(txn,
                                caller.tenant_id,
                                "user:" + caller.username,
                                "PATTERN_CONFIG_CREATED",
                                auditDetails(id, parsed.change));
        auto created = reread(txn, id, caller.tenant_id);
        txn.commit();
        return created;
    });
    Response response = jsonResponse(201, repo::toJson(record));
    response.headers.emplace_back("Location",
                                  "/api/pattern-configs/" + std::to_string(record.id) + "/");
    return response;
}

Response show(AppContext& context, const Request& request, const PathParams& params) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {});
    const std::int64_t id = requireRowId(params, kWhat);
    const auto record = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::read_transaction txn(connection);
        return repo::findPatternConfig(txn, id, caller.tenant_id);
    });
    if (!record) {
        throw notFound(std::string(kWhat) + " " + std::to_string(id));
    }
    return jsonResponse(200, repo::toJson(*record));
}

Response update(AppContext& context, const Request& request, const PathParams& params) {
    const auth::Caller caller = callerOf(context, request);
    const std::int64_t id = requireRowId(params, kWhat);
    ParsedChange parsed = parsePatternConfigBody(request.body, false);
    const auto& asked = parsed.change;
    const bool changes_something = asked.strategy_id || asked.pattern || asked.symbols ||
                                   asked.timeframes || asked.min_confidence || asked.capital ||
                                   asked.mode || asked.enabled;
    if (!changes_something) {
        throw ApiError(400,
                       "missing_field",
                       "Send at least one of strategy_id, pattern, symbols, timeframes, "
                       "min_confidence, capital, mode, enabled.");
    }
    const auto record = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::work txn(connection);
        const auto mode = repo::lockPatternConfigMode(txn, id, caller.tenant_id);
        if (!mode) {
            throw notFound(std::string(kWhat) + " " + std::to_string(id));
        }
        // Leaving auto_live forgets the acknowledgement: coming back asks for it again.
        parsed.change.clear_risk_acknowledgement =
            parsed.change.mode && *parsed.change.mode != "auto_live" && *mode == "auto_live";
        checkReferences(txn, parsed.change, caller.tenant_id);
        (void)repo::updatePatternConfig(txn, id, caller.tenant_id, parsed.change);
        repo::insertTenantAudit(txn,
                                caller.tenant_id,
                                "user:" + caller.username,
                                "PATTERN_CONFIG_UPDATED",
                                auditDetails(id, parsed.change));
        auto updated = reread(txn, id, caller.tenant_id);
        txn.commit();
        return updated;
    });
    return jsonResponse(200, repo::toJson(record));
}

Response remove(AppContext& context, const Request& request, const PathParams& params) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {});
    const std::int64_t id = requireRowId(params, kWhat);
    db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::work txn(connection);
        if (!repo::deletePatternConfig(txn, id, caller.tenant_id)) {
            throw notFound(std::string(kWhat) + " " + std::to_string(id));
        }
        repo::insertTenantAudit(txn,
                                caller.tenant_id,
                                "user:" + caller.username,
                                "PATTERN_CONFIG_DELETED",
                                {{"config_id", id}});
        txn.commit();
    });
    Response response;
    response.status = 204;
    return response;
}

}  // namespace

void addPatternConfigRoutes(Router& router, AppContext& context) {
    router.add(
        "GET", "/api/pattern-configs/", [&context](const Request& request, const PathParams&) {
            return list(context, request);
        });
    router.add(
        "POST", "/api/pattern-configs/", [&context](const Request& request, const PathParams&) {
            return create(context, request);
        });
    router.add("GET",
               "/api/pattern-configs/{id}/",
               [&context](const Request& request, const PathParams& params) {
                   return show(context, request, params);
               });
    router.add("PATCH",
               "/api/pattern-configs/{id}/",
               [&context](const Request& request, const PathParams& params) {
                   return update(context, request, params);
               });
    router.add("DELETE",
               "/api/pattern-configs/{id}/",
               [&context](const Request& request, const PathParams& params) {
                   return remove(context, request, params);
               });
}

}  // namespace robson::api
