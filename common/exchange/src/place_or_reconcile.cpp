#include "robson/exchange/place_or_reconcile.hpp"

#include <algorithm>
#include <optional>
#include <thread>
#include <utility>

namespace robson::exchange {

namespace {

/// What the queries after an unknown outcome established.
struct Lookup {
    std::optional<OrderState> found;
    bool confirmed_absent = false;  ///< the last query answered "no such order"
    std::optional<ExchangeError> last_error;
};

void pause(const ReconcilePolicy& policy, std::chrono::milliseconds wait) {
    if (policy.sleep) {
        policy.sleep(wait);
    } else {
        std::this_thread::sleep_for(wait);
    }
}

Lookup lookUp(ExchangeGateway& gateway,
              const domain::PlannedOrder& order,
              const ReconcilePolicy& policy) {
    Lookup lookup;
    auto wait = policy.first_backoff;
    for (int attempt = 0; attempt < std::max(policy.query_attempts, 1); ++attempt) {
        pause(policy, wait);
        wait = std::min(wait * 2, policy.max_backoff);
        try {
            lookup.found = gateway.queryOrder(order.symbol, order.client_order_id);
            if (lookup.found) {
                return lookup;
            }
            lookup.confirmed_absent = true;
        } catch (const ExchangeException& failure) {
            // The query itself failed (network, 5xx, rate limit): absence is not confirmed.
            lookup.confirmed_absent = false;
            lookup.last_error = failure.error();
        }
    }
    return lookup;
}

}  // namespace

PlaceResult placeOrReconcile(ExchangeGateway& gateway,
                             const domain::PlannedOrder& order,
                             const ReconcilePolicy& policy) {
    PlaceResult result = gateway.placeOrder(order);
    for (int placements = 1;; ++placements) {
        const bool duplicate =
            result.rejected() && result.error().kind == ExchangeErrorKind::DuplicateOrder;
        if (result.placed() || (result.rejected() && !duplicate)) {
            return result;
        }
        const ExchangeError cause = result.error();
        const Lookup lookup = lookUp(gateway, order, policy);
        if (lookup.found) {
            return PlaceResult{Placed{*lookup.found}};
        }
        if (!lookup.confirmed_absent || duplicate || placements >= policy.max_placements) {
            // Still unknown: the caller keeps the order pending and reconciles later.
            ExchangeError error = lookup.last_error.value_or(cause);
            error.kind = ExchangeErrorKind::UnknownStatus;
            return PlaceResult{Unknown{std::move(error)}};
        }
        result = gateway.placeOrder(order);  // confirmed absent: the same id, once more
    }
}

}  // namespace robson::exchange
