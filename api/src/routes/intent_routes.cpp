// POST /api/intents/create/ (PLAN), GET /api/intents/{id}/status/, GET /api/intents/ (history),
// GET /api/intents/{id}/audit/.
#include "http_errors.hpp"
#include "intent_json.hpp"
#include "intent_repository.hpp"
#include "json_request.hpp"
#include "query_params.hpp"
#include "reference_repository.hpp"
#include "request_bodies/intent_create_body.hpp"
#include "robson/domain/intent_status.hpp"
#include "robson/domain/strategy.hpp"
#include "robson/domain/utc_time.hpp"
#include "robson/logging/log_event.hpp"
#include "robson/store/intent_ids.hpp"
#include "robson/store/job_queue.hpp"
#include "routes/intent_pipeline.hpp"
#include "routes/pagination.hpp"
#include "routes/route_support.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

/// The intent as stored, with the strategy's defaults applied; 404s for what is not there.
repo::NewIntent resolveCreate(pqxx::connection& connection,
                              const CreateRequest& create,
                              const auth::Caller& caller) {
    pqxx::nontransaction txn(connection);
    const auto strategy = repo::findStrategy(txn, create.strategy_id, caller.tenant_id);
    if (!strategy) {
        throw ApiError(404,
                       "strategy_not_found",
                       "Strategy " + std::to_string(create.strategy_id) + " does not exist.");
    }
    if (!repo::symbolExists(txn, create.symbol)) {
        throw ApiError(404, "symbol_not_found", "Symbol '" + create.symbol + "' is not offered.");
    }
    repo::NewIntent intent;
    intent.id = store::newIntentId();
    intent.tenant_id = caller.tenant_id;
    intent.user_id = caller.user_id;
    intent.strategy_id = strategy->id;
    intent.symbol = create.symbol;
    intent.side = create.side.value_or(strategy->default_side);
    intent.timeframe = create.timeframe.value_or(strategy->timeframe);
    intent.entry_mode = create.entry_mode;
    intent.capital = create.capital;
    intent.metadata = create.metadata;
    return intent;
}

/// The intent row, its plan job and the INTENT_CREATED audit row, in one transaction.
std::optional<wire::JobEnvelope> storeIntent(pqxx::connection& connection,
                                             const repo::NewIntent& intent,
                                             const auth::Caller& caller) {
    pqxx::work txn(connection);
    repo::insertIntent(txn, intent);
    store::NewJob job;
    job.intent_id = intent.id;
    job.tenant_id = intent.tenant_id;
    job.kind = wire::JobKind::Plan;
    auto envelope = store::enqueueJob(txn, job);
    repo::insertAudit(txn,
                      intent.tenant_id,
                      intent.id,
                      "user:" + caller.username,
                      "INTENT_CREATED",
                      {{"strategy_id", intent.strategy_id},
                       {"symbol", intent.symbol},
                       {"side", intent.side},
                       {"timeframe", intent.timeframe},
                       {"entry_mode", intent.entry_mode},
                       {"capital", intent.capital}});
    txn.commit();
    return envelope;
}

Response create(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const CreateRequest parsed = parseCreateBody(request.body);
    const auto stored = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        refuseWhenBacklogged(context, connection);
        const repo::NewIntent intent = resolveCreate(connection, parsed, caller);
        const auto plan_job = storeIntent(connection, intent, caller);
        context.intents_created.byApi();
        logging::logEvent("info",
                          "intent_created",
                          {{"intent_id", intent.id},
                           {"tenant", std::to_string(intent.tenant_id)},
                           {"job_id", plan_job ? nlohmann::json(plan_job->job_id) : nullptr},
                           {"source", "api"},
                           {"username", caller.username}});
        dispatchAfterCommit(context, connection, plan_job);
        (void)waitForStatus(context,
                            connection,
                            intent.id,
                            caller.tenant_id,
                            context.config.plan_wait,
                            [](const std::string& status) { return status != "PLANNING"; });
        pqxx::nontransaction txn(connection);
        return repo::findIntent(txn, intent.id, caller.tenant_id);
    });
    if (!stored) {
        // Only a concurrent deletion could do this; the schema has none.
        throw ApiError(500, "internal", "The intent vanished after it was created.");
    }
    // A plan refused during planning leaves REJECTED without a validation result (a rejection
    // by the guards has one) or FAILED (the plan could not be computed).
    const bool refused_plan = stored->status == "FAILED" ||
                              (stored->status == "REJECTED" && stored->validation_result.is_null());
    if (refused_plan) {
        throw ApiError(
            422, "plan_refused", stored->status_reason.value_or("The plan could not be made."))
            .with("reason_code", stored->status_code ? json(*stored->status_code) : json(nullptr))
            .with("intent_id", stored->id);
    }
    Response response = jsonResponse(stored->status == "PLANNING" ? 202 : 201, intentJson(*stored));
    response.headers.emplace_back("Location", "/api/intents/" + stored->id + "/status/");
    return response;
}

