#pragma once
// Ctrl-C while a command waits (validate, status --watch): the wait stops and the command
// exits 130 after saying the intent carries on without it. A second Ctrl-C kills at once.

#include <chrono>
#include <string>

namespace robson::cli {

/// Installs the SIGINT handler for its lifetime and restores the previous one after.
class InterruptScope {
public:
    InterruptScope();
    ~InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;
    InterruptScope(InterruptScope&&) = delete;
    InterruptScope& operator=(InterruptScope&&) = delete;

    /// True once Ctrl-C was pressed inside this scope.
    [[nodiscard]] static bool requested();
    /// Sleeps `duration` in short slices; false as soon as Ctrl-C is pressed.
    static bool sleepFor(std::chrono::milliseconds duration);
};

/// Now as RFC 3339 UTC with seconds ("2026-01-01T10:00:00Z"), for watch lines.
[[nodiscard]] std::string utcNow();

}  // namespace robson::cli
