#include "intent_record.hpp"

#include <stdexcept>

namespace robson::workers {
namespace {

std::optional<domain::Decimal> optionalDecimal(const pqxx::field& field) {
    if (field.is_null()) {
        return std::nullopt;
    }
    return domain::Decimal::fromString(field.c_str());
}

}  // namespace

std::optional<IntentRecord> loadIntent(pqxx::transaction_base& txn,
                                       const std::string& intent_id,
                                       bool lock) {
    const pqxx::result rows = txn.exec_params(
        std::string("SELECT id, tenant_id, strategy_id, symbol, side, timeframe, capital::text, "
                    "       status::text, quantity::text, entry_price::text, stop_price::text, "
                    "       risk_amount::text, coalesce(plan::text, 'null'), "
                    "       coalesce(metadata::text, '{}') "
                    "  FROM trading_intents WHERE id = $1") +
            (lock ? " FOR UPDATE" : ""),
        intent_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    const pqxx::row row = rows[0];
    IntentRecord intent;
    intent.id = row[0].as<std::string>();
    intent.tenant_id = row[1].as<std::int64_t>();
    intent.strategy_id = row[2].as<std::int64_t>();
    intent.symbol = row[3].as<std::string>();
    const auto side = domain::parseSide(row[4].as<std::string>());
    if (!side) {
        throw std::runtime_error("intent " + intent.id + " has an unknown side");
    }
    intent.side = *side;
    intent.timeframe = row[5].as<std::string>();
    intent.capital = domain::Decimal::fromString(row[6].c_str());
    intent.status = row[7].as<std::string>();
    intent.quantity = optionalDecimal(row[8]);
    intent.entry_price = optionalDecimal(row[9]);
    intent.stop_price = optionalDecimal(row[10]);
    intent.risk_amount = optionalDecimal(row[11]);
    intent.plan = nlohmann::json::parse(row[12].as<std::string>());
    intent.metadata = nlohmann::json::parse(row[13].as<std::string>());
    return intent;
}

void appendAudit(pqxx::transaction_base& txn,
                 const IntentRecord& intent,
                 const std::string& actor,
                 const std::string& action,
                 const nlohmann::json& details) {
    txn.exec_params(
        "INSERT INTO audit_trail (tenant_id, intent_id, actor, action, details) "
        "VALUES ($1, $2, $3, $4, $5::jsonb)",
        intent.tenant_id,
        intent.id,
        actor,
        action,
        details.dump());
}

}  // namespace robson::workers
