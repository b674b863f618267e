// POST /api/intents/{id}/execute/ (EXECUTE) and POST /api/intents/{id}/cancel/.
#include "http_errors.hpp"
#include "intent_repository.hpp"
#include "json_request.hpp"
#include "robson/logging/log_event.hpp"
#include "robson/store/job_queue.hpp"
#include "routes/intent_pipeline.hpp"
#include "routes/route_support.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

/// Why an intent that is not VALIDATED cannot be executed (docs/api-contract.md).
ApiError notExecutable(const std::optional<std::string>& status, const std::string& id) {
    if (!status) {
        return notFound("Intent '" + id + "'");
    }
    if (*status == "EXECUTING" || *status == "EXECUTED" || *status == "FAILED") {
        return {409, "already_executed", "Intent '" + id + "' is already " + *status + "."};
    }
    return {400,
            "not_validated",
            "Intent '" + id + "' is " + *status + "; only a VALIDATED intent can be executed."};
}

/// VALIDATED → EXECUTING with its execute job and audit row, in one transaction. The guarded
/// UPDATE is what makes fifty concurrent calls execute once: PostgreSQL serialises them on the
/// row lock and every later one sees a status that is no longer VALIDATED.
std::optional<wire::JobEnvelope> startExecution(pqxx::connection& connection,
                                                const std::string& id,
                                                const auth::Caller& caller,
                                                const std::string& mode) {
    pqxx::work txn(connection);
    if (!repo::markExecuting(txn, id, caller.tenant_id)) {
        throw notExecutable(repo::intentStatus(txn, id, caller.tenant_id), id);
    }
    store::NewJob job;
    job.intent_id = id;
    job.tenant_id = caller.tenant_id;
    job.kind = wire::JobKind::Execute;
    job.payload_json = json{{"mode", mode}}.dump();
    auto envelope = store::enqueueJob(txn, job);
    repo::insertAudit(txn,
                      caller.tenant_id,
                      id,
                      "user:" + caller.username,
                      "EXECUTION_REQUESTED",
                      {{"mode", mode}});
    txn.commit();
    return envelope;
}

Response execute(AppContext& context, const Request& request, const PathParams& params) {
    const auth::Caller caller = callerOf(context, request);
    const std::string id = requireIntentId(params);
    const json body = parseJsonObject(request.body, true);
    const FieldReader fields(body, {"mode", "acknowledge_risk"});
    const std::string mode = fields.optionalString("mode", 16).value_or("DRY_RUN");
    if (mode != "DRY_RUN" && mode != "LIVE") {
        throw invalidField("mode", "must be DRY_RUN or LIVE");
    }
    const bool acknowledged = fields.optionalBool("acknowledge_risk").value_or(false);
    if (mode == "LIVE" && !acknowledged) {
        throw ApiError(400,
                       "risk_not_acknowledged",
                       "LIVE execution sends real orders: set \"acknowledge_risk\": true.");
    }
    const auto final_status = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        refuseWhenBacklogged(context, connection);
        const auto execute_job = startExecution(connection, id, caller, mode);
        logging::logEvent("info",
                          "execution_requested",
                          {{"intent_id", id},
                           {"tenant", std::to_string(caller.tenant_id)},
                           {"job_id", execute_job ? nlohmann::json(execute_job->job_id) : nullptr},
                           {"mode", mode}});
        dispatchAfterCommit(context, connection, execute_job);
        const auto status = waitForStatus(
            context,
            connection,
            id,
            caller.tenant_id,
            context.config.execute_wait,
            [](const std::string& seen) { return seen == "EXECUTED" || seen == "FAILED"; });
        pqxx::nontransaction txn(connection);
        return repo::findIntent(txn, id, caller.tenant_id);
    });
    if (!final_status) {
        throw notFound("Intent '" + id + "'");
    }
    const bool finished = final_status->status == "EXECUTED" || final_status->status == "FAILED";
    return jsonResponse(
        finished ? 200 : 202,
        {{"intent_id", id},
         {"status", final_status->status},
         {"execution_result", finished ? final_status->execution_result : json(nullptr)}});
}

Response cancel(AppContext& context, const Request& request, const PathParams& params) {
    const auth::Caller caller = callerOf(context, request);
    const std::string id = requireIntentId(params);
    const json body = parseJsonObject(request.body, true);
    const FieldReader fields(body, {});
    const auto cancelled_at = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::work txn(connection);
        auto when = repo::cancelIntent(txn, id, caller.tenant_id);
        if (!when) {
            const auto status = repo::intentStatus(txn, id, caller.tenant_id);
            if (!status) {
                throw notFound("Intent '" + id + "'");
            }
            throw ApiError(409,
                           "not_cancellable",
                           "Intent '" + id + "' is " + *status +
                               "; only PLANNING, PENDING or VALIDATED intents can be cancelled.");
        }
        repo::insertAudit(txn,
                          caller.tenant_id,
                          id,
                          "user:" + caller.username,
                          "INTENT_CANCELLED",
                          json::object());
        txn.commit();
        return *when;
    });
    return jsonResponse(
        200, {{"intent_id", id}, {"status", "CANCELLED"}, {"cancelled_at", cancelled_at}});
}

}  // namespace

void addIntentActionRoutes(Router& router, AppContext& context) {
    router.add("POST",
               "/api/intents/{id}/execute/",
               [&context](const Request& request, const PathParams& params) {
                   return execute(context, request, params);
               });
    router.add("POST",
               "/api/intents/{id}/cancel/",
               [&context](const Request& request, const PathParams& params) {
                   return cancel(context, request, params);
               });
}

}  // namespace robson::api
