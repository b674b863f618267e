#pragma once
// Room on a symbol's open-order limits for a LIVE execution, checked before its entry is sent.
// At MAX_NUM_ORDERS the exchange refuses every new order, so an entry that filled could find no
// room for its protective stop, nor for the market exit that would replace it; at
// MAX_NUM_ALGO_ORDERS it refuses the stop alone, and the position is closed at market.

#include "robson/domain/symbol_rules.hpp"

#include <optional>

namespace robson::domain {

/// The orders one LIVE execution may need on the exchange: its entry, its protective stop and
/// the market exit that replaces a stop the exchange refuses or never confirms. Counted as if
/// all three were open at once — a bound, not a forecast (the entry is a MARKET order that
/// fills at once, the exit comes after the stop is refused or cancelled) — so the reserve is
/// never one slot short.
inline constexpr int kOrdersPerExecution = 3;

/// The algo orders (isAlgoOrderType) one LIVE execution may need: its protective stop. Its
/// entry and its exit are MARKET orders, which MAX_NUM_ALGO_ORDERS does not count, and its
/// stop's re-placement comes only after the first stop was refused (so never both open).
inline constexpr int kAlgoOrdersPerExecution = 1;

/// The free slots an entry needs: kOrdersPerExecution for each of `concurrent_executions`
/// LIVE executions that may place orders on the same account meanwhile, this one included
/// (fewer than 1 counts as 1).
[[nodiscard]] int orderRoomNeeded(int concurrent_executions);

/// The free algo slots an entry needs: kAlgoOrdersPerExecution for each of
/// `concurrent_executions` executions, this one included (fewer than 1 counts as 1).
[[nodiscard]] int algoOrderRoomNeeded(int concurrent_executions);

/// MAX_NUM_ORDERS before an entry: `open_orders` are open on the symbol now, and
/// orderRoomNeeded(concurrent_executions) more must fit within `rules.max_num_orders`. The
/// breach (filter "MAX_NUM_ORDERS") explains every figure; nullopt when there is room or the
/// symbol has no limit.
[[nodiscard]] std::optional<FilterBreach> checkOrderRoom(const SymbolRules& rules,
                                                         int open_orders,
                                                         int concurrent_executions);

/// MAX_NUM_ALGO_ORDERS before an entry: `open_algo_orders` stop-loss and take-profit orders
/// are open on the symbol now, and algoOrderRoomNeeded(concurrent_executions) more must fit
/// within `rules.max_num_algo_orders`. The breach (filter "MAX_NUM_ALGO_ORDERS") explains every
/// figure; nullopt when there is room or the symbol has no limit.
[[nodiscard]] std::optional<FilterBreach> checkAlgoOrderRoom(const SymbolRules& rules,
                                                             int open_algo_orders,
                                                             int concurrent_executions);

}  // namespace robson::domain
