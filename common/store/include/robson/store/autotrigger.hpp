#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>

/// The tenant's automation settings and the facts the guardrails are judged on
/// (docs/decisions/0005-pattern-scanner.md, "Guardrails"). Shared by the validate worker (which
/// starts automatic executions), the execute worker (which re-reads the kill switch) and the
/// API (GET/PUT /api/autotrigger/).
namespace robson::store {

/// The audit action written when a worker starts an automatic execution (VALIDATED →
/// EXECUTING with its execute job). Counting these is how the daily cap and the cooldown see
/// "automatic executions started"; a person's execution writes EXECUTION_REQUESTED instead.
inline constexpr const char* kAutoExecutionAction = "AUTO_EXECUTION_REQUESTED";

struct AutotriggerSettings {
    std::int64_t tenant_id = 0;
    bool enabled = true;  ///< false is the kill switch
    int daily_cap = 10;
    int cooldown_minutes = 60;
    std::optional<std::string> updated_by;
};

/// The tenant's settings row, created with the defaults when absent, locked FOR UPDATE until
/// `txn` ends: concurrent automatic executions of one tenant serialize here, so the daily cap
/// and the cooldown are judged on counts no other transaction is changing.
[[nodiscard]] AutotriggerSettings lockAutotriggerSettings(pqxx::work& txn, std::int64_t tenant_id);

/// The settings without locking (the defaults when the tenant has no row yet).
[[nodiscard]] AutotriggerSettings readAutotriggerSettings(pqxx::transaction_base& txn,
                                                          std::int64_t tenant_id);

/// Automatic executions the tenant started since 00:00 UTC today (database clock).
[[nodiscard]] std::int64_t autoExecutionsToday(pqxx::transaction_base& txn, std::int64_t tenant_id);

/// Milliseconds since the tenant's last automatic execution on `symbol` (database clock), or
/// nullopt when there was none.
[[nodiscard]] std::optional<std::int64_t> msSinceLastAutoExecution(pqxx::transaction_base& txn,
                                                                   std::int64_t tenant_id,
                                                                   const std::string& symbol);

/// One guardrail_decisions row (the guardrail names are the table's CHECK list).
struct GuardrailDecisionRow {
    std::int64_t tenant_id = 0;
    std::optional<std::int64_t> config_id;
    std::optional<std::int64_t> pattern_id;
    std::optional<std::string> intent_id;
    std::string symbol;
    std::string guardrail;  ///< kill_switch, daily_cap, cooldown, min_confidence, validation
    bool allowed = false;
    std::string reason;
};

void insertGuardrailDecision(pqxx::work& txn, const GuardrailDecisionRow& decision);

}  // namespace robson::store
