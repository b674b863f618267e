#pragma once

#include "intent_repository.hpp"

#include <nlohmann/json.hpp>

namespace robson::api {

/// The status document of docs/api-contract.md ("GET /api/intents/{id}/status/"): every field,
/// null where the pipeline has not filled it yet.
[[nodiscard]] nlohmann::json intentJson(const repo::IntentRecord& intent);

/// The history row: the same without plan, validation_result and execution_result.
[[nodiscard]] nlohmann::json intentSummaryJson(const repo::IntentRecord& intent);

}  // namespace robson::api
