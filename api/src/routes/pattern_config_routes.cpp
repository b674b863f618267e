// GET/POST /api/pattern-configs/, GET/PATCH/DELETE /api/pattern-configs/{id}/: what a tenant
// wants done when a pattern is confirmed (docs/decisions/0005-pattern-scanner.md).
#include "http_errors.hpp"
#include "intent_repository.hpp"
#include "json_request.hpp"
#include "pattern_catalog.hpp"
#include "pattern_config_repository.hpp"
#include "query_params.hpp"
#include "reference_repository.hpp"
#include "robson/domain/strategy.hpp"
#include "routes/route_support.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

constexpr std::int64_t kMaxCapital = 1'000'000'000;
constexpr std::int64_t kMaxStrategyId = std::int64_t{1} << 53U;
constexpr std::size_t kMaxSymbols = 50;     // the table's CHECK
constexpr std::size_t kMaxTimeframes = 10;  // the table's CHECK
const char* kWhat = "Pattern configuration";

/// What a request asked for, checked field by field (everything but what needs the database:
/// the strategy and the symbols, checked in the write's transaction).
struct ParsedChange {
    repo::PatternConfigChange change;
    bool acknowledge_risk = false;
};

std::string patternField(const FieldReader& fields) {
    const auto pattern = fields.optionalString("pattern", 32);
    if (!pattern) {
        return {};
    }
    if (!isKnownPattern(*pattern)) {
        std::string names;
        for (const auto& entry : patternCatalog()) {
            names += names.empty() ? "" : " ";
            names += entry.pattern;
        }
        throw invalidField("pattern", "must be one of " + names);
    }
    return *pattern;
}

std::optional<std::vector<std::string>> symbolsField(const FieldReader& fields) {
    auto symbols = fields.optionalStringArray("symbols", 1, kMaxSymbols, 20);
    for (const std::string& symbol : symbols.value_or(std::vector<std::string>{})) {
        if (!isPlausibleSymbol(symbol)) {
            throw invalidField("symbols",
                               "holds '" + symbol +
                                   "'; a symbol is 2 to 20 upper-case letters "
                                   "or digits");
        }
    }
    return symbols;
}

std::optional<std::vector<std::string>> timeframesField(const FieldReader& fields) {
    auto timeframes = fields.optionalStringArray("timeframes", 1, kMaxTimeframes, 8);
    for (const std::string& timeframe : timeframes.value_or(std::vector<std::string>{})) {
        if (!domain::isAllowedTimeframe(timeframe)) {
            throw invalidField("timeframes",
                               "holds '" + timeframe +
                                   "'; each must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d");
        }
    }
    return timeframes;
}

/// A decimal from 0 to 1 with at most 3 decimals (NUMERIC(4, 3): more would be rounded
/// silently by PostgreSQL).
std::optional<std::string> minConfidenceField(const FieldReader& fields) {
    const auto value = fields.optionalDecimal("min_confidence");
    if (!value) {
        return std::nullopt;
    }
    constexpr std::int64_t kThousandth = domain::Decimal::kUnitsPerOne / 1000;
    if (value->isNegative() || *value > domain::Decimal::fromInteger(1) ||
        value->units() % kThousandth != 0) {
        throw invalidField("min_confidence",
                           "must be a decimal from 0 to 1 with at most 3 decimals, such as "
                           "\"0.70\"");
    }
    return value->toString();
}

ParsedChange parseChange(const json& body, bool creating) {
    const FieldReader fields(body,
                             {"strategy_id",
                              "pattern",
                              "symbols",
                              "timeframes",
                              "min_confidence",
                              "capital",
                              "mode",
                              "acknowledge_risk",
                              "enabled"});
    ParsedChange parsed;
    auto& change = parsed.change;
    change.strategy_id = fields.optionalInteger("strategy_id", 1, kMaxStrategyId);
    if (auto pattern = patternField(fields); !pattern.empty()) {
        change.pattern = std::move(pattern);
    }
    change.symbols = symbolsField(fields);
    change.timeframes = timeframesField(fields);
    change.min_confidence = minConfidenceField(fields);
    change.capital = fields.optionalAmount("capital", kMaxCapital);
    change.mode = fields.optionalString("mode", 16);
    if (change.mode && *change.mode != "manual" && *change.mode != "auto_dry_run" &&
        *change.mode != "auto_live") {
        throw invalidField("mode", "must be manual, auto_dry_run or auto_live");
    }
    parsed.acknowledge_risk = fields.optionalBool("acknowledge_risk").value_or(false);
    change.enabled = fields.optionalBool("enabled");
    if (creating) {
        const std::pair<const char*, bool> required[] = {{"strategy_id", !change.strategy_id},
                                                         {"pattern", !change.pattern},
                                                         {"symbols", !change.symbols},
                                                         {"timeframes", !change.timeframes},
                                                         {"capital", !change.capital}};
        for (const auto& [name, missing] : required) {
            if (missing) {
                throw ApiError(400, "missing_field", "'" + std::string(name) + "' is required.");
            }
        }
    }
    // LIVE automation places real orders with nobody watching: the person says so each time
    // they ask for it, in the request that asks.
    if (change.mode == "auto_live") {
        if (!parsed.acknowledge_risk) {
            throw ApiError(400,
                           "risk_not_acknowledged",
                           "auto_live executes confirmed patterns with real orders and nobody "
                           "watching: set \"acknowledge_risk\": true.");
        }
        change.acknowledge_risk_now = true;
    }
    return parsed;
}

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
    const ParsedChange parsed = parseChange(parseJsonObject(request.body, false), true);
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
    ParsedChange parsed = parseChange(parseJsonObject(request.body, false), false);
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
