#pragma once

#include "pattern_instances.hpp"
#include "robson/wire/job_envelope.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cstdint>
#include <string>
#include <vector>

/// A confirmed pattern becomes intents through the ordinary path
/// (docs/decisions/0005-pattern-scanner.md): one PLANNING intent with its plan job per
/// matching enabled configuration, made once per (pattern, configuration).
namespace robson::workers {

/// A pattern_configs row as the scan worker needs it.
struct PatternConfig {
    std::int64_t id = 0;
    std::int64_t tenant_id = 0;
    std::int64_t strategy_id = 0;
    std::string capital;  ///< exact NUMERIC text
    std::string mode;     ///< manual, auto_dry_run, auto_live
    domain::Decimal min_confidence;
};

/// The intent's metadata, exactly as the contract shows it:
/// {"source": "pattern", "pattern": {"id", "kind", "confidence", "direction",
///  "trigger_open_time", "trigger_candle": {"open", "high", "low", "close", "volume"}},
///  "config_id", "auto_mode"}.
[[nodiscard]] nlohmann::json patternIntentMetadata(const StoredInstance& instance,
                                                   const PatternConfig& config);

/// What triggering one confirmed instance did.
struct TriggerOutcome {
    int intents_created = 0;
    int below_min_confidence = 0;
    std::vector<wire::JobEnvelope> plan_jobs;  ///< to send after commit
};

/// For a CONFIRMED instance: every enabled configuration of its pattern naming its symbol and
/// timeframe that has not been triggered by it yet. At confidence ≥ the configuration's
/// minimum: the intent (PLANNING, entry_mode "pattern"), its plan job, the pattern_triggers
/// row and an INTENT_CREATED audit row; below it: the pattern_triggers row without an intent
/// and a blocked `min_confidence` guardrail decision (so it is decided once). All in `txn`.
[[nodiscard]] TriggerOutcome triggerConfigurations(pqxx::work& txn,
                                                   const StoredInstance& instance,
                                                   const std::string& actor);

}  // namespace robson::workers
