#include "order_room_check.hpp"

#include <utility>

namespace robson::workers {

std::optional<OrderRoomShortage> findOrderRoomShortage(exchange::ExchangeGateway& exchange,
                                                       const domain::SymbolRules& rules,
                                                       int concurrent_executions) {
    if (!rules.max_num_orders) {
        return std::nullopt;
    }
    // Every open order of the account counts, not only Robson's: the exchange counts them all.
    const int open_orders = static_cast<int>(exchange.openOrders(rules.symbol).size());
    auto breach = domain::checkOrderRoom(rules, open_orders, concurrent_executions);
    if (!breach) {
        return std::nullopt;
    }
    return OrderRoomShortage{std::move(*breach),
                             open_orders,
                             *rules.max_num_orders,
                             domain::orderRoomNeeded(concurrent_executions)};
}

}  // namespace robson::workers
