#include "robson/domain/order_room.hpp"

#include <algorithm>
#include <string>

namespace robson::domain {
namespace {

/// What a shortage's sentence says after its head: the room kept for the other executions,
/// then how much is free.
std::string reserveAndFree(int per_execution, int concurrent_executions, int free_slots) {
    const int others = std::max(concurrent_executions, 1) - 1;
    std::string text;
    if (others > 0) {
        text += " and " + std::to_string(others * per_execution) + " more are kept for " +
                std::to_string(others) + " other execution" + (others == 1 ? "" : "s") +
                " that may run at the same time (" + std::to_string(per_execution * (others + 1)) +
                " in all)";
    }
    if (free_slots == 0) {
        return text + "; none is free";
    }
    return text + "; only " + std::to_string(free_slots) + (free_slots == 1 ? " is" : " are") +
           " free";
}

/// The free slots under `limit` with `open` taken; more open than the limit (a limit lowered
/// meanwhile) leaves none, not fewer than none.
int freeSlots(int limit, int open) {
    return std::max(limit - open, 0);
}

}  // namespace

int orderRoomNeeded(int concurrent_executions) {
    return kOrdersPerExecution * std::max(concurrent_executions, 1);
}

int algoOrderRoomNeeded(int concurrent_executions) {
    return kAlgoOrdersPerExecution * std::max(concurrent_executions, 1);
}

std::optional<FilterBreach> checkOrderRoom(const SymbolRules& rules,
                                           int open_orders,
                                           int concurrent_executions) {
    if (!rules.max_num_orders) {
        return std::nullopt;
    }
    const int limit = *rules.max_num_orders;
    const int free_slots = freeSlots(limit, open_orders);
    if (orderRoomNeeded(concurrent_executions) <= free_slots) {
        return std::nullopt;
    }
    return FilterBreach{"MAX_NUM_ORDERS",
                        rules.symbol + " has " + std::to_string(open_orders) +
                            " open orders and its MAX_NUM_ORDERS filter allows " +
                            std::to_string(limit) + ": an execution needs room for " +
                            std::to_string(kOrdersPerExecution) +
                            " orders (entry, stop-loss, market exit)" +
                            reserveAndFree(kOrdersPerExecution, concurrent_executions, free_slots)};
}

std::optional<FilterBreach> checkAlgoOrderRoom(const SymbolRules& rules,
                                               int open_algo_orders,
                                               int concurrent_executions) {
    if (!rules.max_num_algo_orders) {
        return std::nullopt;
    }
    const int limit = *rules.max_num_algo_orders;
    const int free_slots = freeSlots(limit, open_algo_orders);
    if (algoOrderRoomNeeded(concurrent_executions) <= free_slots) {
        return std::nullopt;
    }
    return FilterBreach{
        "MAX_NUM_ALGO_ORDERS",
        rules.symbol + " has " + std::to_string(open_algo_orders) +
            " open stop-loss or take-profit order" + (open_algo_orders == 1 ? "" : "s") +
            " and its MAX_NUM_ALGO_ORDERS filter allows " + std::to_string(limit) +
            ": an execution needs room for " + std::to_string(kAlgoOrdersPerExecution) +
            " (its stop-loss)" +
            reserveAndFree(kAlgoOrdersPerExecution, concurrent_executions, free_slots)};
}

}  // namespace robson::domain
