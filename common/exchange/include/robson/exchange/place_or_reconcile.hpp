#pragma once

#include "robson/domain/execution_plan.hpp"
#include "robson/exchange/exchange_gateway.hpp"
#include "robson/exchange/place_result.hpp"

#include <chrono>
#include <functional>

namespace robson::exchange {

/// How long placeOrReconcile looks for an order after an unknown outcome. The defaults poll
/// for about 20 s (Binance's GET order can lag a fresh order; its engine times out at 10 s).
struct ReconcilePolicy {
    int query_attempts = 8;                        ///< queries per unknown outcome
    std::chrono::milliseconds first_backoff{200};  ///< wait before the first query
    std::chrono::milliseconds max_backoff{5000};   ///< doubling stops here
    int max_placements = 2;                        ///< sends in total, first included
    /// Waits between queries; tests inject one. Default: std::this_thread::sleep_for.
    std::function<void(std::chrono::milliseconds)> sleep;
};

/// Places `order` exactly once (binance-spot.md §7).
///
/// PRECONDITION: the caller (the execute worker) has persisted the order row with its
/// deterministic client_order_id BEFORE calling, so a crash here is reconciled on restart by
/// the same query.
///
/// - Placed / Rejected outcomes are returned as they are, except a DuplicateOrder rejection,
///   which means an open order with that id exists: it is queried and adopted.
/// - Unknown (timeout, 5xx, -1006/-1007, dropped connection after send): the client id is
///   queried up to `query_attempts` times with doubling backoff; a found order is adopted
///   (it may already be FILLED or EXPIRED). Only when the last query answered "no such order"
///   (-2013) — the order is confirmed absent — is it sent again, with the same id, at most
///   `max_placements` sends in total. Otherwise the Unknown is returned and the caller must
///   keep reconciling later (never re-place blindly).
///
/// Not thread-safe with respect to `gateway` (see ExchangeGateway).
[[nodiscard]] PlaceResult placeOrReconcile(ExchangeGateway& gateway,
                                           const domain::PlannedOrder& order,
                                           const ReconcilePolicy& policy = {});

}  // namespace robson::exchange
