#include "intent_repository.hpp"

#include "decimal_text.hpp"
#include "row_text.hpp"

namespace robson::api::repo {

namespace {

using nlohmann::json;

const std::string& intentColumns() {
    static const std::string kColumns =
        "i.id, i.status::text, i.status_reason, i.status_code, i.strategy_id, s.name, i.symbol, "
        "i.side, i.timeframe, i.entry_mode, i.capital::text, i.quantity::text, "
        "i.entry_price::text, i.stop_price::text, i.risk_amount::text, i.risk_percent::text, "
        "i.confidence::text, i.metadata::text, i.plan::text, i.validation_result::text, "
        "i.execution_result::text, " +
        utcText("i.created_at") + ", " + utcText("i.validated_at") + ", " +
        utcText("i.executed_at") + ", " + utcText("i.cancelled_at") + ", " +
        utcText("i.updated_at");
    return kColumns;
}

IntentRecord toRecord(const pqxx::row& row) {
    IntentRecord record;
    record.id = row[0].c_str();
    record.status = row[1].c_str();
    record.status_reason = optionalText(row[2]);
    record.status_code = optionalText(row[3]);
    record.strategy_id = row[4].as<std::int64_t>();
    record.strategy_name = row[5].c_str();
    record.symbol = row[6].c_str();
    record.side = row[7].c_str();
    record.timeframe = row[8].c_str();
    record.entry_mode = row[9].c_str();
    record.capital = normalizeDecimal(row[10].c_str());
    record.quantity = optionalDecimal(row[11]);
    record.entry_price = optionalDecimal(row[12]);
    record.stop_price = optionalDecimal(row[13]);
    record.risk_amount = optionalDecimal(row[14]);
    record.risk_percent = optionalDecimal(row[15]);
    record.confidence = optionalDecimal(row[16]);
    record.metadata = jsonColumn(row[17]);
    if (record.metadata.is_null()) {
        record.metadata = json::object();
    }
    record.plan = jsonColumn(row[18]);
    record.validation_result = jsonColumn(row[19]);
    record.execution_result = jsonColumn(row[20]);
    record.created_at = row[21].c_str();
    record.validated_at = optionalText(row[22]);
    record.executed_at = optionalText(row[23]);
    record.cancelled_at = optionalText(row[24]);
    record.updated_at = row[25].c_str();
    return record;
}

/// The history filter as SQL over parameters $2..$5; an empty parameter does not filter.
const char* kFilterClause =
    " WHERE i.tenant_id = $1"
    " AND ($2 = '' OR i.status::text = $2)"
    " AND ($3 = '' OR i.symbol = $3)"
    " AND (NULLIF($4, '') IS NULL OR i.created_at >= NULLIF($4, '')::timestamptz)"
    " AND (NULLIF($5, '') IS NULL OR i.created_at < NULLIF($5, '')::timestamptz)";

}  // namespace

std::optional<IntentRecord> findIntent(pqxx::transaction_base& txn,
                                       const std::string& intent_id,
                                       std::int64_t tenant_id) {
    const pqxx::result rows =
        txn.exec_params("SELECT " + intentColumns() +
                            " FROM trading_intents i JOIN strategies s ON s.id = i.strategy_id"
                            " WHERE i.id = $1 AND i.tenant_id = $2",
                        intent_id,
                        tenant_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return toRecord(rows[0]);
}

std::optional<std::string> intentStatus(pqxx::transaction_base& txn,
                                        const std::string& intent_id,
                                        std::int64_t tenant_id) {
    const pqxx::result rows =
        txn.exec_params("SELECT status::text FROM trading_intents WHERE id = $1 AND tenant_id = $2",
                        intent_id,
                        tenant_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return std::string(rows[0][0].c_str());
}

void insertIntent(pqxx::work& txn, const NewIntent& intent) {
    txn.exec_params(
        "INSERT INTO trading_intents (id, tenant_id, user_id, strategy_id, symbol, side, "
        "timeframe, entry_mode, capital, metadata, status) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::numeric, $10::jsonb, 'PLANNING')",
        intent.id,
        intent.tenant_id,
        intent.user_id,
        intent.strategy_id,
        intent.symbol,
        intent.side,
        intent.timeframe,
        intent.entry_mode,
        intent.capital,
        intent.metadata.dump());
}

void insertAudit(pqxx::work& txn,
                 std::int64_t tenant_id,
                 const std::string& intent_id,
                 const std::string& actor,
                 const std::string& action,
                 const json& details) {
    txn.exec_params(
        "INSERT INTO audit_trail (tenant_id, intent_id, actor, action, details) "
        "VALUES ($1, $2, $3, $4, $5::jsonb)",
        tenant_id,
        intent_id,
        actor,
        action,
        details.dump(-1, ' ', false, json::error_handler_t::replace));
}

bool markExecuting(pqxx::work& txn, const std::string& intent_id, std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(
        "UPDATE trading_intents SET status = 'EXECUTING', updated_at = now() "
        "WHERE id = $1 AND tenant_id = $2 AND status = 'VALIDATED'",
        intent_id,
        tenant_id);
    return rows.affected_rows() == 1;
}

std::optional<std::string> cancelIntent(pqxx::work& txn,
                                        const std::string& intent_id,
                                        std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(
        "UPDATE trading_intents SET status = 'CANCELLED', cancelled_at = now(), "
        "updated_at = now() "
        "WHERE id = $1 AND tenant_id = $2 AND status IN ('PLANNING', 'PENDING', 'VALIDATED') "
        "RETURNING " +
            utcText("cancelled_at"),
        intent_id,
        tenant_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return std::string(rows[0][0].c_str());
}

std::int64_t countIntents(pqxx::transaction_base& txn,
                          std::int64_t tenant_id,
                          const IntentFilter& filter) {
    const pqxx::result rows =
        txn.exec_params(std::string("SELECT count(*) FROM trading_intents i") + kFilterClause,
                        tenant_id,
                        filter.status.value_or(""),
                        filter.symbol.value_or(""),
                        filter.since.value_or(""),
                        filter.until.value_or(""));
    return rows[0][0].as<std::int64_t>();
}

std::vector<IntentRecord> listIntents(pqxx::transaction_base& txn,
                                      std::int64_t tenant_id,
                                      const IntentFilter& filter,
                                      std::int64_t offset,
                                      std::int64_t limit) {
    const pqxx::result rows = txn.exec_params(
        "SELECT " + intentColumns() +
            " FROM trading_intents i JOIN strategies s ON s.id = i.strategy_id" + kFilterClause +
            " ORDER BY i.created_at DESC, i.id DESC OFFSET $6 LIMIT $7",
        tenant_id,
        filter.status.value_or(""),
        filter.symbol.value_or(""),
        filter.since.value_or(""),
        filter.until.value_or(""),
        offset,
        limit);
    std::vector<IntentRecord> records;
    records.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        records.push_back(toRecord(row));
    }
    return records;
}

namespace {

const char* kPendingClause =
    " WHERE i.tenant_id = $1 AND i.status = 'VALIDATED' AND i.entry_mode = 'pattern'"
    " AND i.metadata->>'source' = 'pattern'";

}  // namespace

std::int64_t countPendingConfirmation(pqxx::transaction_base& txn, std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(
        std::string("SELECT count(*) FROM trading_intents i") + kPendingClause, tenant_id);
    return rows[0][0].as<std::int64_t>();
}

std::vector<IntentRecord> listPendingConfirmation(pqxx::transaction_base& txn,
                                                  std::int64_t tenant_id,
                                                  std::int64_t limit) {
    const pqxx::result rows =
        txn.exec_params("SELECT " + intentColumns() +
                            " FROM trading_intents i JOIN strategies s ON s.id = i.strategy_id" +
                            kPendingClause + " ORDER BY i.created_at, i.id LIMIT $2",
                        tenant_id,
                        limit);
    std::vector<IntentRecord> records;
    records.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        records.push_back(toRecord(row));
    }
    return records;
}

void insertTenantAudit(pqxx::work& txn,
                       std::int64_t tenant_id,
                       const std::string& actor,
                       const std::string& action,
                       const json& details) {
    txn.exec_params(
        "INSERT INTO audit_trail (tenant_id, intent_id, actor, action, details) "
        "VALUES ($1, NULL, $2, $3, $4::jsonb)",
        tenant_id,
        actor,
        action,
        details.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::vector<AuditEntry> auditTrail(pqxx::transaction_base& txn,
                                   const std::string& intent_id,
                                   std::int64_t tenant_id) {
    const pqxx::result rows =
        txn.exec_params("SELECT id, actor, action, details::text, " + utcText("created_at") +
                            " FROM audit_trail WHERE intent_id = $1 AND tenant_id = $2 ORDER BY id",
                        intent_id,
                        tenant_id);
    std::vector<AuditEntry> entries;
    entries.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        entries.push_back(AuditEntry{row[0].as<std::int64_t>(),
                                     row[1].c_str(),
                                     row[2].c_str(),
                                     jsonColumn(row[3]),
                                     row[4].c_str()});
    }
    return entries;
}

std::int64_t jobBacklog(pqxx::transaction_base& txn, std::int64_t cap) {
    const pqxx::result rows = txn.exec_params(
        "SELECT count(*) FROM (SELECT 1 FROM jobs WHERE state IN ('ready', 'retry', 'running') "
        "LIMIT $1) AS backlog",
        cap + 1);
    return rows[0][0].as<std::int64_t>();
}

}  // namespace robson::api::repo
