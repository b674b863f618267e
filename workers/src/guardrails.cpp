#include "guardrails.hpp"

#include <algorithm>

namespace robson::workers {

std::string_view toString(Guardrail guardrail) {
    switch (guardrail) {
        case Guardrail::KillSwitch:
            return "kill_switch";
        case Guardrail::DailyCap:
            return "daily_cap";
        case Guardrail::Cooldown:
            return "cooldown";
        case Guardrail::MinConfidence:
            return "min_confidence";
        case Guardrail::Validation:
            return "validation";
    }
    return "kill_switch";
}

namespace {

GuardrailDecision killSwitch(bool enabled) {
    if (enabled) {
        return {Guardrail::KillSwitch, true, "automatic execution is switched on"};
    }
    return {Guardrail::KillSwitch,
            false,
            "automatic execution is switched off (kill switch); the intent waits for a person"};
}

GuardrailDecision dailyCap(const AutoExecutionFacts& facts) {
    const std::string counts = std::to_string(facts.executions_today) + " of " +
                               std::to_string(facts.daily_cap) +
                               " automatic executions used today (UTC)";
    if (facts.executions_today < facts.daily_cap) {
        return {Guardrail::DailyCap, true, counts};
    }
    return {Guardrail::DailyCap, false, "daily cap reached: " + counts};
}

GuardrailDecision cooldown(const AutoExecutionFacts& facts) {
    const std::int64_t cooldown_ms = std::int64_t{facts.cooldown_minutes} * 60'000;
    const std::string window = std::to_string(facts.cooldown_minutes) + "-minute cooldown";
    if (!facts.ms_since_last_on_symbol) {
        return {Guardrail::Cooldown,
                true,
                "no earlier automatic execution on " + facts.symbol + " (" + window + ")"};
    }
    const std::int64_t since_minutes = *facts.ms_since_last_on_symbol / 60'000;
    const std::string last = "the last automatic execution on " + facts.symbol + " was " +
                             std::to_string(since_minutes) + " min ago";
    if (*facts.ms_since_last_on_symbol >= cooldown_ms) {
        return {Guardrail::Cooldown, true, last + " (" + window + ")"};
    }
    return {Guardrail::Cooldown, false, "cooldown: " + last + ", within the " + window};
}

}  // namespace

std::vector<GuardrailDecision> evaluateAutoExecution(const AutoExecutionFacts& facts) {
    return {killSwitch(facts.automation_enabled), dailyCap(facts), cooldown(facts)};
}

bool allAllowed(const std::vector<GuardrailDecision>& decisions) {
    return std::all_of(decisions.begin(), decisions.end(), [](const GuardrailDecision& decision) {
        return decision.allowed;
    });
}

GuardrailDecision minConfidenceDecision(const domain::Decimal& confidence,
                                        const domain::Decimal& min_confidence) {
    const std::string numbers =
        "confidence " + confidence.toString() + ", minimum " + min_confidence.toString();
    if (confidence >= min_confidence) {
        return {Guardrail::MinConfidence, true, numbers};
    }
    return {Guardrail::MinConfidence, false, "below the configuration's minimum: " + numbers};
}

GuardrailDecision validationDecision(const std::string& rejection_reason) {
    return {Guardrail::Validation,
            false,
            "validation rejected the intent" +
                (rejection_reason.empty() ? std::string() : ": " + rejection_reason)};
}

GuardrailDecision killSwitchAtExecution(bool automation_enabled) {
    if (automation_enabled) {
        return {Guardrail::KillSwitch, true, "automatic execution is still switched on"};
    }
    return {Guardrail::KillSwitch,
            false,
            "automatic execution was switched off before the order was placed; nothing was "
            "sent and the intent is VALIDATED again"};
}

}  // namespace robson::workers
