#pragma once
// How the scanner's answers read on a terminal: the pattern feed, the configurations, the
// automation settings and a scan's outcome. Every figure is the string the API sent.

#include <nlohmann/json.hpp>

#include <ostream>

namespace robson::cli {

/// One row per pattern instance (newest first, as the API sends them).
void printPatternTable(const nlohmann::json& patterns, std::ostream& out);

/// A page of GET /api/patterns/: the table, then where the page is.
void printPatternPage(const nlohmann::json& page, std::ostream& out);

/// One row per pattern configuration.
void printPatternConfigs(const nlohmann::json& configs, std::ostream& out);

/// The kill switch, the daily cap and the cooldown, in words.
void printAutotrigger(const nlohmann::json& settings, std::ostream& out);

/// A finished scan in one line: "done: 260 candles, 3 detection(s), 1 new" or the error.
[[nodiscard]] std::string scanOutcome(const nlohmann::json& scan);

}  // namespace robson::cli
