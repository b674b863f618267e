#pragma once

#include "robson/domain/decimal.hpp"
#include "robson/domain/side.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>

namespace robson::workers {

/// One trading_intents row as the stages read it. Money columns arrive as NUMERIC text and
/// become exact Decimals; nothing passes through a double.
struct IntentRecord {  // NOLINT(bugprone-exception-escape): nlohmann::json may allocate
    std::string id;
    std::int64_t tenant_id = 0;
    std::int64_t strategy_id = 0;
    std::string symbol;
    domain::Side side = domain::Side::Buy;
    std::string timeframe;
    domain::Decimal capital;
    std::string status;
    std::optional<domain::Decimal> quantity;
    std::optional<domain::Decimal> entry_price;
    std::optional<domain::Decimal> stop_price;
    std::optional<domain::Decimal> risk_amount;
    nlohmann::json plan;      ///< null until planned
    nlohmann::json metadata;  ///< {} unless the creator put something there (the scanner does)
};

/// The intent, or nullopt when no such row exists. `lock` takes FOR UPDATE.
[[nodiscard]] std::optional<IntentRecord> loadIntent(pqxx::transaction_base& txn,
                                                     const std::string& intent_id,
                                                     bool lock = false);

/// Appends an audit_trail row (the table refuses updates and deletes).
void appendAudit(pqxx::transaction_base& txn,
                 const IntentRecord& intent,
                 const std::string& actor,
                 const std::string& action,
                 const nlohmann::json& details);

}  // namespace robson::workers
