#pragma once

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// Every SQL statement on trading_intents, audit_trail and jobs the API runs. Tenant scoping
/// lives here: each read and write takes the caller's tenant and matches it in the WHERE
/// clause, so another tenant's intent is indistinguishable from a missing one.
namespace robson::api::repo {

/// One trading_intents row as the API prints it: NUMERIC columns already normalized
/// (normalizeDecimal), times as RFC 3339 UTC text, JSONB columns parsed (null when NULL).
struct IntentRecord {
    std::string id;
    std::string status;
    std::optional<std::string> status_reason;
    std::optional<std::string> status_code;
    std::int64_t strategy_id = 0;
    std::string strategy_name;
    std::string symbol;
    std::string side;
    std::string timeframe;
    std::string entry_mode;
    std::string capital;
    std::optional<std::string> quantity;
    std::optional<std::string> entry_price;
    std::optional<std::string> stop_price;
    std::optional<std::string> risk_amount;
    std::optional<std::string> risk_percent;
    std::optional<std::string> confidence;
    nlohmann::json metadata;
    nlohmann::json plan;
    nlohmann::json validation_result;
    nlohmann::json execution_result;
    std::string created_at;
    std::optional<std::string> validated_at;
    std::optional<std::string> executed_at;
    std::optional<std::string> cancelled_at;
    std::string updated_at;
};

/// What create inserts (status PLANNING; the plan worker fills the rest).
struct NewIntent {
    std::string id;
    std::int64_t tenant_id = 0;
    std::int64_t user_id = 0;
    std::int64_t strategy_id = 0;
    std::string symbol;
    std::string side;
    std::string timeframe;
    std::string entry_mode;
    std::string capital;  ///< exact decimal text, stored as NUMERIC without a detour
    nlohmann::json metadata;
};

/// History filters; empty members do not filter.
struct IntentFilter {
    std::optional<std::string> status;
    std::optional<std::string> symbol;
    std::optional<std::string> since;  ///< RFC 3339 UTC, inclusive
    std::optional<std::string> until;  ///< RFC 3339 UTC, exclusive
};

struct AuditEntry {
    std::int64_t id = 0;
    std::string actor;
    std::string action;
    nlohmann::json details;
    std::string created_at;
};

[[nodiscard]] std::optional<IntentRecord> findIntent(pqxx::transaction_base& txn,
                                                     const std::string& intent_id,
                                                     std::int64_t tenant_id);
/// The status alone (the wait loops poll this), or nullopt when not the tenant's.
[[nodiscard]] std::optional<std::string> intentStatus(pqxx::transaction_base& txn,
                                                      const std::string& intent_id,
                                                      std::int64_t tenant_id);

void insertIntent(pqxx::work& txn, const NewIntent& intent);
void insertAudit(pqxx::work& txn,
                 std::int64_t tenant_id,
                 const std::string& intent_id,
                 const std::string& actor,
                 const std::string& action,
                 const nlohmann::json& details);

/// VALIDATED → EXECUTING, guarded: true for the one caller that moved it.
[[nodiscard]] bool markExecuting(pqxx::work& txn,
                                 const std::string& intent_id,
                                 std::int64_t tenant_id);
/// PLANNING/PENDING/VALIDATED → CANCELLED, guarded; the cancelled_at text when it moved.
[[nodiscard]] std::optional<std::string> cancelIntent(pqxx::work& txn,
                                                      const std::string& intent_id,
                                                      std::int64_t tenant_id);

[[nodiscard]] std::int64_t countIntents(pqxx::transaction_base& txn,
                                        std::int64_t tenant_id,
                                        const IntentFilter& filter);
/// Newest first (created_at, then id for a stable order within one instant).
[[nodiscard]] std::vector<IntentRecord> listIntents(pqxx::transaction_base& txn,
                                                    std::int64_t tenant_id,
                                                    const IntentFilter& filter,
                                                    std::int64_t offset,
                                                    std::int64_t limit);

/// The tenant's intents made by a confirmed pattern (entry_mode 'pattern' and metadata.source
/// 'pattern' — both, so a person's own metadata cannot pass for a pattern's) that are
/// VALIDATED and wait for a person: oldest first, at most `limit`.
[[nodiscard]] std::int64_t countPendingConfirmation(pqxx::transaction_base& txn,
                                                    std::int64_t tenant_id);
[[nodiscard]] std::vector<IntentRecord> listPendingConfirmation(pqxx::transaction_base& txn,
                                                                std::int64_t tenant_id,
                                                                std::int64_t limit);

/// An audit row that belongs to no intent (settings changes: the kill switch...).
void insertTenantAudit(pqxx::work& txn,
                       std::int64_t tenant_id,
                       const std::string& actor,
                       const std::string& action,
                       const nlohmann::json& details);

[[nodiscard]] std::vector<AuditEntry> auditTrail(pqxx::transaction_base& txn,
                                                 const std::string& intent_id,
                                                 std::int64_t tenant_id);

/// Non-terminal jobs (ready, retry, running), counted up to `cap` + 1: enough to compare
/// with the backlog limit without counting a huge table.
[[nodiscard]] std::int64_t jobBacklog(pqxx::transaction_base& txn, std::int64_t cap);

}  // namespace robson::api::repo
