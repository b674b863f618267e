#pragma once

#include "robson/domain/cost_model.hpp"
#include "robson/domain/decimal.hpp"
#include "robson/domain/guards/guard_result.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/symbol_rules.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace robson::domain {

/// The top of the book and the last trade, as fetched just before validation.
struct MarketQuote {
    Decimal best_bid;
    Decimal best_ask;
    Decimal last_price;
};

/// What a paper simulation found. WARNING findings inform; FAIL findings mean the exchange
/// would refuse an order (or the inputs are unusable), so the intent must not proceed.
enum class FindingCode {
    // WARNING
    LossExceedsBudget,  ///< the worst stop-out, at today's prices, loses more than the budget
    StopWithinNoise,    ///< |entry − stop| < 1 ATR of the strategy timeframe
    EntryDrift,         ///< the quote moved more than kEntryDriftRate from the planned entry
    WideSpread,         ///< spread ÷ mid above kWideSpreadRate
    StopRoundedToTick,  ///< the stop is off the tick; the order will carry the rounded trigger
    // FAIL
    InvalidInput,      ///< non-positive quantity/entry/stop/capital, or the stop on the wrong side
    InvalidQuote,      ///< a non-positive bid/ask/last, or a crossed book
    FilterBreach,      ///< an order breaks LOT_SIZE, PRICE_FILTER or NOTIONAL after rounding
    StopWouldTrigger,  ///< the stop is not beyond the market: it would fire at once (-2010)
    OrderTypeNotAllowed,  ///< MARKET, or both STOP_LOSS_LIMIT and STOP_LOSS, not allowed
};

/// "LOSS_EXCEEDS_BUDGET", "STOP_WITHIN_NOISE", "ENTRY_DRIFT", "WIDE_SPREAD",
/// "STOP_ROUNDED_TO_TICK", "INVALID_INPUT", "INVALID_QUOTE", "FILTER_BREACH",
/// "STOP_WOULD_TRIGGER", "ORDER_TYPE_NOT_ALLOWED".
[[nodiscard]] std::string_view toString(FindingCode code);

/// One finding: severity is GuardStatus::Warning or GuardStatus::Fail (never Pass), so the
/// findings drop straight into the validation report next to the guards.
struct Finding {
    FindingCode code = FindingCode::InvalidInput;
    GuardStatus severity = GuardStatus::Warning;
    std::string message;

    friend bool operator==(const Finding&, const Finding&) = default;
};

/// ENTRY_DRIFT above 0.5%: beyond that the size was computed for a price that is gone.
inline const Decimal kEntryDriftRate = Decimal::fromUnits(500'000);
/// WIDE_SPREAD above 0.1% of the mid: BTCUSDT's spread is usually a tick (~0.00001%).
inline const Decimal kWideSpreadRate = Decimal::fromUnits(100'000);

/// The trade to rehearse against the current market.
struct PaperSimulationRequest {
    Side side = Side::Buy;
    Decimal quantity;
    Decimal planned_entry;  ///< the price the position was sized at
    Decimal stop;           ///< the technical stop (trigger) before tick rounding
    Decimal capital;
    Decimal risk_budget;  ///< the most a stop-out may lose (capital × risk rate)
    CostModel costs = CostModel::binanceSpot();
    SymbolRules rules;
    MarketQuote quote;
    std::optional<double> atr;  ///< ATR of the strategy timeframe; ignored unless finite and > 0
    bool commission_in_base = true;  ///< see ExecutionPlanRequest
};

/// The rehearsal: what the entry would cost now and what a stop-out would lose.
struct PaperSimulation {
    Decimal entry_reference;        ///< the ask for a BUY, the bid for a SELL
    Decimal entry_fill_price;       ///< the reference moved against us by the slippage allowance
    Decimal notional;               ///< quantity × entry_fill_price
    Decimal entry_fee;              ///< notional × taker
    Decimal stop_trigger;           ///< on the tick, away from the entry
    Decimal stop_limit_price;       ///< the worst fill the stop accepts
    Decimal stop_quantity;          ///< what the protective stop sells (see protectiveStopQuantity)
    Decimal loss_at_trigger;        ///< the whole quantity exits at the trigger, both fees included
    Decimal loss_at_limit;          ///< ...at the limit price: the worst loss
    Decimal worst_loss_percent;     ///< loss_at_limit ÷ capital × 100
    Decimal spread;                 ///< ask − bid
    Decimal spread_percent;         ///< spread ÷ mid × 100
    std::vector<Finding> findings;  ///< in check order: FAILs first, then WARNINGs

    /// True when no finding is a FAIL.
    [[nodiscard]] bool passes() const;
};

/// Rehearses the entry at today's quote (spread, slippage, taker fee) and the exit at the
/// protective stop (trigger and limit, exit fee), then checks what the exchange would refuse
/// and what deserves a warning. Pure: the quote and ATR come in as values.
///
/// Fees are modelled in the quote asset at each fill price; on a BUY paid in base this slightly
/// overstates the loss (by about taker × |entry − stop| per unit), never understates it.
/// When a FAIL makes the numbers meaningless (bad inputs or quote) they stay zero.
[[nodiscard]] PaperSimulation simulateTrade(const PaperSimulationRequest& request);

/// The findings as validation-report entries named "paper_simulation" (code = the wire
/// spelling), ready for addFinding(); a single PASS entry when there are none.
[[nodiscard]] std::vector<GuardResult> toGuardResults(const PaperSimulation& simulation);

}  // namespace robson::domain
