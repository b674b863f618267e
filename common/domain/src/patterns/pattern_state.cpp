// A pattern instance's lifecycle: the names stored in PostgreSQL and the forward-only moves.
#include "robson/domain/patterns/pattern.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace robson::domain::patterns {
namespace {

constexpr std::array<PatternState, 5> kStates{PatternState::Detected,
                                              PatternState::Confirmed,
                                              PatternState::Consumed,
                                              PatternState::Expired,
                                              PatternState::Invalidated};

constexpr std::array<std::pair<PatternState, PatternState>, 5> kMoves{{
    {PatternState::Detected, PatternState::Confirmed},
    {PatternState::Detected, PatternState::Expired},
    {PatternState::Detected, PatternState::Invalidated},
    {PatternState::Confirmed, PatternState::Consumed},
    {PatternState::Confirmed, PatternState::Expired},
}};

}  // namespace

std::string_view toString(PatternState state) {
    switch (state) {
        case PatternState::Detected:
            return "DETECTED";
        case PatternState::Confirmed:
            return "CONFIRMED";
        case PatternState::Consumed:
            return "CONSUMED";
        case PatternState::Expired:
            return "EXPIRED";
        case PatternState::Invalidated:
            return "INVALIDATED";
    }
    return "UNKNOWN";
}

std::optional<PatternState> parsePatternState(std::string_view text) {
    for (const PatternState state : kStates) {
        if (toString(state) == text) {
            return state;
        }
    }
    return std::nullopt;
}

bool canTransition(PatternState from, PatternState to) {
    return std::any_of(kMoves.begin(), kMoves.end(), [&](const auto& move) {
        return move.first == from && move.second == to;
    });
}

bool isFinal(PatternState state) {
    return std::none_of(
        kMoves.begin(), kMoves.end(), [&](const auto& move) { return move.first == state; });
}

}  // namespace robson::domain::patterns
