// Names of the random fault kinds, as the command line and the admin API spell them.
#include "robson/sim/http/faults.hpp"

#include <string>

namespace robson::sim {

std::string_view toString(FaultKind kind) {
    switch (kind) {
        case FaultKind::Http5xx:
            return "http_5xx";
        case FaultKind::UnknownStatus:
            return "unknown_status";
        case FaultKind::DropConnection:
            return "drop_connection";
        case FaultKind::RejectStop:
            return "reject_stop";
        case FaultKind::RateLimit:
            return "rate_limit";
    }
    return "?";
}

std::optional<FaultKind> parseFaultKind(std::string_view text) {
    for (const FaultKind kind : kAllFaultKinds) {
        if (toString(kind) == text) {
            return kind;
        }
    }
    return std::nullopt;
}

std::optional<std::vector<FaultKind>> parseFaultKindList(std::string_view text) {
    std::vector<FaultKind> kinds;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto kind = parseFaultKind(text.substr(0, comma));
        if (!kind) {
            return std::nullopt;
        }
        kinds.push_back(*kind);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return kinds;
}

}  // namespace robson::sim
