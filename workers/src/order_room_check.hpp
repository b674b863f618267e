#pragma once
// The MAX_NUM_ORDERS check before a LIVE entry's first send (docs/decisions/0003-pipeline.md,
// "Room for the stop"): the account's open orders on the symbol, as the exchange counts them.

#include "robson/domain/order_room.hpp"
#include "robson/exchange/exchange_gateway.hpp"

#include <optional>

namespace robson::workers {

/// Why an entry was not sent: the breach and its figures (audited with the refusal).
struct OrderRoomShortage {
    domain::FilterBreach breach;
    int open_orders = 0;
    int max_num_orders = 0;
    int room_needed = 0;
};

/// Counts the account's open orders on `rules.symbol` (openOrders) and checks the room an
/// entry needs for `concurrent_executions` executions (domain::checkOrderRoom); nullopt when
/// there is room. A symbol without MAX_NUM_ORDERS costs no request. An exchange failure
/// propagates (ExchangeException): nothing was sent, so the job is simply retried.
[[nodiscard]] std::optional<OrderRoomShortage> findOrderRoomShortage(
    exchange::ExchangeGateway& exchange,
    const domain::SymbolRules& rules,
    int concurrent_executions);

}  // namespace robson::workers
