#pragma once

#include "robson/domain/decimal.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// The guardrails of automatic execution (docs/decisions/0005-pattern-scanner.md), as pure
/// functions of counts and times: the worker reads the facts in its transaction, these decide,
/// and the worker records every decision (guardrail_decisions + audit).
namespace robson::workers {

enum class Guardrail { KillSwitch, DailyCap, Cooldown, MinConfidence, Validation };

/// "kill_switch", "daily_cap", "cooldown", "min_confidence", "validation" (the table's names).
[[nodiscard]] std::string_view toString(Guardrail guardrail);

struct GuardrailDecision {
    Guardrail guardrail = Guardrail::KillSwitch;
    bool allowed = false;
    std::string reason;  ///< one sentence with the numbers, for the person and the audit

    friend bool operator==(const GuardrailDecision&, const GuardrailDecision&) = default;
};

/// What the guardrails of one automatic execution are judged on, read in the transaction that
/// holds the tenant's settings row locked.
struct AutoExecutionFacts {
    bool automation_enabled = true;  ///< autotrigger_settings.enabled (false: the kill switch)
    int daily_cap = 10;
    int cooldown_minutes = 60;
    std::int64_t executions_today = 0;  ///< automatic executions started since 00:00 UTC
    /// Time since the tenant's last automatic execution on the same symbol; nullopt: never.
    std::optional<std::int64_t> ms_since_last_on_symbol;
    std::string symbol;
};

/// The three decisions (kill_switch, daily_cap, cooldown), each allowed or blocked, always all
/// three so the person sees every reason at once.
[[nodiscard]] std::vector<GuardrailDecision> evaluateAutoExecution(const AutoExecutionFacts& facts);

/// True when every decision allows.
[[nodiscard]] bool allAllowed(const std::vector<GuardrailDecision>& decisions);

/// A confirmed pattern triggers a configuration only at confidence ≥ its minimum.
[[nodiscard]] GuardrailDecision minConfidenceDecision(const domain::Decimal& confidence,
                                                      const domain::Decimal& min_confidence);

/// A REJECTED intent is never executed: the `validation` decision, blocked, with the reasons.
[[nodiscard]] GuardrailDecision validationDecision(const std::string& rejection_reason);

/// The execute worker's re-check just before an automatic order: the switch went off.
[[nodiscard]] GuardrailDecision killSwitchAtExecution(bool automation_enabled);

}  // namespace robson::workers
