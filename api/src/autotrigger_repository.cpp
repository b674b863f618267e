#include "autotrigger_repository.hpp"

#include "row_text.hpp"

namespace robson::api::repo {

namespace {

using nlohmann::json;

/// Automatic executions the tenant started since 00:00 UTC: intents with an allowed guardrail
/// decision today and no blocked one (an intent the guardrails let through, whether the
/// worker records one row per guardrail or one per decision). The same definition as the
/// daily_cap guardrail counts (docs/decisions/0005-pattern-scanner.md).
const char* kExecutionsToday =
    "(SELECT count(DISTINCT d.intent_id) FROM guardrail_decisions d "
    " WHERE d.tenant_id = s.tenant_id AND d.allowed AND d.intent_id IS NOT NULL "
    "   AND d.created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' "
    "   AND NOT EXISTS (SELECT 1 FROM guardrail_decisions b "
    "                    WHERE b.intent_id = d.intent_id AND NOT b.allowed))";

std::string settingsColumns() {
    return std::string("s.enabled, s.daily_cap, s.cooldown_minutes, ") + kExecutionsToday +
           ", s.updated_by, " + utcText("s.updated_at");
}

AutotriggerSettings toSettings(const pqxx::row& row) {
    AutotriggerSettings settings;
    settings.enabled = row[0].as<bool>();
    settings.daily_cap = row[1].as<std::int64_t>();
    settings.cooldown_minutes = row[2].as<std::int64_t>();
    settings.auto_executions_today = row[3].as<std::int64_t>();
    settings.updated_by = optionalText(row[4]);
    settings.updated_at = optionalText(row[5]);
    return settings;
}

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

AutotriggerSettings loadAutotrigger(pqxx::work& txn, std::int64_t tenant_id, bool for_update) {
    txn.exec_params(
        "INSERT INTO autotrigger_settings (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING",
        tenant_id);
    const pqxx::result rows = txn.exec_params(
        "SELECT " + settingsColumns() + " FROM autotrigger_settings s WHERE s.tenant_id = $1" +
            (for_update ? " FOR UPDATE" : ""),
        tenant_id);
    return toSettings(rows[0]);
}

AutotriggerSettings updateAutotrigger(pqxx::work& txn,
                                      std::int64_t tenant_id,
                                      const AutotriggerChange& change,
                                      const std::string& actor) {
    const std::string enabled = change.enabled ? (*change.enabled ? "true" : "false") : "";
    const pqxx::result rows = txn.exec_params(
        "UPDATE autotrigger_settings s SET "
        "enabled = COALESCE(NULLIF($2, '')::boolean, s.enabled), "
        "daily_cap = COALESCE(NULLIF($3, '')::integer, s.daily_cap), "
        "cooldown_minutes = COALESCE(NULLIF($4, '')::integer, s.cooldown_minutes), "
        "updated_by = $5, updated_at = now() "
        "WHERE s.tenant_id = $1 RETURNING " +
            settingsColumns(),
        tenant_id,
        enabled,
        orEmpty(change.daily_cap),
        orEmpty(change.cooldown_minutes),
        actor);
    return toSettings(rows[0]);
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
