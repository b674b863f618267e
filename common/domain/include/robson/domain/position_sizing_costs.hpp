#pragma once

#include "robson/domain/cost_model.hpp"
#include "robson/domain/decimal.hpp"
#include "robson/domain/side.hpp"

namespace robson::domain {

/// The protective stop as the exchange will hold it: the trigger and the STOP_LOSS_LIMIT's
/// limit price, both on the tick grid.
///
/// Sizing, the paper simulation and the execution plan all call protectiveStopPrices(), so
/// the price sizing budgets for is the price the order really carries.
struct ProtectiveStopPrices {
    Decimal trigger;  ///< stopPrice: the technical stop rounded to the tick away from the entry
    Decimal limit;    ///< price: trigger × (1 ∓ offset), rounded to the tick away from the entry

    friend bool operator==(const ProtectiveStopPrices&, const ProtectiveStopPrices&) = default;
};

/// Puts a technical stop on the exchange grid for an entry on `entry_side`.
///
/// A BUY is protected by a SELL stop below it, so both prices are floored (moved away from
/// the entry); a SELL's BUY stop is ceiled. Rounding away can only widen the distance, and
/// sizing prices in that wider distance, so a rounded stop never loses more than planned.
/// A tick of zero means "no grid" (the prices stay on the 1e-8 grid, still rounded away).
[[nodiscard]] ProtectiveStopPrices protectiveStopPrices(Side entry_side,
                                                        Decimal stop,
                                                        const CostModel& costs,
                                                        Decimal tick_size);

/// What one unit of base asset loses when the protective stop fills at its worst price.
struct UnitLoss {
    Decimal entry_fill;  ///< entry moved against us by the slippage allowance
    Decimal stop_fill;   ///< the stop-limit limit price (the worst fill the stop accepts)
    Decimal price_loss;  ///< |entry_fill − stop_fill|
    Decimal fees;        ///< taker × (entry_fill + stop_fill): commission on both legs
    Decimal total;       ///< price_loss + fees: the per-unit worst loss sizing divides by

    friend bool operator==(const UnitLoss&, const UnitLoss&) = default;
};

/// The per-unit worst loss of a trade entered at `entry` and stopped at `stop`, with costs.
///
/// entry_fill = entry × (1 ± slippage) (a BUY pays more), stop_fill = the limit price from
/// protectiveStopPrices(), worst = |entry_fill − stop_fill| + taker × (entry_fill + stop_fill).
/// Every rounding goes against us (fills worse, fees up), so the result never understates
/// the loss. With CostModel::none() and a stop on the grid, total = |entry − stop|.
/// Preconditions (checked by callers such as sizePosition): entry, stop > 0, rates in [0, 1).
[[nodiscard]] UnitLoss worstLossPerUnit(
    Side side, Decimal entry, Decimal stop, const CostModel& costs, Decimal tick_size = {});

/// The real loss of `quantity` stopped out, fees and stop-limit offset included (rounded up).
///
/// Shows why naive sizing overshoots: 0.000517 BTC bought at 95432.10 with a stop at
/// 93500.00 loses 0.99890 naively but 1.14486476 with 0.1% fees and a 0.1% offset.
[[nodiscard]] Decimal lossAtStop(Decimal quantity,
                                 Decimal entry,
                                 Decimal stop,
                                 const CostModel& costs,
                                 Side side,
                                 Decimal tick_size = {});

}  // namespace robson::domain
