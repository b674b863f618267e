#include "robson/domain/position_sizing_costs.hpp"

namespace robson::domain {
namespace {

const Decimal kOne = Decimal::fromInteger(1);

/// Rounds onto the tick (or the 1e-8 grid when there is no tick) in the given direction.
Decimal onGrid(Decimal price, Decimal tick_size, Rounding rounding) {
    return tick_size.isPositive() ? price.roundToStep(tick_size, rounding) : price;
}

}  // namespace

ProtectiveStopPrices protectiveStopPrices(Side entry_side,
                                          Decimal stop,
                                          const CostModel& costs,
                                          Decimal tick_size) {
    // A BUY's SELL stop sits below: floor moves it away from the entry. A SELL's BUY stop
    // sits above: ceiling moves it away.
    const bool below = entry_side == Side::Buy;
    const Rounding away = below ? Rounding::Floor : Rounding::Ceiling;
    const Decimal trigger = onGrid(stop, tick_size, away);
    const Decimal factor =
        below ? kOne - costs.stop_limit_offset_rate : kOne + costs.stop_limit_offset_rate;
    const Decimal limit = onGrid(mul(trigger, factor, away), tick_size, away);
    return {trigger, limit};
}

UnitLoss worstLossPerUnit(
    Side side, Decimal entry, Decimal stop, const CostModel& costs, Decimal tick_size) {
    UnitLoss loss;
    // A BUY pays more than quoted (ceil), a SELL receives less (floor).
    loss.entry_fill = side == Side::Buy
                          ? mul(entry, kOne + costs.entry_slippage_rate, Rounding::Ceiling)
                          : mul(entry, kOne - costs.entry_slippage_rate, Rounding::Floor);
    loss.stop_fill = protectiveStopPrices(side, stop, costs, tick_size).limit;
    loss.price_loss = (loss.entry_fill - loss.stop_fill).abs();
    loss.fees = mul(costs.taker_fee_rate, loss.entry_fill + loss.stop_fill, Rounding::Ceiling);
    loss.total = loss.price_loss + loss.fees;
    return loss;
}

Decimal lossAtStop(Decimal quantity,
                   Decimal entry,
                   Decimal stop,
                   const CostModel& costs,
                   Side side,
                   Decimal tick_size) {
    return mul(
        quantity, worstLossPerUnit(side, entry, stop, costs, tick_size).total, Rounding::Ceiling);
}

}  // namespace robson::domain
