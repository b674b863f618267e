#include "robson/domain/validation_report.hpp"

#include "robson/domain/guards/run_guards.hpp"

#include <utility>

namespace robson::domain {
namespace {

/// Re-derives the summary fields from the results, the single source of truth.
void summarise(ValidationReport& report) {
    report.status = worstStatus(report.guards);
    report.warnings.clear();
    for (const GuardResult& result : report.guards) {
        if (result.status == GuardStatus::Warning) {
            report.warnings.push_back(result.message);
        }
    }
}

}  // namespace

ValidationReport validate(const ValidationContext& context,
                          const GuardLimits& limits,
                          std::int64_t now_ms) {
    ValidationReport report;
    report.guards = runGuards(context, limits);
    report.validated_at_ms = now_ms;
    summarise(report);
    return report;
}

void addFinding(ValidationReport& report, GuardResult finding) {
    report.guards.push_back(std::move(finding));
    summarise(report);
}

IntentStatus intentAfterValidation(const ValidationReport& report) {
    return report.status == GuardStatus::Fail ? IntentStatus::Rejected : IntentStatus::Validated;
}

}  // namespace robson::domain
