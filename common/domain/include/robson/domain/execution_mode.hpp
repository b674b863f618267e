#pragma once

#include <optional>
#include <string_view>

namespace robson::domain {

/// Whether an intent is rehearsed (DRY_RUN: nothing reaches the exchange; the default) or
/// sent for real (LIVE). The guards are stricter in LIVE: missing data is a FAIL there and
/// only a WARNING in a rehearsal.
enum class ExecutionMode { DryRun, Live };

/// "DRY_RUN" / "LIVE", as the API and the CLI spell them.
[[nodiscard]] constexpr std::string_view toString(ExecutionMode mode) {
    return mode == ExecutionMode::Live ? "LIVE" : "DRY_RUN";
}

/// The inverse of toString (exact, upper case); nullopt for anything else.
[[nodiscard]] constexpr std::optional<ExecutionMode> parseExecutionMode(std::string_view text) {
    if (text == "DRY_RUN") {
        return ExecutionMode::DryRun;
    }
    if (text == "LIVE") {
        return ExecutionMode::Live;
    }
    return std::nullopt;
}

}  // namespace robson::domain
