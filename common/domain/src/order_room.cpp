#include "robson/domain/order_room.hpp"

#include <algorithm>
#include <string>

namespace robson::domain {

int orderRoomNeeded(int concurrent_executions) {
    return kOrdersPerExecution * std::max(concurrent_executions, 1);
}

std::optional<FilterBreach> checkOrderRoom(const SymbolRules& rules,
                                           int open_orders,
                                           int concurrent_executions) {
    if (!rules.max_num_orders) {
        return std::nullopt;
    }
    const int limit = *rules.max_num_orders;
    const int needed = orderRoomNeeded(concurrent_executions);
    // More open orders than the limit (a limit lowered meanwhile) leaves no room, not less.
    const int free_slots = std::max(limit - open_orders, 0);
    if (needed <= free_slots) {
        return std::nullopt;
    }
    const int others = std::max(concurrent_executions, 1) - 1;
    std::string detail = rules.symbol + " has " + std::to_string(open_orders) +
                         " open orders and its MAX_NUM_ORDERS filter allows " +
                         std::to_string(limit) + ": an execution needs room for " +
                         std::to_string(kOrdersPerExecution) +
                         " orders (entry, stop-loss, market exit)";
    if (others > 0) {
        detail += " and " + std::to_string(others * kOrdersPerExecution) + " more are kept for " +
                  std::to_string(others) + " other execution" + (others == 1 ? "" : "s") +
                  " that may run at the same time (" + std::to_string(needed) + " in all)";
    }
    if (free_slots == 0) {
        detail += "; none is free";
    } else {
        detail +=
            "; only " + std::to_string(free_slots) + (free_slots == 1 ? " is" : " are") + " free";
    }
    return FilterBreach{"MAX_NUM_ORDERS", detail};
}

}  // namespace robson::domain
