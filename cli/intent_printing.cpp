#include "intent_printing.hpp"

#include "json_text.hpp"
#include "text_table.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace robson::cli {
namespace {

using nlohmann::json;

/// "  Label       value", labels padded to `width` so the values line up.
void line(std::ostream& out,
          std::string_view label,
          const std::string& value,
          std::size_t width = 12) {
    std::string text = "  ";
    text.append(label);
    text.append(label.size() < width ? width - label.size() : 1, ' ');
    out << text << value << "\n";
}

std::string strategyText(const json& intent) {
    const json& strategy = member(intent, "strategy");
    if (strategy.is_object()) {
        return field(strategy, "name") + " (id " + field(strategy, "id") + ")";
    }
    return displayText(strategy);
}

/// Scalars of one explanation object as "key: value", nested values skipped (--json has them).
void printScalars(const json& object, std::string_view title, std::ostream& out) {
    if (!object.is_object() || object.empty()) {
        return;
    }
    std::size_t width = 0;
    for (const auto& [key, value] : object.items()) {
        width = std::max(width, key.size() + 2);
    }
    out << title << "\n";
    for (const auto& [key, value] : object.items()) {
        if (!value.is_structured()) {
            line(out, displayText(json(key)), displayText(value), width);
        }
    }
}

/// "  ACTION  key=value ..." per audit entry, actions padded to one width.
void printAuditTrail(const json& trail, std::ostream& out) {
    if (!trail.is_array() || trail.empty()) {
        return;
    }
    TextTable table({"ACTION", "DETAILS"});
    for (const auto& entry : trail) {
        std::string details;
        if (entry.is_object()) {
            for (const auto& [key, value] : entry.items()) {
                if (key != "action") {
                    details += (details.empty() ? "" : "  ") + displayText(json(key)) + "=" +
                               displayText(value);
                }
            }
        }
        table.addRow({field(entry, "action"), details});
    }
    out << "Audit trail\n";
    table.print(out, "  ");
}

}  // namespace

bool isTerminalStatus(const std::string& status) {
    static constexpr std::array<std::string_view, 4> kTerminal = {
        "REJECTED", "EXECUTED", "FAILED", "CANCELLED"};
    return std::ranges::any_of(kTerminal,
                               [&status](std::string_view terminal) { return status == terminal; });
}

void printIntentSummary(const json& intent, std::ostream& out) {
    out << "Intent " << field(intent, "intent_id") << "  " << field(intent, "status") << "\n";
    if (const auto reason = field(intent, "status_reason", ""); !reason.empty()) {
        line(out, "Reason", reason);
    }
    line(out, "Strategy", strategyText(intent));
    line(out,
         "Market",
         field(intent, "symbol") + " " + field(intent, "side") + " " + field(intent, "timeframe"));
    line(out, "Capital", field(intent, "capital"));
    line(out, "Quantity", field(intent, "quantity"));
    line(out, "Entry", field(intent, "entry_price"));
    line(out, "Stop", field(intent, "stop_price"));
    line(out,
         "Risk",
         field(intent, "risk_amount") + " (" + field(intent, "risk_percent") + " % of capital)");
    if (const auto confidence = field(intent, "confidence", ""); !confidence.empty()) {
        line(out, "Confidence", confidence);
    }
}

void printPlanDetails(const json& plan, std::ostream& out) {
    printScalars(member(plan, "stop"), "Technical stop", out);
    printScalars(member(plan, "sizing"), "Position size", out);
}

void printValidation(const json& validation_result, std::ostream& out) {
    if (!validation_result.is_object()) {
        out << "Guards: not checked yet\n";
        return;
    }
    out << "Guards: " << field(validation_result, "status") << "\n";
    TextTable table({"RESULT", "GUARD", "MESSAGE"});
    const json& guards = member(validation_result, "guards");
    if (guards.is_array()) {
        for (const auto& guard : guards) {
            table.addRow({field(guard, "status"), field(guard, "name"), field(guard, "message")});
        }
    }
    table.print(out, "  ");
    const json& warnings = member(validation_result, "warnings");
    if (warnings.is_array()) {
        for (const auto& warning : warnings) {
            out << "  warning: " << displayText(warning) << "\n";
        }
    }
}

void printExecution(const json& execution_result, std::ostream& out) {
    if (!execution_result.is_object()) {
        out << "Execution: none yet\n";
        return;
    }
    out << "Execution: " << field(execution_result, "status") << " ("
        << field(execution_result, "mode") << ")";
    if (const auto at = field(execution_result, "executed_at", ""); !at.empty()) {
        out << " at " << at;
    }
    out << "\n";
    if (const auto error = field(execution_result, "error", ""); !error.empty()) {
        line(out, "Error", error);
    }
    TextTable orders({"TYPE",
                      "SIDE",
                      "ORDER TYPE",
                      "QUANTITY",
                      "PRICE",
                      "STOP PRICE",
                      "EXCHANGE ID",
                      "STATUS",
                      "CLIENT ID"});
    const json& order_list = member(execution_result, "orders");
    if (order_list.is_array()) {
        for (const auto& order : order_list) {
            orders.addRow({field(order, "type"),
                           field(order, "side"),
                           field(order, "order_type"),
                           field(order, "quantity"),
                           field(order, "price"),
                           field(order, "stop_price"),
                           field(order, "binance_order_id"),
                           field(order, "status"),
                           field(order, "client_order_id")});
        }
    }
    orders.print(out, "  ");
    printAuditTrail(member(execution_result, "audit_trail"), out);
}

void printIntentList(const json& page, std::ostream& out) {
    TextTable table({"INTENT",
                     "STATUS",
                     "SYMBOL",
                     "SIDE",
                     "CAPITAL",
                     "QUANTITY",
                     "ENTRY",
                     "STOP",
                     "RISK",
                     "CREATED"});
    const json& results = member(page, "results");
    for (const auto& intent : results) {
        table.addRow({field(intent, "intent_id"),
                      field(intent, "status"),
                      field(intent, "symbol"),
                      field(intent, "side"),
                      field(intent, "capital"),
                      field(intent, "quantity"),
                      field(intent, "entry_price"),
                      field(intent, "stop_price"),
                      field(intent, "risk_amount"),
                      field(intent, "created_at")});
    }
    table.print(out);
    out << "page " << field(page, "page") << " (" << field(page, "page_size") << " per page), "
        << field(page, "count") << " intent(s) in all\n";
}

}  // namespace robson::cli
