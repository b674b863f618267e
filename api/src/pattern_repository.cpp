#include "pattern_repository.hpp"

#include "decimal_text.hpp"
#include "row_text.hpp"

namespace robson::api::repo {

namespace {

using nlohmann::json;

/// The instance's columns; $1 is the caller's tenant (for the intents it made).
const std::string& patternColumns() {
    static const std::string kColumns =
        "p.id, p.pattern, p.direction, p.symbol, p.timeframe, " +
        utcTextOfMs("p.trigger_open_time_ms") +
        ", p.trigger_candle::text, p.confidence::text, p.confirmation_level::text, "
        "p.invalidation_level::text, p.state, p.explanation, " +
        utcText("p.detected_at") + ", " + utcText("p.confirmed_at") + ", " +
        utcText("p.decided_at") +
        ", COALESCE((SELECT json_agg(json_build_object('id', i.id, 'status', i.status::text) "
        "ORDER BY i.created_at, i.id) FROM pattern_triggers t "
        "JOIN trading_intents i ON i.id = t.intent_id "
        "WHERE t.pattern_id = p.id AND i.tenant_id = $1), '[]'::json)::text";
    return kColumns;
}

/// The feed filter over four parameters from $`first` (symbol, timeframe, pattern, state); an
/// empty parameter does not filter.
std::string filterClause(int first) {
    const auto parameter = [first](int offset) { return "$" + std::to_string(first + offset); };
    return " WHERE (" + parameter(0) + " = '' OR p.symbol = " + parameter(0) + ")" + " AND (" +
           parameter(1) + " = '' OR p.timeframe = " + parameter(1) + ")" + " AND (" + parameter(2) +
           " = '' OR p.pattern = " + parameter(2) + ")" + " AND (" + parameter(3) +
           " = '' OR p.state = " + parameter(3) + ")";
}

PatternRecord toRecord(const pqxx::row& row) {
    PatternRecord record;
    record.id = row[0].as<std::int64_t>();
    record.pattern = row[1].c_str();
    record.direction = row[2].c_str();
    record.symbol = row[3].c_str();
    record.timeframe = row[4].c_str();
    record.trigger_open_time = row[5].c_str();
    record.trigger_candle = jsonColumn(row[6]);
    record.confidence = normalizeDecimal(row[7].c_str());
    record.confirmation_level = normalizeDecimal(row[8].c_str());
    record.invalidation_level = normalizeDecimal(row[9].c_str());
    record.state = row[10].c_str();
    record.explanation = row[11].c_str();
    record.detected_at = row[12].c_str();
    record.confirmed_at = optionalText(row[13]);
    record.decided_at = optionalText(row[14]);
    record.intents = jsonColumn(row[15]);
    if (!record.intents.is_array()) {
        record.intents = json::array();
    }
    return record;
}

}  // namespace

std::int64_t countPatterns(pqxx::transaction_base& txn, const PatternFilter& filter) {
    const pqxx::result rows =
        txn.exec_params("SELECT count(*) FROM pattern_instances p" + filterClause(1),
                        filter.symbol.value_or(""),
                        filter.timeframe.value_or(""),
                        filter.pattern.value_or(""),
                        filter.state.value_or(""));
    return rows[0][0].as<std::int64_t>();
}

std::vector<PatternRecord> listPatterns(pqxx::transaction_base& txn,
                                        const PatternFilter& filter,
                                        std::int64_t tenant_id,
                                        std::int64_t offset,
                                        std::int64_t limit) {
    const pqxx::result rows = txn.exec_params(
        "SELECT " + patternColumns() + " FROM pattern_instances p" + filterClause(2) +
            " ORDER BY p.detected_at DESC, p.id DESC OFFSET $6 LIMIT $7",
        tenant_id,
        filter.symbol.value_or(""),
        filter.timeframe.value_or(""),
        filter.pattern.value_or(""),
        filter.state.value_or(""),
        offset,
        limit);
    std::vector<PatternRecord> records;
    records.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        records.push_back(toRecord(row));
    }
    return records;
}

std::optional<PatternRecord> findPattern(pqxx::transaction_base& txn,
                                         std::int64_t pattern_id,
                                         std::int64_t tenant_id) {
    const pqxx::result rows =
        txn.exec_params("SELECT " + patternColumns() + " FROM pattern_instances p WHERE p.id = $2",
                        tenant_id,
                        pattern_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return toRecord(rows[0]);
}

json toJson(const PatternRecord& pattern) {
    const auto orNull = [](const std::optional<std::string>& value) {
        return value ? json(*value) : json(nullptr);
    };
    return {{"id", pattern.id},
            {"pattern", pattern.pattern},
            {"direction", pattern.direction},
            {"symbol", pattern.symbol},
            {"timeframe", pattern.timeframe},
            {"trigger_open_time", pattern.trigger_open_time},
            {"trigger_candle", pattern.trigger_candle},
            {"confidence", pattern.confidence},
            {"confirmation_level", pattern.confirmation_level},
            {"invalidation_level", pattern.invalidation_level},
            {"state", pattern.state},
            {"explanation", pattern.explanation},
            {"detected_at", pattern.detected_at},
            {"confirmed_at", orNull(pattern.confirmed_at)},
            {"decided_at", orNull(pattern.decided_at)},
            {"intents", pattern.intents}};
}

}  // namespace robson::api::repo
