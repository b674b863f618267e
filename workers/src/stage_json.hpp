#pragma once

#include "robson/domain/position_sizing.hpp"
#include "robson/domain/strategy.hpp"
#include "robson/domain/technical_stop.hpp"
#include "robson/domain/validation_report.hpp"
#include "robson/exchange/order_state.hpp"

#include <nlohmann/json.hpp>

#include <optional>

/// The JSON documents the stages store (trading_intents.plan, validation_result) — what the
/// API serves and the UI draws. Decimals are strings, never JSON numbers.
namespace robson::workers {

/// "2026-01-01T10:00:00Z" for epoch milliseconds.
[[nodiscard]] std::string isoUtc(std::int64_t epoch_ms);

/// The technical stop explained: method, every level with its touches, the chosen one, the
/// distance, confidence, skips and the sentence a person reads.
[[nodiscard]] nlohmann::json stopJson(const domain::TechnicalStopAnalysis& analysis);

/// The position size with its derivation (risk budget, planned risk with costs, the naive
/// rule's figure, what bounded it, the stop trigger and limit).
[[nodiscard]] nlohmann::json sizingJson(const domain::PositionSize& size);

/// The strategy as applied: id, name, risk percent, level, timeframe.
[[nodiscard]] nlohmann::json strategyJson(const domain::Strategy& strategy);

/// validation_result: {"status", "guards": [{"name","status","message","code"}], "warnings",
/// "validated_at"}.
[[nodiscard]] nlohmann::json validationJson(const domain::ValidationReport& report);

/// The confidence stored with an intent ("0.9", "0.6", "0.3") from the stop's confidence.
[[nodiscard]] std::string confidenceText(std::optional<domain::StopConfidence> confidence);

}  // namespace robson::workers
