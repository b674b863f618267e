#pragma once

#include "robson/domain/cost_model.hpp"
#include "robson/domain/decimal.hpp"
#include "robson/domain/execution_mode.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/symbol_rules.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace robson::domain {

/// Binance timeInForce values.
enum class TimeInForce { Gtc, Ioc, Fok };

/// "GTC", "IOC", "FOK".
[[nodiscard]] std::string_view toString(TimeInForce time_in_force);

/// One order exactly as it will be sent to POST /api/v3/order (absent fields are not sent).
struct PlannedOrder {
    std::string client_order_id;  ///< newClientOrderId
    std::string symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Market;
    Decimal quantity;
    std::optional<Decimal> price;       ///< LIMIT and STOP_LOSS_LIMIT only
    std::optional<Decimal> stop_price;  ///< STOP_LOSS and STOP_LOSS_LIMIT only
    std::optional<TimeInForce> time_in_force;

    friend bool operator==(const PlannedOrder&, const PlannedOrder&) = default;
};

/// What to execute for one validated intent.
struct ExecutionPlanRequest {
    std::string intent_id;
    Side side = Side::Buy;
    Decimal quantity;                          ///< the sized quantity, already on the step
    OrderType entry_type = OrderType::Market;  ///< MARKET or LIMIT
    /// LIMIT: the limit price sent. MARKET: the reference price (not sent) that the NOTIONAL
    /// filter is checked at.
    Decimal entry_price;
    Decimal stop_price;  ///< the technical stop; put on the tick away from the entry
    SymbolRules rules;
    CostModel costs = CostModel::binanceSpot();
    /// DRY_RUN (the default) or LIVE: the plan is the same for both, so a dry run shows
    /// exactly the orders a live run would send.
    ExecutionMode mode = ExecutionMode::DryRun;
    /// Spot charges a BUY's commission in the bought (base) asset unless BNB pays it: 0.00051
    /// BTC bought arrives as 0.00050949, and a stop SELL of 0.00051 would be refused for
    /// insufficient balance. When true, a BUY's stop sells floor(qty × (1 − taker), step).
    bool commission_in_base = true;
};

/// The two orders of an entry: the entry and its protective stop.
struct ExecutionPlan {
    ExecutionMode mode = ExecutionMode::DryRun;
    PlannedOrder entry;
    PlannedOrder stop;
    /// Base the stop does not cover: what arrives after the base commission minus the stop
    /// quantity (step dust; 0 when the commission is not in base).
    Decimal unprotected_quantity;
};

/// Why no plan: which order and which filter (as Binance names it, or ORDER_TYPE,
/// SYMBOL_STATUS, STOP_SIDE, INVALID_REQUEST), and a sentence with the numbers.
struct ExecutionRefusal {
    std::string order;  ///< "entry", "stop" or "" when the request itself is wrong
    std::string filter;
    std::string reason;
};

/// Either an ExecutionPlan or an ExecutionRefusal.
struct ExecutionPlanResult {
    std::variant<ExecutionPlan, ExecutionRefusal> outcome;

    [[nodiscard]] bool ok() const { return std::holds_alternative<ExecutionPlan>(outcome); }
    /// The plan; throws std::bad_variant_access on a refusal (check ok() first).
    [[nodiscard]] const ExecutionPlan& plan() const { return std::get<ExecutionPlan>(outcome); }
    [[nodiscard]] const ExecutionRefusal& refusal() const {
        return std::get<ExecutionRefusal>(outcome);
    }
};

/// The quantity the protective stop can sell (or buy back). A BUY whose commission is paid in
/// base receives qty × (1 − taker), so its stop sells that floored to the LOT_SIZE step; a
/// SELL's stop buys back the full quantity.
[[nodiscard]] Decimal protectiveStopQuantity(Side entry_side,
                                             Decimal quantity,
                                             Decimal taker_fee_rate,
                                             const SymbolRules& rules,
                                             bool commission_in_base);

/// The protective stop's order type: STOP_LOSS_LIMIT when allowed (sizing priced in its
/// limit), else STOP_LOSS, else nullopt (no protective stop is possible on the symbol).
[[nodiscard]] std::optional<OrderType> protectiveStopType(const SymbolRules& rules);

/// Checks one order against the symbol's filters: order type allowed, LOT_SIZE (and
/// MARKET_LOT_SIZE for MARKET), PRICE_FILTER on price and stopPrice, NOTIONAL at the price
/// the order executes at (its limit price, else its stop price, else `reference_price`).
[[nodiscard]] std::optional<FilterBreach> checkOrder(const PlannedOrder& order,
                                                     const SymbolRules& rules,
                                                     Decimal reference_price);

/// Builds the exact entry and protective-stop orders for an intent, or refuses naming the
/// filter that fails. The stop is STOP_LOSS_LIMIT (its limit price is what sizing budgeted
/// for), or STOP_LOSS when the symbol allows only that; trigger and limit come from
/// protectiveStopPrices(), rounded away from the entry. Deterministic: the same request
/// always yields the same orders and client ids, so a retried execution is idempotent.
[[nodiscard]] ExecutionPlanResult planExecution(const ExecutionPlanRequest& request);

}  // namespace robson::domain
