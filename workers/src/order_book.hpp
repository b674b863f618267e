#pragma once

#include "intent_record.hpp"
#include "robson/domain/execution_mode.hpp"
#include "robson/domain/execution_plan.hpp"
#include "robson/exchange/order_state.hpp"

#include <pqxx/pqxx>

#include <optional>
#include <string>

/// The orders table seen by the execute stage: the row of each order Robson sends, committed
/// BEFORE the exchange call so that a crash at any point is reconciled by client order id.
namespace robson::workers {

/// ENTRY, STOP_LOSS or EXIT (the table's role column).
enum class OrderRole { Entry, StopLoss, Exit };
[[nodiscard]] std::string_view toString(OrderRole role);

/// One orders row.
struct OrderRow {
    OrderRole role = OrderRole::Entry;
    std::string client_order_id;
    std::string state;  ///< SUBMITTING, SIMULATED, REJECTED, or the exchange's status
    std::string type;   ///< MARKET, STOP_LOSS_LIMIT, …
    domain::Side side = domain::Side::Buy;
    domain::Decimal quantity;
    std::optional<domain::Decimal> price;
    std::optional<domain::Decimal> stop_price;
    std::optional<std::string> exchange_order_id;
    std::optional<domain::Decimal> executed_quantity;
    std::optional<domain::Decimal> average_price;
};

/// Inserts the row for `order` unless the intent already has one for that role and mode.
/// Returns the row as stored and whether it existed before (then an earlier delivery may have
/// sent it: query the exchange before sending).
struct EnsuredOrder {
    OrderRow row;
    bool existed = false;
};
[[nodiscard]] EnsuredOrder ensureOrderRow(pqxx::work& txn,
                                          const IntentRecord& intent,
                                          OrderRole role,
                                          domain::ExecutionMode mode,
                                          const domain::PlannedOrder& order,
                                          const std::string& initial_state);

/// The row of a role, if any.
[[nodiscard]] std::optional<OrderRow> loadOrderRow(pqxx::transaction_base& txn,
                                                   const std::string& intent_id,
                                                   OrderRole role,
                                                   domain::ExecutionMode mode);

/// Records what the exchange says about the order (ids, status, fills).
void recordExchangeState(pqxx::work& txn,
                         const std::string& client_order_id,
                         const exchange::OrderState& state);

/// Sets the row's state (REJECTED, …) without an exchange answer.
void recordState(pqxx::work& txn, const std::string& client_order_id, const std::string& state);

/// Points a STOP_LOSS row at a new client order id (a stop re-placement) and resets it to
/// SUBMITTING, before the new id is sent.
void renameOrder(pqxx::work& txn,
                 const std::string& intent_id,
                 OrderRole role,
                 domain::ExecutionMode mode,
                 const std::string& new_client_order_id,
                 const domain::Decimal& quantity);

/// True for an exchange status after which the order never changes.
[[nodiscard]] bool isFinalState(const std::string& state);

}  // namespace robson::workers
