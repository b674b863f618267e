#include "pattern_intents.hpp"

#include "guardrails.hpp"
#include "robson/store/autotrigger.hpp"
#include "robson/store/intent_ids.hpp"
#include "robson/store/job_queue.hpp"
#include "stage_json.hpp"

namespace robson::workers {

namespace patterns = domain::patterns;

namespace {

std::vector<PatternConfig> untriggeredConfigs(pqxx::work& txn, const StoredInstance& instance) {
    const pqxx::result rows = txn.exec_params(
        "SELECT c.id, c.tenant_id, c.strategy_id, c.capital::text, c.mode, "
        "       c.min_confidence::text "
        "  FROM pattern_configs c "
        " WHERE c.enabled AND c.pattern = $1 AND $2 = ANY (c.symbols) "
        "   AND $3 = ANY (c.timeframes) "
        "   AND NOT EXISTS (SELECT 1 FROM pattern_triggers t "
        "                    WHERE t.pattern_id = $4 AND t.config_id = c.id) "
        " ORDER BY c.id",
        std::string(patterns::toString(instance.detection.kind)),
        instance.symbol,
        instance.timeframe,
        instance.id);
    std::vector<PatternConfig> configs;
    for (const auto& row : rows) {
        PatternConfig config;
        config.id = row[0].as<std::int64_t>();
        config.tenant_id = row[1].as<std::int64_t>();
        config.strategy_id = row[2].as<std::int64_t>();
        config.capital = row[3].as<std::string>();
        config.mode = row[4].as<std::string>();
        config.min_confidence = domain::Decimal::fromString(row[5].c_str());
        configs.push_back(std::move(config));
    }
    return configs;
}

/// Claims the (pattern, configuration) pair: false when another transaction already did.
bool claimTrigger(pqxx::work& txn, std::int64_t pattern_id, std::int64_t config_id) {
    return !txn.exec_params(
                   "INSERT INTO pattern_triggers (pattern_id, config_id) VALUES ($1, $2) "
                   "ON CONFLICT DO NOTHING RETURNING 1",
                   pattern_id,
                   config_id)
                .empty();
}

void audit(pqxx::work& txn,
           std::int64_t tenant_id,
           const std::optional<std::string>& intent_id,
           const std::string& actor,
           const std::string& action,
           const nlohmann::json& details) {
    txn.exec_params(
        "INSERT INTO audit_trail (tenant_id, intent_id, actor, action, details) "
        "VALUES ($1, $2, $3, $4, $5::jsonb)",
        tenant_id,
        intent_id,
        actor,
        action,
        details.dump());
}

void recordBelowMinimum(pqxx::work& txn,
                        const StoredInstance& instance,
                        const PatternConfig& config,
                        const GuardrailDecision& decision,
                        const std::string& actor) {
    store::GuardrailDecisionRow row;
    row.tenant_id = config.tenant_id;
    row.config_id = config.id;
    row.pattern_id = instance.id;
    row.symbol = instance.symbol;
    row.guardrail = std::string(toString(decision.guardrail));
    row.allowed = false;
    row.reason = decision.reason;
    store::insertGuardrailDecision(txn, row);
    audit(txn,
          config.tenant_id,
          std::nullopt,
          actor,
          "GUARDRAIL_BLOCKED",
          {{"guardrail", row.guardrail},
           {"reason", row.reason},
           {"pattern_id", instance.id},
           {"config_id", config.id}});
}

std::optional<wire::JobEnvelope> createIntent(pqxx::work& txn,
                                              const StoredInstance& instance,
                                              const PatternConfig& config,
                                              const std::string& actor) {
    const std::string intent_id = store::newIntentId();
    const std::string side(domain::toString(instance.detection.direction));
    txn.exec_params(
        "INSERT INTO trading_intents (id, tenant_id, user_id, strategy_id, symbol, side, "
        "timeframe, entry_mode, capital, metadata, status) "
        "VALUES ($1, $2, NULL, $3, $4, $5, $6, 'pattern', $7::numeric, $8::jsonb, 'PLANNING')",
        intent_id,
        config.tenant_id,
        config.strategy_id,
        instance.symbol,
        side,
        instance.timeframe,
        config.capital,
        patternIntentMetadata(instance, config).dump());
    txn.exec_params(
        "UPDATE pattern_triggers SET intent_id = $3 WHERE pattern_id = $1 AND config_id = $2",
        instance.id,
        config.id,
        intent_id);
    store::NewJob job;
    job.intent_id = intent_id;
    job.tenant_id = config.tenant_id;
    job.kind = wire::JobKind::Plan;
    auto envelope = store::enqueueJob(txn, job);
    audit(txn,
          config.tenant_id,
          intent_id,
          actor,
          "INTENT_CREATED",
          {{"strategy_id", config.strategy_id},
           {"symbol", instance.symbol},
           {"side", side},
           {"timeframe", instance.timeframe},
           {"entry_mode", "pattern"},
           {"capital", config.capital},
           {"pattern_id", instance.id},
           {"config_id", config.id}});
    return envelope;
}

}  // namespace

nlohmann::json patternIntentMetadata(const StoredInstance& instance, const PatternConfig& config) {
    const auto& candle = instance.trigger_candle;
    nlohmann::json trigger_candle = nlohmann::json::object();
    for (const char* field : {"open", "high", "low", "close", "volume"}) {
        trigger_candle[field] = candle.value(field, "");
    }
    return {{"source", "pattern"},
            {"pattern",
             {{"id", instance.id},
              {"kind", std::string(patterns::toString(instance.detection.kind))},
              {"confidence", instance.detection.confidence.toString()},
              {"direction", std::string(domain::toString(instance.detection.direction))},
              {"trigger_open_time", isoUtc(instance.detection.trigger_open_time_ms)},
              {"trigger_candle", trigger_candle}}},
            {"config_id", config.id},
            {"auto_mode", config.mode}};
}

TriggerOutcome triggerConfigurations(pqxx::work& txn,
                                     const StoredInstance& instance,
                                     const std::string& actor) {
    TriggerOutcome outcome;
    for (const auto& config : untriggeredConfigs(txn, instance)) {
        if (!claimTrigger(txn, instance.id, config.id)) {
            continue;
        }
        const auto decision =
            minConfidenceDecision(instance.detection.confidence, config.min_confidence);
        if (!decision.allowed) {
            recordBelowMinimum(txn, instance, config, decision, actor);
            ++outcome.below_min_confidence;
            continue;
        }
        if (auto envelope = createIntent(txn, instance, config, actor)) {
            outcome.plan_jobs.push_back(*envelope);
        }
        ++outcome.intents_created;
    }
    return outcome;
}

}  // namespace robson::workers
