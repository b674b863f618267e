#pragma once

#include "robson/domain/decimal.hpp"

namespace robson::domain {

/// What a round trip really costs beyond |entry − stop|, as fractions of price.
/// Sizing, the paper simulation and the execution plan all read this one description, so
/// the loss they promise is the loss a stop-out really books.
struct CostModel {
    /// Taker commission on each leg (Binance spot default 0.1% = 0.001).
    Decimal taker_fee_rate;
    /// How far beyond the stop trigger the STOP_LOSS_LIMIT's limit price sits (0.001 = 0.1%):
    /// the worst price the protective sell (or buy) can fill at.
    Decimal stop_limit_offset_rate;
    /// Allowance for a MARKET entry filling worse than the quoted price (0.0005 = 5 bps).
    Decimal entry_slippage_rate;

    /// No costs at all: the naive rule qty = risk ÷ |entry − stop|.
    [[nodiscard]] static CostModel none() { return {}; }
    /// Binance spot as a regular account pays it: 0.1% taker fee, 0.1% stop-limit offset,
    /// 5 bps entry slippage.
    [[nodiscard]] static CostModel binanceSpot() {
        return {
            Decimal::fromUnits(100'000), Decimal::fromUnits(100'000), Decimal::fromUnits(50'000)};
    }

    friend bool operator==(const CostModel&, const CostModel&) = default;
};

}  // namespace robson::domain
