#pragma once

#include <array>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace robson::domain {

/// Where a trading intent is in its life: asked for and being planned (PLANNING), planned
/// (PENDING), checked by the five guards (VALIDATED or REJECTED), being sent to the exchange
/// (EXECUTING), and how that ended.
enum class IntentStatus {
    Planning,
    Pending,
    Validated,
    Rejected,
    Executing,
    Executed,
    Failed,
    Cancelled
};

/// Every status once, in declaration order; for exhaustive loops and tables.
inline constexpr std::array<IntentStatus, 8> kIntentStatuses{IntentStatus::Planning,
                                                             IntentStatus::Pending,
                                                             IntentStatus::Validated,
                                                             IntentStatus::Rejected,
                                                             IntentStatus::Executing,
                                                             IntentStatus::Executed,
                                                             IntentStatus::Failed,
                                                             IntentStatus::Cancelled};

/// One allowed move of the state machine.
struct IntentTransition {
    IntentStatus from;
    IntentStatus to;
};

/// THE transition table; nothing outside it is allowed. Cancelling is only possible before
/// the executor claims the intent (PENDING or VALIDATED), because once EXECUTING an order may
/// already be on the exchange; terminal states (REJECTED, EXECUTED, FAILED, CANCELLED) have no
/// exits, so a finished intent can never be executed twice. A rejected intent is planned
/// again rather than revived. PLANNING ends REJECTED when the market allows no valid stop or
/// size, and FAILED when the plan could not be computed at all (exchange unreachable past the
/// job's deadline).
inline constexpr std::array<IntentTransition, 11> kIntentTransitions{{
    {IntentStatus::Planning, IntentStatus::Pending},
    {IntentStatus::Planning, IntentStatus::Rejected},
    {IntentStatus::Planning, IntentStatus::Failed},
    {IntentStatus::Planning, IntentStatus::Cancelled},
    {IntentStatus::Pending, IntentStatus::Validated},
    {IntentStatus::Pending, IntentStatus::Rejected},
    {IntentStatus::Pending, IntentStatus::Cancelled},
    {IntentStatus::Validated, IntentStatus::Executing},
    {IntentStatus::Validated, IntentStatus::Cancelled},
    {IntentStatus::Executing, IntentStatus::Executed},
    {IntentStatus::Executing, IntentStatus::Failed},
}};

/// Wire spelling: "PLANNING", "PENDING", "VALIDATED", "REJECTED", "EXECUTING", "EXECUTED",
/// "FAILED", "CANCELLED".
[[nodiscard]] std::string_view toString(IntentStatus status);
/// The inverse of toString (exact, upper case); nullopt for anything else.
[[nodiscard]] std::optional<IntentStatus> parseIntentStatus(std::string_view text);

/// True when kIntentTransitions lists from → to.
[[nodiscard]] bool canTransition(IntentStatus from, IntentStatus to);
/// True when no transition leaves the status: the intent's story is over.
[[nodiscard]] bool isTerminal(IntentStatus status);
/// The statuses reachable in one step from `from`, in table order (empty when terminal).
[[nodiscard]] std::vector<IntentStatus> allowedNext(IntentStatus from);

/// A caller tried a move the state machine forbids. A logic error: the application must ask
/// canTransition (or compare-and-set on the stored status) before moving an intent.
class IllegalTransition : public std::logic_error {
public:
    IllegalTransition(IntentStatus from, IntentStatus to);

    [[nodiscard]] IntentStatus from() const { return from_; }
    [[nodiscard]] IntentStatus to() const { return to_; }

private:
    IntentStatus from_;
    IntentStatus to_;
};

/// Does nothing when from → to is allowed; throws IllegalTransition otherwise, with the
/// message "cannot move an intent from EXECUTED to CANCELLED".
void requireTransition(IntentStatus from, IntentStatus to);

}  // namespace robson::domain
