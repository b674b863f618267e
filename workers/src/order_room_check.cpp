#include "order_room_check.hpp"

#include <algorithm>
#include <utility>

namespace robson::workers {

std::optional<OrderRoomShortage> findOrderRoomShortage(exchange::ExchangeGateway& exchange,
                                                       const domain::SymbolRules& rules,
                                                       int concurrent_executions) {
    if (!rules.max_num_orders && !rules.max_num_algo_orders) {
        return std::nullopt;
    }
    // Every open order of the account counts, not only Robson's: the exchange counts them all.
    const auto open = exchange.openOrders(rules.symbol);
    const int open_orders = static_cast<int>(open.size());
    const int open_algo_orders = static_cast<int>(
        std::count_if(open.begin(), open.end(), [](const exchange::OrderState& order) {
            return domain::isAlgoOrderType(order.type);
        }));
    if (auto breach = domain::checkOrderRoom(rules, open_orders, concurrent_executions)) {
        return OrderRoomShortage{std::move(*breach),
                                 open_orders,
                                 open_algo_orders,
                                 domain::orderRoomNeeded(concurrent_executions)};
    }
    if (auto breach = domain::checkAlgoOrderRoom(rules, open_algo_orders, concurrent_executions)) {
        return OrderRoomShortage{std::move(*breach),
                                 open_orders,
                                 open_algo_orders,
                                 domain::algoOrderRoomNeeded(concurrent_executions)};
    }
    return std::nullopt;
}

}  // namespace robson::workers
