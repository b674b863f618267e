#include "robson/domain/intent_status.hpp"

#include <algorithm>
#include <string>

namespace robson::domain {
namespace {

std::string transitionMessage(IntentStatus from, IntentStatus to) {
    std::string message = "cannot move an intent from ";
    message += toString(from);
    message += " to ";
    message += toString(to);
    return message;
}

}  // namespace

std::string_view toString(IntentStatus status) {
    switch (status) {
        case IntentStatus::Planning:
            return "PLANNING";
        case IntentStatus::Pending:
            return "PENDING";
        case IntentStatus::Validated:
            return "VALIDATED";
        case IntentStatus::Rejected:
            return "REJECTED";
        case IntentStatus::Executing:
            return "EXECUTING";
        case IntentStatus::Executed:
            return "EXECUTED";
        case IntentStatus::Failed:
            return "FAILED";
        case IntentStatus::Cancelled:
            return "CANCELLED";
    }
    return "UNKNOWN";
}

std::optional<IntentStatus> parseIntentStatus(std::string_view text) {
    for (const IntentStatus status : kIntentStatuses) {
        if (toString(status) == text) {
            return status;
        }
    }
    return std::nullopt;
}

bool canTransition(IntentStatus from, IntentStatus to) {
    return std::any_of(kIntentTransitions.begin(),
                       kIntentTransitions.end(),
                       [&](const IntentTransition& t) { return t.from == from && t.to == to; });
}

bool isTerminal(IntentStatus status) {
    return std::none_of(kIntentTransitions.begin(),
                        kIntentTransitions.end(),
                        [&](const IntentTransition& t) { return t.from == status; });
}

std::vector<IntentStatus> allowedNext(IntentStatus from) {
    std::vector<IntentStatus> next;
    for (const IntentTransition& transition : kIntentTransitions) {
        if (transition.from == from) {
            next.push_back(transition.to);
        }
    }
    return next;
}

IllegalTransition::IllegalTransition(IntentStatus from, IntentStatus to)
    : std::logic_error(transitionMessage(from, to)), from_(from), to_(to) {}

void requireTransition(IntentStatus from, IntentStatus to) {
    if (!canTransition(from, to)) {
        throw IllegalTransition(from, to);
    }
}

}  // namespace robson::domain
