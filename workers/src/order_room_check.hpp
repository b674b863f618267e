#pragma once
// The open-order limits checked before a LIVE entry's first send (docs/decisions/0003-pipeline.md,
// "Room for the stop"): MAX_NUM_ORDERS and MAX_NUM_ALGO_ORDERS, over the account's open orders
// on the symbol as the exchange counts them.

#include "robson/domain/order_room.hpp"
#include "robson/exchange/exchange_gateway.hpp"

#include <optional>

namespace robson::workers {

/// Why an entry was not sent: the breach (its filter names the limit) and the figures audited
/// with the refusal.
struct OrderRoomShortage {
    domain::FilterBreach breach;
    int open_orders = 0;       ///< the account's open orders on the symbol
    int open_algo_orders = 0;  ///< of them, stop-loss and take-profit orders
    int room_needed = 0;       ///< the free slots the entry needed under the breached filter
};

/// Reads the account's open orders on `rules.symbol` once (openOrders) and checks the room an
/// entry needs for `concurrent_executions` executions: MAX_NUM_ORDERS for all of them
/// (domain::checkOrderRoom), then MAX_NUM_ALGO_ORDERS for the stop-loss and take-profit ones
/// (domain::checkAlgoOrderRoom); nullopt when both have room. A symbol with neither filter
/// costs no request. An exchange failure propagates (ExchangeException): nothing was sent, so
/// the job is simply retried.
[[nodiscard]] std::optional<OrderRoomShortage> findOrderRoomShortage(
    exchange::ExchangeGateway& exchange,
    const domain::SymbolRules& rules,
    int concurrent_executions);

}  // namespace robson::workers
