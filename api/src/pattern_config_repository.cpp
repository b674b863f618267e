#include "pattern_config_repository.hpp"

#include "decimal_text.hpp"
#include "row_text.hpp"

namespace robson::api::repo {

namespace {

using nlohmann::json;

const std::string& configColumns() {
    static const std::string kColumns =
        "c.id, c.strategy_id, s.name, c.pattern, array_to_json(c.symbols)::text, "
        "array_to_json(c.timeframes)::text, c.min_confidence::text, c.capital::text, c.mode, " +
        utcText("c.risk_acknowledged_at") + ", c.enabled, " + utcText("c.created_at") + ", " +
        utcText("c.updated_at");
    return kColumns;
}

const char* kFrom = " FROM pattern_configs c JOIN strategies s ON s.id = c.strategy_id";

std::vector<std::string> textArray(const pqxx::field& field) {
    std::vector<std::string> items;
    const json parsed = jsonColumn(field);
    if (parsed.is_array()) {
        for (const json& item : parsed) {
            if (item.is_string()) {
                items.push_back(item.get<std::string>());
            }
        }
    }
    return items;
}

PatternConfigRecord toRecord(const pqxx::row& row) {
    PatternConfigRecord record;
    record.id = row[0].as<std::int64_t>();
    record.strategy_id = row[1].as<std::int64_t>();
    record.strategy_name = row[2].c_str();
    record.pattern = row[3].c_str();
    record.symbols = textArray(row[4]);
    record.timeframes = textArray(row[5]);
    record.min_confidence = normalizeDecimal(row[6].c_str());
    record.capital = normalizeDecimal(row[7].c_str());
    record.mode = row[8].c_str();
    record.risk_acknowledged_at = optionalText(row[9]);
    record.enabled = row[10].as<bool>();
    record.created_at = row[11].c_str();
    record.updated_at = row[12].c_str();
    return record;
}

/// SQL for a TEXT[] built from the JSON array text in `parameter`, in the array's order. The
/// parameter goes through NULLIF so an empty (absent) value is never parsed, even when the
/// planner folds constants inside a CASE branch that will not be taken.
std::string textArrayOf(const std::string& parameter) {
    return "ARRAY(SELECT e FROM jsonb_array_elements_text(NULLIF(" + parameter +
           ", '')::jsonb) WITH ORDINALITY AS a(e, n) ORDER BY n)";
}

/// Absent members travel as '' (libpqxx 6 has no NULL for an empty optional).
std::string orEmpty(const std::optional<std::string>& value) {
    return value.value_or("");
}

std::string orEmpty(const std::optional<std::vector<std::string>>& value) {
    return value ? json(*value).dump() : "";
}

std::string orEmpty(const std::optional<std::int64_t>& value) {
    return value ? std::to_string(*value) : "";
}

std::string orEmpty(const std::optional<bool>& value) {
    if (!value) {
        return "";
    }
    return *value ? "true" : "false";
}

}  // namespace

std::vector<PatternConfigRecord> listPatternConfigs(pqxx::transaction_base& txn,
                                                    std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(
        "SELECT " + configColumns() + kFrom + " WHERE c.tenant_id = $1 ORDER BY c.id", tenant_id);
    std::vector<PatternConfigRecord> records;
    records.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        records.push_back(toRecord(row));
    }
    return records;
}

