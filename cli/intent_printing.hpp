#pragma once
// How intents, guard checks, executions and lists read on a terminal. Every figure is the
// string the API sent: the CLI never recomputes or reformats an amount.

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

namespace robson::cli {

/// The intent's headline and its plan figures: id, status, strategy, market, capital,
/// quantity, entry, stop, risk.
void printIntentSummary(const nlohmann::json& intent, std::ostream& out);

/// The scalar facts of the plan's stop and sizing explanations, whatever their keys.
void printPlanDetails(const nlohmann::json& plan, std::ostream& out);

/// Each guard as PASS / WARNING / FAIL with its message, then the overall result.
void printValidation(const nlohmann::json& validation_result, std::ostream& out);

/// The orders (type, side, order type, quantity, price, stop price, exchange id, status) and
/// the audit trail of an execution_result.
void printExecution(const nlohmann::json& execution_result, std::ostream& out);

/// One line per intent of a history page.
void printIntentList(const nlohmann::json& page, std::ostream& out);

/// True for the statuses an intent never leaves.
[[nodiscard]] bool isTerminalStatus(const std::string& status);

}  // namespace robson::cli
