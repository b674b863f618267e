#pragma once

#include "robson/domain/cost_model.hpp"
#include "robson/domain/decimal.hpp"
#include "robson/domain/position_sizing_costs.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/symbol_rules.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace robson::domain {

/// Everything sizePosition() needs. Money is in the quote asset (USDT): for a spot SELL of a
/// held asset, pass the held amount's value at the entry as capital / free balance.
struct SizingRequest {
    Side side = Side::Buy;
    Decimal capital;    ///< the capital the risk rate applies to
    Decimal risk_rate;  ///< fraction of capital a stop-out may lose: 0.01 = 1% (a ceiling)
    Decimal entry;
    Decimal stop;  ///< the technical stop (trigger); rounded to the tick away from the entry
    SymbolRules rules;
    /// Costs default to a real Binance spot account: an estimate that ignores fees risks more
    /// than the budget on every stop-out.
    CostModel costs = CostModel::binanceSpot();
    /// Fraction of the capital the position (with entry fee) may take: 1 = all of it.
    Decimal max_position_rate = Decimal::fromInteger(1);
    /// MARKET entries are floored to MARKET_LOT_SIZE's step when the symbol has one.
    bool market_order = true;
    /// The free quote balance, when known: the position can never cost more than it.
    std::optional<Decimal> free_balance;
};

/// Which limit decided the quantity (the smallest one wins).
enum class SizingBound {
    Risk,         ///< the risk budget ÷ the per-unit worst loss
    Capital,      ///< the capital (or the smaller free balance) buys no more
    MaxPosition,  ///< max_position_rate (< 1) of the capital / free balance buys no more
    MaxQuantity,  ///< the exchange's maximum quantity (LOT_SIZE / MARKET_LOT_SIZE maxQty)
};

/// "RISK", "CAPITAL", "MAX_POSITION", "MAX_QUANTITY".
[[nodiscard]] std::string_view toString(SizingBound bound);

/// A sized position: the quantity to order and the numbers that justify it.
struct PositionSize {
    Decimal quantity;  ///< on the step, never rounded up
    SizingBound bound = SizingBound::Risk;
    Decimal risk_budget;      ///< capital × risk_rate (floored)
    Decimal planned_risk;     ///< quantity × unit_loss.total, rounded up; always ≤ risk_budget
    Decimal naive_risk;       ///< quantity × |entry − stop|: what a cost-blind rule promises
    Decimal position_value;   ///< quantity × entry (to 8 decimals, half-even)
    Decimal value_with_fees;  ///< quantity × entry_fill × (1 + taker), rounded up
    Decimal stop_distance;    ///< |entry − stop|
    Decimal stop_distance_percent;     ///< stop_distance ÷ entry × 100 (half-even, 8 decimals)
    UnitLoss unit_loss;                ///< the per-unit worst loss the quantity was derived from
    ProtectiveStopPrices stop_prices;  ///< trigger and limit as the exchange will hold them
    Decimal risk_quantity;             ///< risk_budget ÷ unit_loss.total, before the step
    Decimal cap_quantity;              ///< what the capital bound buys, before the step
    std::string note;  ///< set when the result was capped (e.g. to maxQty); else empty
};

/// Why no position can be sized. Each reason is a sentence with the numbers in it.
enum class SizingRefusalCode {
    InvalidInput,      ///< non-positive capital/entry/stop/risk, rates out of range
    StopOnWrongSide,   ///< a BUY's stop at or above the entry (a SELL's at or below)
    BelowMinQuantity,  ///< the quantity floors to 0 or below minQty
    BelowMinNotional,  ///< quantity × entry is below the NOTIONAL minimum
    ExchangeFilter,    ///< another filter breach: LOT_SIZE step, NOTIONAL maximum...
};

/// "INVALID_INPUT", "STOP_ON_WRONG_SIDE", "BELOW_MIN_QUANTITY", "BELOW_MIN_NOTIONAL",
/// "EXCHANGE_FILTER".
[[nodiscard]] std::string_view toString(SizingRefusalCode code);

/// A refusal: the code for programs, the reason for people.
struct SizingRefusal {
    SizingRefusalCode code = SizingRefusalCode::InvalidInput;
    std::string reason;
};

/// Either a PositionSize or a SizingRefusal.
struct SizingResult {
    std::variant<PositionSize, SizingRefusal> outcome;

    [[nodiscard]] bool ok() const { return std::holds_alternative<PositionSize>(outcome); }
    /// The size; throws std::bad_variant_access on a refusal (check ok() first).
    [[nodiscard]] const PositionSize& size() const { return std::get<PositionSize>(outcome); }
    /// The refusal; throws std::bad_variant_access when sized.
    [[nodiscard]] const SizingRefusal& refusal() const { return std::get<SizingRefusal>(outcome); }
};

/// Sizes a position from the stop: the largest quantity whose stop-out, costs included,
/// loses at most capital × risk_rate, and which the capital can pay for.
///
/// risk_qty = budget ÷ worstLossPerUnit(); cap_qty = min(capital, free) × max_position_rate ÷
/// (entry_fill × (1 + taker)); quantity = floor(min(risk_qty, cap_qty), step), capped at
/// maxQty. Never rounds up, so planned_risk ≤ risk_budget always holds (checked: a breach
/// throws std::logic_error, a bug rather than an outcome). Refuses, as a value, anything the
/// exchange would refuse or that makes no sense (see SizingRefusalCode). A DecimalError can
/// only escape for magnitudes beyond ±92 billion.
[[nodiscard]] SizingResult sizePosition(const SizingRequest& request);

}  // namespace robson::domain