std::optional<PatternConfigRecord> findPatternConfig(pqxx::transaction_base& txn,
                                                     std::int64_t config_id,
                                                     std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(
        "SELECT " + configColumns() + kFrom + " WHERE c.id = $1 AND c.tenant_id = $2",
        config_id,
        tenant_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return toRecord(rows[0]);
}

std::optional<std::string> lockPatternConfigMode(pqxx::work& txn,
                                                 std::int64_t config_id,
                                                 std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(
        "SELECT mode FROM pattern_configs WHERE id = $1 AND tenant_id = $2 FOR UPDATE",
        config_id,
        tenant_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return std::string(rows[0][0].c_str());
}

std::int64_t insertPatternConfig(pqxx::work& txn,
                                 std::int64_t tenant_id,
                                 const PatternConfigChange& change) {
    const pqxx::result rows = txn.exec_params(
        "INSERT INTO pattern_configs (tenant_id, strategy_id, pattern, symbols, timeframes, "
        "min_confidence, capital, mode, risk_acknowledged_at, enabled) VALUES ($1, $2::bigint, "
        "$3, " +
            textArrayOf("$4") + ", " + textArrayOf("$5") +
            ", COALESCE(NULLIF($6, '')::numeric, 0.700), $7::numeric, "
            "COALESCE(NULLIF($8, ''), 'manual'), CASE WHEN $9::boolean THEN now() END, "
            "COALESCE(NULLIF($10, '')::boolean, true)) RETURNING id",
        tenant_id,
        orEmpty(change.strategy_id),
        orEmpty(change.pattern),
        orEmpty(change.symbols),
        orEmpty(change.timeframes),
        orEmpty(change.min_confidence),
        orEmpty(change.capital),
        orEmpty(change.mode),
        change.acknowledge_risk_now,
        orEmpty(change.enabled));
    return rows[0][0].as<std::int64_t>();
}

bool updatePatternConfig(pqxx::work& txn,
                         std::int64_t config_id,
                         std::int64_t tenant_id,
                         const PatternConfigChange& change) {
    const pqxx::result rows = txn.exec_params(
        "UPDATE pattern_configs SET "
        "strategy_id = COALESCE(NULLIF($3, '')::bigint, strategy_id), "
        "pattern = COALESCE(NULLIF($4, ''), pattern), "
        "symbols = CASE WHEN $5 = '' THEN symbols ELSE " +
            textArrayOf("$5") +
            " END, "
            "timeframes = CASE WHEN $6 = '' THEN timeframes ELSE " +
            textArrayOf("$6") +
            " END, "
            "min_confidence = COALESCE(NULLIF($7, '')::numeric, min_confidence), "
            "capital = COALESCE(NULLIF($8, '')::numeric, capital), "
            "mode = COALESCE(NULLIF($9, ''), mode), "
            "risk_acknowledged_at = CASE WHEN $10::boolean THEN now() "
            "  WHEN $11::boolean THEN NULL ELSE risk_acknowledged_at END, "
            "enabled = COALESCE(NULLIF($12, '')::boolean, enabled), "
            "updated_at = now() "
            "WHERE id = $1 AND tenant_id = $2",
        config_id,
        tenant_id,
        orEmpty(change.strategy_id),
        orEmpty(change.pattern),
        orEmpty(change.symbols),
        orEmpty(change.timeframes),
        orEmpty(change.min_confidence),
        orEmpty(change.capital),
        orEmpty(change.mode),
        change.acknowledge_risk_now,
        change.clear_risk_acknowledgement,
        orEmpty(change.enabled));
    return rows.affected_rows() == 1;
}

bool deletePatternConfig(pqxx::work& txn, std::int64_t config_id, std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(
        "DELETE FROM pattern_configs WHERE id = $1 AND tenant_id = $2", config_id, tenant_id);
    return rows.affected_rows() == 1;
}

json toJson(const PatternConfigRecord& config) {
    return {{"id", config.id},
            {"strategy_id", config.strategy_id},
            {"strategy_name", config.strategy_name},
            {"pattern", config.pattern},
            {"symbols", config.symbols},
            {"timeframes", config.timeframes},
            {"min_confidence", config.min_confidence},
            {"capital", config.capital},
            {"mode", config.mode},
            {"risk_acknowledged_at",
             config.risk_acknowledged_at ? json(*config.risk_acknowledged_at) : json(nullptr)},
            {"enabled", config.enabled},
            {"created_at", config.created_at},
            {"updated_at", config.updated_at}};
}

}  // namespace robson::api::repo
