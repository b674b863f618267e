#pragma once

#include "robson/domain/guards/guard_result.hpp"
#include "robson/domain/guards/validation_context.hpp"
#include "robson/domain/intent_status.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace robson::domain {

/// The "validation_result" of an intent: the five guards' verdicts and their summary.
/// Keep it consistent through validate() and addFinding(); `status` and `warnings` are derived
/// from `guards`.
struct ValidationReport {
    /// FAIL if any result FAILs, else WARNING if any warns, else PASS.
    GuardStatus status = GuardStatus::Pass;
    /// The five guards in runGuards order, then any findings added later (e.g. the paper
    /// simulation's), in the order they were added.
    std::vector<GuardResult> guards;
    /// The messages of every WARNING result, in the order of `guards`.
    std::vector<std::string> warnings;
    std::int64_t validated_at_ms = 0;

    friend bool operator==(const ValidationReport&, const ValidationReport&) = default;
};

/// Runs all five guards and summarises them, stamped with now_ms (the caller's clock: the
/// domain has none). The guards judge market-data age at context.market.now_ms; callers pass
/// the same instant for both.
[[nodiscard]] ValidationReport validate(const ValidationContext& context,
                                        const GuardLimits& limits,
                                        std::int64_t now_ms);

/// Appends a further finding (a paper-simulation result, an extra check) and recomputes
/// status and warnings, so a later FAIL still blocks and a later WARNING is still shown.
void addFinding(ValidationReport& report, GuardResult finding);

/// The status a PENDING intent moves to after this validation: REJECTED on FAIL, otherwise
/// VALIDATED. A WARNING never blocks (the original blocked on its unconditional warning).
[[nodiscard]] IntentStatus intentAfterValidation(const ValidationReport& report);

}  // namespace robson::domain
