#pragma once

#include "robson/exchange/exchange_error.hpp"
#include "robson/exchange/order_state.hpp"

#include <variant>

namespace robson::exchange {

/// The exchange accepted the order (or reconciliation found it): its state.
struct Placed {
    OrderState order;
};
/// The exchange definitely refused the order; nothing was placed.
struct Rejected {
    ExchangeError error;
};
/// The request may or may not have been executed. The caller must reconcile by querying the
/// client order id (placeOrReconcile does) before anything is sent again.
struct Unknown {
    ExchangeError error;
};

/// Outcome of a placement: Placed | Rejected | Unknown. A plain value.
struct PlaceResult {
    std::variant<Placed, Rejected, Unknown> outcome;

    [[nodiscard]] bool placed() const { return std::holds_alternative<Placed>(outcome); }
    [[nodiscard]] bool rejected() const { return std::holds_alternative<Rejected>(outcome); }
    [[nodiscard]] bool unknown() const { return std::holds_alternative<Unknown>(outcome); }
    /// The order; throws std::bad_variant_access unless placed().
    [[nodiscard]] const OrderState& order() const { return std::get<Placed>(outcome).order; }
    /// The error of a Rejected or Unknown outcome; throws std::bad_variant_access if placed().
    [[nodiscard]] const ExchangeError& error() const;
};

}  // namespace robson::exchange
