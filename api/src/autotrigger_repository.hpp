#pragma once

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// The SQL of a tenant's automation settings (autotrigger_settings: the kill switch, the daily
/// cap, the cooldown) and of the guardrail decisions made under them.
namespace robson::api::repo {

struct AutotriggerSettings {
    bool enabled = true;
    std::int64_t daily_cap = 0;
    std::int64_t cooldown_minutes = 0;
    std::int64_t auto_executions_today = 0;
    std::optional<std::string> updated_by;  ///< "user:alice"; null until someone changed them
    std::optional<std::string> updated_at;
};

/// What a PUT asked to change; empty members stay as they are.
struct AutotriggerChange {
    std::optional<bool> enabled;
    std::optional<std::int64_t> daily_cap;
    std::optional<std::int64_t> cooldown_minutes;
};

/// The tenant's settings as the API shows them: the defaults while the tenant has no row,
/// and the automatic executions started today (robson::store: the count the daily cap
/// judges, shared with the validate worker).
[[nodiscard]] AutotriggerSettings readAutotrigger(pqxx::transaction_base& txn,
                                                  std::int64_t tenant_id);

/// Locks the tenant's row until the transaction ends, making it with the defaults when
/// missing: the lock the validate worker takes before it starts an automatic execution.
void lockAutotrigger(pqxx::work& txn, std::int64_t tenant_id);

/// Applies the change to the locked row, stamping who made it; the settings after it.
[[nodiscard]] AutotriggerSettings updateAutotrigger(pqxx::work& txn,
                                                    std::int64_t tenant_id,
                                                    const AutotriggerChange& change,
                                                    const std::string& actor);

struct GuardrailDecision {
    std::int64_t id = 0;
    std::optional<std::int64_t> config_id;
    std::optional<std::int64_t> pattern_id;
    std::optional<std::string> intent_id;
    std::string symbol;
    std::string guardrail;
    bool allowed = false;
    std::string reason;
    std::string created_at;
};

[[nodiscard]] std::int64_t countDecisions(pqxx::transaction_base& txn, std::int64_t tenant_id);
/// Newest first.
[[nodiscard]] std::vector<GuardrailDecision> listDecisions(pqxx::transaction_base& txn,
                                                           std::int64_t tenant_id,
                                                           std::int64_t offset,
                                                           std::int64_t limit);

[[nodiscard]] nlohmann::json toJson(const AutotriggerSettings& settings);
[[nodiscard]] nlohmann::json toJson(const GuardrailDecision& decision);

}  // namespace robson::api::repo
