#include "intent_json.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

json orNull(const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
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
