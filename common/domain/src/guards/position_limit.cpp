#include "robson/domain/guards/position_limit.hpp"

#include <algorithm>
#include <string>

namespace robson::domain {

GuardResult checkPositionLimit(const ValidationContext& context, const GuardLimits& limits) {
    requireValidLimits(limits);
    if (!context.open_position_symbols) {
        return GuardResult::unknownData(context.mode,
                                        kPositionLimitGuard,
                                        "Open positions unknown",
                                        guard_code::kPositionsUnknown);
    }
    const auto& open = *context.open_position_symbols;
    const std::string& symbol = context.trade.symbol;
    // A second position on one symbol would share (and muddle) one stop on the exchange.
    if (std::find(open.begin(), open.end(), symbol) != open.end()) {
        return GuardResult::fail(kPositionLimitGuard,
                                 "A " + symbol + " position is already open",
                                 guard_code::kDuplicatePosition);
    }
    const auto count = static_cast<std::int64_t>(open.size());
    const std::int64_t maximum = limits.max_open_positions;
    const std::string text =
        std::to_string(count) + "/" + std::to_string(maximum) + " positions open";
    if (count >= maximum) {
        return GuardResult::fail(kPositionLimitGuard, text, guard_code::kMaxPositions);
    }
    if (count >= maximum - limits.position_warning_margin) {
        return GuardResult::warning(kPositionLimitGuard, text, guard_code::kPositionLimitNear);
    }
    return GuardResult::pass(kPositionLimitGuard, text);
}

}  // namespace robson::domain
