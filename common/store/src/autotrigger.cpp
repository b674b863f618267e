#include "robson/store/autotrigger.hpp"

namespace robson::store {
namespace {

AutotriggerSettings settingsOf(const pqxx::row& row) {
    AutotriggerSettings settings;
    settings.tenant_id = row[0].as<std::int64_t>();
    settings.enabled = row[1].as<bool>();
    settings.daily_cap = row[2].as<int>();
    settings.cooldown_minutes = row[3].as<int>();
    if (!row[4].is_null()) {
        settings.updated_by = row[4].as<std::string>();
    }
    return settings;
}

constexpr const char* kSettingsColumns =
    "tenant_id, enabled, daily_cap, cooldown_minutes, updated_by";

}  // namespace

AutotriggerSettings lockAutotriggerSettings(pqxx::work& txn, std::int64_t tenant_id) {
    txn.exec_params(
        "INSERT INTO autotrigger_settings (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING",
        tenant_id);
    const pqxx::result rows = txn.exec_params(std::string("SELECT ") + kSettingsColumns +
                                                  " FROM autotrigger_settings "
                                                  "WHERE tenant_id = $1 FOR UPDATE",
                                              tenant_id);
    return settingsOf(rows[0]);
}

AutotriggerSettings readAutotriggerSettings(pqxx::transaction_base& txn, std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(std::string("SELECT ") + kSettingsColumns +
                                                  " FROM autotrigger_settings WHERE tenant_id = $1",
                                              tenant_id);
    if (rows.empty()) {
        AutotriggerSettings defaults;
        defaults.tenant_id = tenant_id;
        return defaults;
    }
    return settingsOf(rows[0]);
}

std::int64_t autoExecutionsToday(pqxx::transaction_base& txn, std::int64_t tenant_id) {
    return txn
        .exec_params(
            "SELECT count(*) FROM audit_trail WHERE tenant_id = $1 AND action = $2 "
            "   AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'",
            tenant_id,
            kAutoExecutionAction)[0][0]
        .as<std::int64_t>();
}

std::optional<std::int64_t> msSinceLastAutoExecution(pqxx::transaction_base& txn,
                                                     std::int64_t tenant_id,
                                                     const std::string& symbol) {
    const pqxx::result rows = txn.exec_params(
        "SELECT (extract(epoch FROM now() - max(a.created_at)) * 1000)::bigint "
        "  FROM audit_trail a JOIN trading_intents i ON i.id = a.intent_id "
        " WHERE a.tenant_id = $1 AND a.action = $2 AND i.symbol = $3",
        tenant_id,
        kAutoExecutionAction,
        symbol);
    if (rows[0][0].is_null()) {
        return std::nullopt;
    }
    return rows[0][0].as<std::int64_t>();
}

void insertGuardrailDecision(pqxx::work& txn, const GuardrailDecisionRow& decision) {
    txn.exec_params(
        "INSERT INTO guardrail_decisions (tenant_id, config_id, pattern_id, intent_id, symbol, "
        "guardrail, allowed, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        decision.tenant_id,
        decision.config_id,
        decision.pattern_id,
        decision.intent_id,
        decision.symbol,
        decision.guardrail,
        decision.allowed,
        decision.reason);
}

}  // namespace robson::store
