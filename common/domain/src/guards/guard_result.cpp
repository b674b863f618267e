#include "robson/domain/guards/guard_result.hpp"

#include <utility>

namespace robson::domain {

std::string_view toString(GuardStatus status) {
    switch (status) {
        case GuardStatus::Pass:
            return "PASS";
        case GuardStatus::Warning:
            return "WARNING";
        case GuardStatus::Fail:
            return "FAIL";
    }
    return "UNKNOWN";
}

std::optional<GuardStatus> parseGuardStatus(std::string_view text) {
    for (const GuardStatus status : {GuardStatus::Pass, GuardStatus::Warning, GuardStatus::Fail}) {
        if (toString(status) == text) {
            return status;
        }
    }
    return std::nullopt;
}

GuardStatus worse(GuardStatus a, GuardStatus b) {
    // Declaration order is severity order.
    return a < b ? b : a;
}

GuardResult GuardResult::pass(std::string_view name, std::string message) {
    return {std::string(name), GuardStatus::Pass, std::move(message), {}};
}

GuardResult GuardResult::warning(std::string_view name,
                                 std::string message,
                                 std::string_view code) {
    return {std::string(name), GuardStatus::Warning, std::move(message), std::string(code)};
}

GuardResult GuardResult::fail(std::string_view name, std::string message, std::string_view code) {
    return {std::string(name), GuardStatus::Fail, std::move(message), std::string(code)};
}

GuardResult GuardResult::unknownData(ExecutionMode mode,
                                     std::string_view name,
                                     std::string message,
                                     std::string_view code) {
    return mode == ExecutionMode::Live ? fail(name, std::move(message), code)
                                       : warning(name, std::move(message), code);
}

GuardStatus worstStatus(std::span<const GuardResult> results) {
    GuardStatus worst = GuardStatus::Pass;
    for (const GuardResult& result : results) {
        worst = worse(worst, result.status);
    }
    return worst;
}

}  // namespace robson::domain
