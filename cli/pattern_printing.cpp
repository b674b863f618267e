#include "pattern_printing.hpp"

#include "json_text.hpp"
#include "text_table.hpp"

namespace robson::cli {
namespace {

using nlohmann::json;

/// "intent-1 VALIDATED, intent-2 EXECUTED", or "-" when the pattern made none of ours.
std::string intentsText(const json& intents) {
    if (!intents.is_array() || intents.empty()) {
        return "-";
    }
    std::string text;
    for (const auto& intent : intents) {
        text += text.empty() ? "" : ", ";
        text += field(intent, "id");
        text += ' ';
        text += field(intent, "status");
    }
    return text;
}

std::string joined(const json& list) {
    if (!list.is_array()) {
        return displayText(list);
    }
    std::string text;
    for (const auto& item : list) {
        text += text.empty() ? "" : ",";
        text += displayText(item);
    }
    return text;
}

}  // namespace

void printPatternTable(const json& patterns, std::ostream& out) {
    TextTable table({"ID",
                     "DETECTED",
                     "SYMBOL",
                     "TF",
                     "PATTERN",
                     "SIDE",
                     "CONF",
                     "STATE",
                     "CONFIRM AT",
                     "INVALID AT",
                     "YOUR INTENTS"});
    for (const auto& pattern : patterns) {
        table.addRow({field(pattern, "id"),
                      field(pattern, "detected_at"),
                      field(pattern, "symbol"),
                      field(pattern, "timeframe"),
                      field(pattern, "pattern"),
                      field(pattern, "direction"),
                      field(pattern, "confidence"),
                      field(pattern, "state"),
                      field(pattern, "confirmation_level"),
                      field(pattern, "invalidation_level"),
                      intentsText(member(pattern, "intents"))});
    }
    table.print(out);
}

void printPatternPage(const json& page, std::ostream& out) {
    const json& results = member(page, "results");
    if (!results.is_array() || results.empty()) {
        out << "No patterns found.\n";
    } else {
        printPatternTable(results, out);
    }
    out << "page " << field(page, "page") << " (" << field(page, "page_size") << " per page), "
        << field(page, "count") << " pattern(s) in all\n";
}

void printPatternConfigs(const json& configs, std::ostream& out) {
    if (!configs.is_array() || configs.empty()) {
        out << "No pattern configurations: confirmed patterns make no intents for you yet.\n";
        return;
    }
    TextTable table({"ID",
                     "PATTERN",
                     "SYMBOLS",
                     "TIMEFRAMES",
                     "MIN CONF",
                     "CAPITAL",
                     "MODE",
                     "ENABLED",
                     "STRATEGY"});
    for (const auto& config : configs) {
        std::string mode = field(config, "mode");
        if (mode == "auto_live" && member(config, "risk_acknowledged_at").is_string()) {
            mode += " (risk acknowledged ";
            mode += field(config, "risk_acknowledged_at");
            mode += ')';
        }
        table.addRow({field(config, "id"),
                      field(config, "pattern"),
                      joined(member(config, "symbols")),
                      joined(member(config, "timeframes")),
                      field(config, "min_confidence"),
                      field(config, "capital"),
                      mode,
                      member(config, "enabled") == true ? "yes" : "no",
                      field(config, "strategy_name")});
    }
    table.print(out);
}

void printAutotrigger(const json& settings, std::ostream& out) {
    const bool enabled = member(settings, "enabled") == true;
    out << "Automatic execution: " << (enabled ? "ON" : "OFF (kill switch engaged)") << "\n";
    if (!enabled) {
        out << "  No automatic execution starts; pattern intents wait for you to execute or "
               "cancel them.\n";
    }
    out << "  Daily cap:    " << field(settings, "daily_cap") << " automatic execution(s) a day ("
        << field(settings, "auto_executions_today") << " started today, UTC)\n";
    out << "  Cooldown:     " << field(settings, "cooldown_minutes")
        << " minute(s) between automatic executions on one symbol\n";
    if (member(settings, "updated_by").is_string()) {
        out << "  Last changed: " << field(settings, "updated_at") << " by "
            << field(settings, "updated_by") << "\n";
    }
}

std::string scanOutcome(const json& scan) {
    const std::string state = field(scan, "state");
    if (state == "failed") {
        std::string outcome = "failed: ";
        outcome += field(scan, "error", "no reason given");
        return outcome;
    }
    return state + ": " + field(scan, "candles_scanned") + " candles, " +
           field(scan, "detections") + " detection(s), " + field(scan, "new_patterns") + " new";
}

}  // namespace robson::cli
