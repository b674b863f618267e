#include "order_book.hpp"

#include <array>

namespace robson::workers {
namespace {

std::optional<domain::Decimal> optionalDecimal(const pqxx::field& field) {
    if (field.is_null()) {
        return std::nullopt;
    }
    return domain::Decimal::fromString(field.c_str());
}

std::optional<std::string> optionalText(const std::optional<domain::Decimal>& value) {
    if (!value) {
        return std::nullopt;
    }
    return value->toString();
}

constexpr const char* kRowColumns =
    "role, client_order_id, state, type, side, quantity::text, price::text, stop_price::text, "
    "exchange_order_id, executed_quantity::text, average_price::text";

OrderRole roleOf(const std::string& text) {
    if (text == "ENTRY") {
        return OrderRole::Entry;
    }
    if (text == "STOP_LOSS") {
        return OrderRole::StopLoss;
    }
    return OrderRole::Exit;
}

OrderRow rowOf(const pqxx::row& row) {
    OrderRow out;
    out.role = roleOf(row[0].as<std::string>());
    out.client_order_id = row[1].as<std::string>();
    out.state = row[2].as<std::string>();
    out.type = row[3].as<std::string>();
    out.side = domain::parseSide(row[4].as<std::string>()).value_or(domain::Side::Buy);
    out.quantity = domain::Decimal::fromString(row[5].c_str());
    out.price = optionalDecimal(row[6]);
    out.stop_price = optionalDecimal(row[7]);
    if (!row[8].is_null()) {
        out.exchange_order_id = row[8].as<std::string>();
    }
    out.executed_quantity = optionalDecimal(row[9]);
    out.average_price = optionalDecimal(row[10]);
    return out;
}

}  // namespace

std::string_view toString(OrderRole role) {
    switch (role) {
        case OrderRole::Entry:
            return "ENTRY";
        case OrderRole::StopLoss:
            return "STOP_LOSS";
        case OrderRole::Exit:
            return "EXIT";
    }
    return "ENTRY";
}

EnsuredOrder ensureOrderRow(pqxx::work& txn,
                            const IntentRecord& intent,
                            OrderRole role,
                            domain::ExecutionMode mode,
                            const domain::PlannedOrder& order,
                            const std::string& initial_state) {
    const pqxx::result inserted = txn.exec_params(
        "INSERT INTO orders (intent_id, role, mode, client_order_id, symbol, side, type, "
        "                    quantity, price, stop_price, state) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::numeric, $9::numeric, $10::numeric, $11) "
        "ON CONFLICT (intent_id, role, mode) DO NOTHING",
        intent.id,
        std::string(toString(role)),
        std::string(domain::toString(mode)),
        order.client_order_id,
        order.symbol,
        std::string(domain::toString(order.side)),
        std::string(domain::toString(order.type)),
        order.quantity.toString(),
        optionalText(order.price),
        optionalText(order.stop_price),
        initial_state);
    EnsuredOrder ensured;
    ensured.existed = inserted.affected_rows() == 0;
    ensured.row = *loadOrderRow(txn, intent.id, role, mode);
    return ensured;
}

std::optional<OrderRow> loadOrderRow(pqxx::transaction_base& txn,
                                     const std::string& intent_id,
                                     OrderRole role,
                                     domain::ExecutionMode mode) {
    const pqxx::result rows =
        txn.exec_params(std::string("SELECT ") + kRowColumns +
                            " FROM orders WHERE intent_id = $1 AND role = $2 AND mode = $3",
                        intent_id,
                        std::string(toString(role)),
                        std::string(domain::toString(mode)));
    if (rows.empty()) {
        return std::nullopt;
    }
    return rowOf(rows[0]);
}

void recordExchangeState(pqxx::work& txn,
                         const std::string& client_order_id,
                         const exchange::OrderState& state) {
    txn.exec_params(
        "UPDATE orders SET state = $2, exchange_order_id = $3, executed_quantity = $4::numeric, "
        "       average_price = $5::numeric, updated_at = now() "
        " WHERE client_order_id = $1",
        client_order_id,
        std::string(exchange::toString(state.status)),
        std::to_string(state.order_id),
        state.executed_quantity.toString(),
        optionalText(state.averagePrice()));
}

void recordState(pqxx::work& txn, const std::string& client_order_id, const std::string& state) {
    txn.exec_params("UPDATE orders SET state = $2, updated_at = now() WHERE client_order_id = $1",
                    client_order_id,
                    state);
}

void renameOrder(pqxx::work& txn,
                 const std::string& intent_id,
                 OrderRole role,
                 domain::ExecutionMode mode,
                 const std::string& new_client_order_id,
                 const domain::Decimal& quantity) {
    txn.exec_params(
        "UPDATE orders SET client_order_id = $4, quantity = $5::numeric, state = 'SUBMITTING', "
        "       exchange_order_id = NULL, executed_quantity = NULL, average_price = NULL, "
        "       updated_at = now() "
        " WHERE intent_id = $1 AND role = $2 AND mode = $3",
        intent_id,
        std::string(toString(role)),
        std::string(domain::toString(mode)),
        new_client_order_id,
        quantity.toString());
}

bool isFinalState(const std::string& state) {
    static const std::array<std::string, 6> kFinal{
        "FILLED", "CANCELED", "REJECTED", "EXPIRED", "EXPIRED_IN_MATCH", "SIMULATED"};
    for (const auto& final_state : kFinal) {
        if (state == final_state) {
            return true;
        }
    }
    return false;
}

}  // namespace robson::workers
