#include "autotrigger_repository.hpp"

#include "robson/store/autotrigger.hpp"
#include "row_text.hpp"

namespace robson::api::repo {

namespace {

using nlohmann::json;

std::string orEmpty(const std::optional<std::int64_t>& value) {
    return value ? std::to_string(*value) : "";
}

std::optional<std::int64_t> optionalId(const pqxx::field& field) {
    if (field.is_null()) {
        return std::nullopt;
    }
    return field.as<std::int64_t>();
}

}  // namespace

AutotriggerSettings readAutotrigger(pqxx::transaction_base& txn, std::int64_t tenant_id) {
    // The store owns the defaults and the count the daily cap judges, shared with the workers.
    const store::AutotriggerSettings stored = store::readAutotriggerSettings(txn, tenant_id);
    AutotriggerSettings settings;
    settings.enabled = stored.enabled;
    settings.daily_cap = stored.daily_cap;
    settings.cooldown_minutes = stored.cooldown_minutes;
    settings.updated_by = stored.updated_by;
    settings.auto_executions_today = store::autoExecutionsToday(txn, tenant_id);
    const pqxx::result rows = txn.exec_params(
        "SELECT " + utcText("updated_at") + " FROM autotrigger_settings WHERE tenant_id = $1",
        tenant_id);
    if (!rows.empty()) {
        settings.updated_at = optionalText(rows[0][0]);
    }
    return settings;
}

void lockAutotrigger(pqxx::work& txn, std::int64_t tenant_id) {
    (void)store::lockAutotriggerSettings(txn, tenant_id);
}

AutotriggerSettings updateAutotrigger(pqxx::work& txn,
                                      std::int64_t tenant_id,
                                      const AutotriggerChange& change,
                                      const std::string& actor) {
    const std::string enabled = change.enabled ? (*change.enabled ? "true" : "false") : "";
    txn.exec_params(
        "UPDATE autotrigger_settings SET "
        "enabled = COALESCE(NULLIF($2, '')::boolean, enabled), "
        "daily_cap = COALESCE(NULLIF($3, '')::integer, daily_cap), "
        "cooldown_minutes = COALESCE(NULLIF($4, '')::integer, cooldown_minutes), "
        "updated_by = $5, updated_at = now() "
        "WHERE tenant_id = $1",
        tenant_id,
        enabled,
        orEmpty(change.daily_cap),
        orEmpty(change.cooldown_minutes),
        actor);
    return readAutotrigger(txn, tenant_id);
}

std::int64_t countDecisions(pqxx::transaction_base& txn, std::int64_t tenant_id) {
    const pqxx::result rows =
        txn.exec_params("SELECT count(*) FROM guardrail_decisions WHERE tenant_id = $1", tenant_id);
    return rows[0][0].as<std::int64_t>();
}

std::vector<GuardrailDecision> listDecisions(pqxx::transaction_base& txn,
                                             std::int64_t tenant_id,
                                             std::int64_t offset,
                                             std::int64_t limit) {
    const pqxx::result rows = txn.exec_params(
        "SELECT id, config_id, pattern_id, intent_id, symbol, guardrail, allowed, reason, " +
            utcText("created_at") +
            " FROM guardrail_decisions WHERE tenant_id = $1 ORDER BY id DESC OFFSET $2 LIMIT $3",
        tenant_id,
        offset,
        limit);
    std::vector<GuardrailDecision> decisions;
    decisions.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        GuardrailDecision decision;
        decision.id = row[0].as<std::int64_t>();
        decision.config_id = optionalId(row[1]);
        decision.pattern_id = optionalId(row[2]);
        decision.intent_id = optionalText(row[3]);
        decision.symbol = row[4].c_str();
        decision.guardrail = row[5].c_str();
        decision.allowed = row[6].as<bool>();
        decision.reason = row[7].c_str();
        decision.created_at = row[8].c_str();
        decisions.push_back(std::move(decision));
    }
    return decisions;
}

json toJson(const AutotriggerSettings& settings) {
    return {{"enabled", settings.enabled},
            {"daily_cap", settings.daily_cap},
            {"cooldown_minutes", settings.cooldown_minutes},
            {"auto_executions_today", settings.auto_executions_today},
            {"updated_at", settings.updated_at ? json(*settings.updated_at) : json(nullptr)},
            {"updated_by", settings.updated_by ? json(*settings.updated_by) : json(nullptr)}};
}

json toJson(const GuardrailDecision& decision) {
    const auto orNull = [](const auto& value) { return value ? json(*value) : json(nullptr); };
    return {{"id", decision.id},
            {"config_id", orNull(decision.config_id)},
            {"pattern_id", orNull(decision.pattern_id)},
            {"intent_id", orNull(decision.intent_id)},
            {"symbol", decision.symbol},
            {"guardrail", decision.guardrail},
            {"allowed", decision.allowed},
            {"reason", decision.reason},
            {"created_at", decision.created_at}};
}

}  // namespace robson::api::repo
