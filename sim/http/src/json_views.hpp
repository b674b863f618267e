#pragma once

#include "robson/domain/candle.hpp"
#include "robson/domain/symbol_rules.hpp"
#include "robson/sim/engine/order.hpp"

#include <nlohmann/json.hpp>

namespace robson::sim {

/// Binance's JSON shapes for the simulator's values (money as 8-decimal strings).
enum class RespType { Ack, Result, Full };

[[nodiscard]] std::string money(Decimal value);
/// The body of POST /api/v3/order in the asked shape.
[[nodiscard]] nlohmann::json newOrderJson(const Order& order, RespType type);
/// GET /api/v3/order, openOrders, allOrders.
[[nodiscard]] nlohmann::json queryOrderJson(const Order& order);
/// DELETE /api/v3/order; `cancel_id` is the cancel's own clientOrderId.
[[nodiscard]] nlohmann::json cancelOrderJson(const Order& order,
                                             const std::string& cancel_id,
                                             std::int64_t now_ms);
/// GET /api/v3/myTrades row.
[[nodiscard]] nlohmann::json tradeJson(const Trade& trade);
/// One exchangeInfo symbol entry with its filters.
[[nodiscard]] nlohmann::json symbolJson(const domain::SymbolRules& rules);
/// A 12-element kline row.
[[nodiscard]] nlohmann::json klineRow(const domain::Candle& candle);

}  // namespace robson::sim