Response status(AppContext& context, const Request& request, const PathParams& params) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {});
    const std::string id = requireIntentId(params);
    const auto intent = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::nontransaction txn(connection);
        return repo::findIntent(txn, id, caller.tenant_id);
    });
    if (!intent) {
        throw notFound("Intent '" + id + "'");
    }
    return jsonResponse(200, intentJson(*intent));
}

/// An RFC 3339 UTC time ("...Z"), checked before PostgreSQL sees it.
std::optional<std::string> timeFilter(const QueryReader& query, const std::string& name) {
    const auto text = query.text(name, 40);
    if (!text) {
        return std::nullopt;
    }
    // Years 1970..9999 only: PostgreSQL reads every such text, and nothing older exists.
    constexpr std::int64_t kYear10000Ms = 253'402'300'800'000;
    const auto epoch_ms = domain::parseUtc(*text);
    if (!epoch_ms || *epoch_ms < 0 || *epoch_ms >= kYear10000Ms) {
        throw invalidField(name, "must be an RFC 3339 UTC time such as 2026-01-01T10:00:00Z");
    }
    return *text;
}

Response history(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query,
                            {"status", "symbol", "since", "until", "page", "page_size"});
    repo::IntentFilter filter;
    filter.status = query.text("status", 16);
    if (filter.status && !domain::parseIntentStatus(*filter.status)) {
        throw invalidField("status", "must be one of the intent statuses (e.g. VALIDATED)");
    }
    filter.symbol = query.text("symbol", 20);
    if (filter.symbol && !isPlausibleSymbol(*filter.symbol)) {
        throw invalidField("symbol", "must be 2 to 20 upper-case letters or digits");
    }
    filter.since = timeFilter(query, "since");
    filter.until = timeFilter(query, "until");
    const PageRequest page = readPage(query);
    const auto [count, rows] = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        // One snapshot, so the count and the page agree.
        pqxx::read_transaction txn(connection);
        const std::int64_t total = repo::countIntents(txn, caller.tenant_id, filter);
        auto records =
            repo::listIntents(txn, caller.tenant_id, filter, page.offset(), page.page_size);
        return std::make_pair(total, std::move(records));
    });
    json results = json::array();
    for (const auto& record : rows) {
        results.push_back(intentSummaryJson(record));
    }
    return jsonResponse(200, pageJson(count, page, std::move(results)));
}

Response audit(AppContext& context, const Request& request, const PathParams& params) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {});
    const std::string id = requireIntentId(params);
    const auto entries = db::withConnection(
        context.pool,
        [&](pqxx::connection& connection) -> std::optional<std::vector<repo::AuditEntry>> {
            pqxx::read_transaction txn(connection);
            if (!repo::intentStatus(txn, id, caller.tenant_id)) {
                return std::nullopt;
            }
            return repo::auditTrail(txn, id, caller.tenant_id);
        });
    if (!entries) {
        throw notFound("Intent '" + id + "'");
    }
    json results = json::array();
    for (const auto& entry : *entries) {
        results.push_back({{"id", entry.id},
                           {"actor", entry.actor},
                           {"action", entry.action},
                           {"details", entry.details},
                           {"created_at", entry.created_at}});
    }
    return jsonResponse(200, {{"intent_id", id}, {"results", results}});
}

}  // namespace

void addIntentRoutes(Router& router, AppContext& context) {
    router.add(
        "POST", "/api/intents/create/", [&context](const Request& request, const PathParams&) {
            return create(context, request);
        });
    router.add("GET", "/api/intents/", [&context](const Request& request, const PathParams&) {
        return history(context, request);
    });
    router.add("GET",
               "/api/intents/{id}/status/",
               [&context](const Request& request, const PathParams& params) {
                   return status(context, request, params);
               });
    router.add("GET",
               "/api/intents/{id}/audit/",
               [&context](const Request& request, const PathParams& params) {
                   return audit(context, request, params);
               });
}

}  // namespace robson::api
