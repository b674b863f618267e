// GET/PUT /api/autotrigger/ (the kill switch, the daily cap, the cooldown) and
// GET /api/autotrigger/decisions/ (docs/decisions/0005-pattern-scanner.md).
#include "autotrigger_repository.hpp"
#include "http_errors.hpp"
#include "intent_repository.hpp"
#include "json_request.hpp"
#include "query_params.hpp"
#include "routes/pagination.hpp"
#include "routes/route_support.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

// The table's CHECKs: a cap of 0 stops automatic execution like the kill switch; a week is
// the longest cooldown.
constexpr std::int64_t kMaxDailyCap = 1000;
constexpr std::int64_t kMaxCooldownMinutes = 10080;

Response show(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {});
    const auto settings = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::read_transaction txn(connection);
        return repo::readAutotrigger(txn, caller.tenant_id);
    });
    return jsonResponse(200, repo::toJson(settings));
}

json changeJson(const repo::AutotriggerSettings& settings) {
    return {{"enabled", settings.enabled},
            {"daily_cap", settings.daily_cap},
            {"cooldown_minutes", settings.cooldown_minutes}};
}

Response update(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const json body = parseJsonObject(request.body, false);
    const FieldReader fields(body, {"enabled", "daily_cap", "cooldown_minutes"});
    repo::AutotriggerChange change;
    change.enabled = fields.optionalBool("enabled");
    change.daily_cap = fields.optionalInteger("daily_cap", 0, kMaxDailyCap);
    change.cooldown_minutes = fields.optionalInteger("cooldown_minutes", 0, kMaxCooldownMinutes);
    if (!change.enabled && !change.daily_cap && !change.cooldown_minutes) {
        throw ApiError(
            400, "missing_field", "Send at least one of enabled, daily_cap, cooldown_minutes.");
    }
    const std::string actor = "user:" + caller.username;
    const auto settings = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::work txn(connection);
        // Under the validate worker's lock: a switch turned off here is seen by every
        // automatic execution that starts after this commit.
        repo::lockAutotrigger(txn, caller.tenant_id);
        const auto before = repo::readAutotrigger(txn, caller.tenant_id);
        auto after = repo::updateAutotrigger(txn, caller.tenant_id, change, actor);
        repo::insertTenantAudit(txn,
                                caller.tenant_id,
                                actor,
                                "AUTOTRIGGER_UPDATED",
                                {{"before", changeJson(before)}, {"after", changeJson(after)}});
        txn.commit();
        return after;
    });
    return jsonResponse(200, repo::toJson(settings));
}

Response decisions(AppContext& context, const Request& request) {
    const auth::Caller caller = callerOf(context, request);
    const QueryReader query(request.query, {"page", "page_size"});
    const PageRequest page = readPage(query);
    const auto [count, rows] = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::read_transaction txn(connection);
        const std::int64_t total = repo::countDecisions(txn, caller.tenant_id);
        auto records = repo::listDecisions(txn, caller.tenant_id, page.offset(), page.page_size);
        return std::make_pair(total, std::move(records));
    });
    json results = json::array();
    for (const auto& decision : rows) {
        results.push_back(repo::toJson(decision));
    }
    return jsonResponse(200, pageJson(count, page, std::move(results)));
}

}  // namespace

void addAutotriggerRoutes(Router& router, AppContext& context) {
    router.add("GET", "/api/autotrigger/", [&context](const Request& request, const PathParams&) {
        return show(context, request);
    });
    router.add("PUT", "/api/autotrigger/", [&context](const Request& request, const PathParams&) {
        return update(context, request);
    });
    router.add("GET",
               "/api/autotrigger/decisions/",
               [&context](const Request& request, const PathParams&) {
                   return decisions(context, request);
               });
}

}  // namespace robson::api
