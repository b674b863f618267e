#pragma once

#include "intent_record.hpp"
#include "robson/wire/job_envelope.hpp"
#include "stage.hpp"

#include <pqxx/pqxx>

#include <optional>
#include <string>

/// Automatic execution of pattern intents (docs/decisions/0005-pattern-scanner.md, "Modes"
/// and "Guardrails"): started by the validate worker when every guardrail allows, stopped by
/// the execute worker when the kill switch went off before anything was placed.
namespace robson::workers {

/// The automatic mode an intent asks for: "DRY_RUN" (auto_dry_run) or "LIVE" (auto_live), or
/// nullopt for anything not made by the scanner in an automatic mode.
[[nodiscard]] std::optional<std::string> automaticModeOf(const nlohmann::json& metadata);

/// In the validate worker's transaction, right after PENDING → VALIDATED or → REJECTED of an
/// automatic pattern intent: with the tenant's autotrigger_settings row locked, judges the
/// guardrails and records each decision (guardrail_decisions + audit). When all allow, does
/// what POST /api/intents/{id}/execute/ does (VALIDATED → EXECUTING, the execute job with
/// {"mode": …}) and audits AUTO_EXECUTION_REQUESTED; returns the job to send after commit.
/// A REJECTED intent is recorded as a blocked `validation` decision. Nothing happens for
/// manual intents, or when the configuration was disabled, deleted or changed mode since.
[[nodiscard]] std::optional<wire::JobEnvelope> startAutomaticExecution(
    pqxx::work& txn,
    const IntentRecord& intent,
    bool validated,
    const std::string& rejection_reason,
    const std::string& actor);

/// True when the execute job was made by an automatic execution (startAutomaticExecution),
/// not by a person's request.
[[nodiscard]] bool startedAutomatically(pqxx::transaction_base& txn, const store::ClaimedJob& job);

/// The execute worker's re-check before the first order of an automatic execution. When the
/// tenant's kill switch is off, the intent goes back EXECUTING → VALIDATED, the job is
/// withdrawn (a person may execute it later), and the blocked kill_switch decision and an
/// AUTO_EXECUTION_STOPPED audit row are written, all in one fenced transaction. Returns true
/// when it stopped the execution.
[[nodiscard]] bool stopIfKillSwitchOff(StageContext& context,
                                       const store::ClaimedJob& job,
                                       const IntentRecord& intent);

}  // namespace robson::workers
