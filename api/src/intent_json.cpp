#include "intent_json.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

json orNull(const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
}

bool madeByPattern(const repo::IntentRecord& intent) {
    // Both marks, as the scan worker writes them: a person's own metadata cannot pass for it.
    const auto source = intent.metadata.find("source");
    return intent.entry_mode == "pattern" && source != intent.metadata.end() &&
           *source == "pattern";
}

/// member `key` of `object` when it has the type `accept` wants, else null.
template <typename Accept>
json typedMember(const json& object, const char* key, Accept accept) {
    if (!object.is_object()) {
        return nullptr;
    }
    const auto it = object.find(key);
    return it != object.end() && accept(*it) ? *it : json(nullptr);
}

/// What a list needs of a pattern intent's metadata (docs/decisions/0005-pattern-scanner.md),
/// so the UI does not dig into metadata: null for a person's intent.
json patternDigest(const repo::IntentRecord& intent) {
    if (!madeByPattern(intent)) {
        return nullptr;
    }
    const auto isString = [](const json& value) { return value.is_string(); };
    const auto isInteger = [](const json& value) { return value.is_number_integer(); };
    const json& pattern =
        intent.metadata.contains("pattern") ? intent.metadata["pattern"] : json(nullptr);
    return {{"id", typedMember(pattern, "id", isInteger)},
            {"kind", typedMember(pattern, "kind", isString)},
            {"confidence", typedMember(pattern, "confidence", isString)},
            {"direction", typedMember(pattern, "direction", isString)},
            {"trigger_open_time", typedMember(pattern, "trigger_open_time", isString)},
            {"config_id", typedMember(intent.metadata, "config_id", isInteger)},
            {"auto_mode", typedMember(intent.metadata, "auto_mode", isString)}};
}

}  // namespace

json intentSummaryJson(const repo::IntentRecord& intent) {
    return {{"intent_id", intent.id},
            {"status", intent.status},
            {"status_reason", orNull(intent.status_reason)},
            {"status_code", orNull(intent.status_code)},
            {"strategy", {{"id", intent.strategy_id}, {"name", intent.strategy_name}}},
            {"symbol", intent.symbol},
            {"side", intent.side},
            {"timeframe", intent.timeframe},
            {"entry_mode", intent.entry_mode},
            {"capital", intent.capital},
            {"quantity", orNull(intent.quantity)},
            {"entry_price", orNull(intent.entry_price)},
            {"stop_price", orNull(intent.stop_price)},
            {"risk_amount", orNull(intent.risk_amount)},
            {"risk_percent", orNull(intent.risk_percent)},
            {"confidence", orNull(intent.confidence)},
            {"metadata", intent.metadata},
            {"source", madeByPattern(intent) ? "pattern" : "user"},
            {"pattern", patternDigest(intent)},
            {"created_at", intent.created_at},
            {"validated_at", orNull(intent.validated_at)},
            {"executed_at", orNull(intent.executed_at)},
            {"cancelled_at", orNull(intent.cancelled_at)},
            {"updated_at", intent.updated_at}};
}

json intentJson(const repo::IntentRecord& intent) {
    json body = intentSummaryJson(intent);
    body["plan"] = intent.plan;
    body["validation_result"] = intent.validation_result;
    body["execution_result"] = intent.execution_result;
    return body;
}

}  // namespace robson::api
