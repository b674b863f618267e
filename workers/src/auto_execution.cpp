#include "auto_execution.hpp"

#include "guardrails.hpp"
#include "robson/store/autotrigger.hpp"
#include "robson/store/job_queue.hpp"

namespace robson::workers {
namespace {

struct PatternSource {
    std::optional<std::int64_t> config_id;
    std::optional<std::int64_t> pattern_id;
    std::string auto_mode;
};

std::optional<std::int64_t> optionalId(const nlohmann::json& value) {
    if (value.is_number_integer()) {
        return value.get<std::int64_t>();
    }
    return std::nullopt;
}

PatternSource sourceOf(const nlohmann::json& metadata) {
    PatternSource source;
    if (!metadata.is_object()) {
        return source;
    }
    source.config_id = optionalId(metadata.value("config_id", nlohmann::json()));
    const auto pattern = metadata.value("pattern", nlohmann::json::object());
    if (pattern.is_object()) {
        source.pattern_id = optionalId(pattern.value("id", nlohmann::json()));
    }
    const auto mode = metadata.value("auto_mode", nlohmann::json());
    source.auto_mode = mode.is_string() ? mode.get<std::string>() : "";
    return source;
}

void record(pqxx::work& txn,
            const IntentRecord& intent,
            const PatternSource& source,
            const GuardrailDecision& decision,
            const std::string& actor) {
    store::GuardrailDecisionRow row;
    row.tenant_id = intent.tenant_id;
    row.config_id = source.config_id;
    row.pattern_id = source.pattern_id;
    row.intent_id = intent.id;
    row.symbol = intent.symbol;
    row.guardrail = std::string(toString(decision.guardrail));
    row.allowed = decision.allowed;
    row.reason = decision.reason;
    store::insertGuardrailDecision(txn, row);
    appendAudit(txn,
                intent,
                actor,
                decision.allowed ? "GUARDRAIL_ALLOWED" : "GUARDRAIL_BLOCKED",
                {{"guardrail", row.guardrail}, {"reason", row.reason}});
}

/// Why the configuration no longer asks for this automatic execution, or "" when it still
/// does: disabled, deleted, switched to another mode, or LIVE without the acknowledgement.
std::string configurationObjection(pqxx::work& txn, const PatternSource& source) {
    if (!source.config_id) {
        return "the intent names no configuration";
    }
    const pqxx::result rows = txn.exec_params(
        "SELECT enabled, mode, risk_acknowledged_at IS NOT NULL FROM pattern_configs "
        " WHERE id = $1",
        *source.config_id);
    if (rows.empty()) {
        return "its configuration was deleted";
    }
    if (!rows[0][0].as<bool>()) {
        return "its configuration was disabled";
    }
    if (rows[0][1].as<std::string>() != source.auto_mode) {
        return "its configuration's mode is now " + rows[0][1].as<std::string>();
    }
    if (source.auto_mode == "auto_live" && !rows[0][2].as<bool>()) {
        return "LIVE automation was not acknowledged";
    }
    return "";
}

}  // namespace

std::optional<std::string> automaticModeOf(const nlohmann::json& metadata) {
    if (!metadata.is_object() || metadata.value("source", nlohmann::json()) != "pattern") {
        return std::nullopt;
    }
    const auto source = sourceOf(metadata);
    if (source.auto_mode == "auto_dry_run") {
        return "DRY_RUN";
    }
    if (source.auto_mode == "auto_live") {
        return "LIVE";
    }
    return std::nullopt;
}

std::optional<wire::JobEnvelope> startAutomaticExecution(pqxx::work& txn,
                                                         const IntentRecord& intent,
                                                         bool validated,
                                                         const std::string& rejection_reason,
                                                         const std::string& actor) {
    const auto mode = automaticModeOf(intent.metadata);
    if (!mode) {
        return std::nullopt;  // manual: the validated intent waits for a person
    }
    const auto source = sourceOf(intent.metadata);
    if (!validated) {
        record(txn, intent, source, validationDecision(rejection_reason), actor);
        return std::nullopt;
    }
    if (const auto objection = configurationObjection(txn, source); !objection.empty()) {
        appendAudit(txn,
                    intent,
                    actor,
                    "AUTO_EXECUTION_SKIPPED",
                    {{"reason", objection + "; the intent waits for a person"}});
        return std::nullopt;
    }
    // Concurrent validations of one tenant serialize here, so the counts below stay true
    // until this transaction commits.
    const auto settings = store::lockAutotriggerSettings(txn, intent.tenant_id);
    AutoExecutionFacts facts;
    facts.automation_enabled = settings.enabled;
    facts.daily_cap = settings.daily_cap;
    facts.cooldown_minutes = settings.cooldown_minutes;
    facts.executions_today = store::autoExecutionsToday(txn, intent.tenant_id);
    facts.ms_since_last_on_symbol =
        store::msSinceLastAutoExecution(txn, intent.tenant_id, intent.symbol);
    facts.symbol = intent.symbol;
    const auto decisions = evaluateAutoExecution(facts);
    for (const auto& decision : decisions) {
        record(txn, intent, source, decision, actor);
    }
    if (!allAllowed(decisions)) {
        return std::nullopt;  // stays VALIDATED, in the pending-confirmation list
    }
    // What the API's execute endpoint does: the guarded move and the execute job.
    const pqxx::result moved = txn.exec_params(
        "UPDATE trading_intents SET status = 'EXECUTING', updated_at = now() "
        "WHERE id = $1 AND tenant_id = $2 AND status = 'VALIDATED'",
        intent.id,
        intent.tenant_id);
    if (moved.affected_rows() != 1) {
        return std::nullopt;
    }
    store::NewJob job;
    job.intent_id = intent.id;
    job.tenant_id = intent.tenant_id;
    job.kind = wire::JobKind::Execute;
    job.payload_json = nlohmann::json{{"mode", *mode}}.dump();
    auto envelope = store::enqueueJob(txn, job);
    appendAudit(txn,
                intent,
                actor,
                store::kAutoExecutionAction,
                {{"mode", *mode},
                 {"config_id", source.config_id ? nlohmann::json(*source.config_id) : nullptr}});
    return envelope;
}

bool startedAutomatically(pqxx::transaction_base& txn, const store::ClaimedJob& job) {
    // The validate worker writes the execute job and its AUTO_EXECUTION_REQUESTED row in one
    // transaction, so both carry that transaction's now(); a person's later execution makes a
    // new job with a later time.
    return !txn.exec_params(
                   "SELECT 1 FROM jobs j JOIN audit_trail a ON a.intent_id = j.intent_id "
                   " WHERE j.id = $1 AND a.action = $2 AND a.created_at = j.created_at",
                   job.job_id,
                   store::kAutoExecutionAction)
                .empty();
}

bool stopIfKillSwitchOff(StageContext& context,
                         const store::ClaimedJob& job,
                         const IntentRecord& intent) {
    pqxx::work txn(context.db);
    const auto has_orders =
        !txn.exec_params("SELECT 1 FROM orders WHERE intent_id = $1 LIMIT 1", intent.id).empty();
    if (has_orders || !startedAutomatically(txn, job)) {
        return false;  // a person's execution, or one already under way: not ours to stop
    }
    // FOR SHARE: a PUT switching it off waits for us, or we see its result.
    const pqxx::result settings =
        txn.exec_params("SELECT enabled FROM autotrigger_settings WHERE tenant_id = $1 FOR SHARE",
                        intent.tenant_id);
    const bool enabled = settings.empty() || settings[0][0].as<bool>();
    if (enabled) {
        return false;
    }
    const pqxx::result moved = txn.exec_params(
        "UPDATE trading_intents SET status = 'VALIDATED', updated_at = now() "
        " WHERE id = $1 AND status = 'EXECUTING'",
        intent.id);
    if (moved.affected_rows() != 1) {
        return false;
    }
    record(txn, intent, sourceOf(intent.metadata), killSwitchAtExecution(false), context.actor);
    appendAudit(txn,
                intent,
                context.actor,
                "AUTO_EXECUTION_STOPPED",
                {{"reason", "the kill switch is off; nothing was placed"}});
    store::withdrawJob(txn, job);
    txn.commit();
    return true;
}

}  // namespace robson::workers
