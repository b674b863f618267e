#pragma once

#include "robson/domain/decimal.hpp"
#include "robson/domain/execution_mode.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/symbol_rules.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace robson::domain {

/// The trade the plan proposes, as the guards see it.
struct ProposedTrade {
    std::string symbol;       ///< "BTCUSDT"
    std::string base_asset;   ///< "BTC": what a SELL must hold
    std::string quote_asset;  ///< "USDT": what a BUY spends; also the unit in messages
    Side side = Side::Buy;
    Decimal quantity;
    Decimal entry_price;
    Decimal stop_price;
    Decimal capital;  ///< the capital the user declared for risk purposes
    /// The loss if the stop fills, INCLUDING fees and the stop-limit offset (sizing's
    /// planned_risk). Never less than quantity × |entry − stop|.
    Decimal planned_risk;
    Decimal taker_fee_rate;  ///< 0.001 = 0.1%
};

/// Free balances as the exchange last reported them; nullopt = unknown (not zero).
struct AccountSnapshot {
    std::optional<Decimal> free_quote;  ///< spent by a BUY
    std::optional<Decimal> free_base;   ///< sold by a SELL
};

/// Realized losses as POSITIVE amounts in the quote asset (a net gain is 0 or negative and
/// uses none of the limit); nullopt = unknown. "Today" starts at utcDayStartMs(now), "this
/// month" at utcMonthStartMs(now).
struct RealizedLosses {
    std::optional<Decimal> today;
    std::optional<Decimal> month;
};

/// A scheduled exchange maintenance, [start_ms, end_ms) in UTC epoch milliseconds.
struct MaintenanceWindow {
    std::int64_t start_ms = 0;
    std::int64_t end_ms = 0;

    [[nodiscard]] bool contains(std::int64_t ms) const { return start_ms <= ms && ms < end_ms; }
    friend bool operator==(const MaintenanceWindow&, const MaintenanceWindow&) = default;
};

/// What the exchange says about the symbol right now.
struct MarketSnapshot {
    std::optional<SymbolStatus> symbol_status;  ///< nullopt = exchangeInfo not available
    std::set<OrderType> allowed_order_types;    ///< exchangeInfo orderTypes
    std::set<OrderType> needed_order_types;     ///< what the plan will send (entry + stop)
    std::optional<std::int64_t> last_data_ms;   ///< time of the newest price we hold
    std::int64_t now_ms = 0;                    ///< the instant the guards judge
    std::vector<MaintenanceWindow> maintenance_windows;
};

/// Everything the five guards read: plain data gathered by the application, so every guard
/// is a pure function and a test can state any situation in a few lines.
struct ValidationContext {
    ExecutionMode mode = ExecutionMode::DryRun;
    ProposedTrade trade;
    AccountSnapshot account;
    RealizedLosses losses;
    /// One entry per open position; nullopt when the positions could not be read, which
    /// fails closed (FAIL in LIVE, WARNING in DRY_RUN) rather than counting as none open.
    std::optional<std::vector<std::string>> open_position_symbols;
    MarketSnapshot market;
};

/// The guards' thresholds. Defaults are ours (trading-domain.md §4): the original's values
/// contradict each other, and it had no daily limit at all.
struct GuardLimits {
    Decimal max_risk_rate = Decimal::fromUnits(2'000'000);            ///< 2% of capital per trade
    Decimal daily_loss_limit_rate = Decimal::fromUnits(2'000'000);    ///< 2% of capital per UTC day
    Decimal monthly_loss_limit_rate = Decimal::fromUnits(4'000'000);  ///< 4% per UTC month
    int max_open_positions = 5;
    std::int64_t max_data_age_ms = 60'000;
    /// WARNING when the free balance is below need × this (1.05 = 105%): a fill a little
    /// worse than the quote would then be rejected by the exchange.
    Decimal balance_headroom_rate = Decimal::fromUnits(105'000'000);
    /// WARNING once this share of a loss limit is used (0.75 = 75%).
    Decimal loss_warning_rate = Decimal::fromUnits(75'000'000);
    /// WARNING when open positions ≥ max_open_positions − this (1: at 4/5).
    int position_warning_margin = 1;

    friend bool operator==(const GuardLimits&, const GuardLimits&) = default;
};

/// Throws std::invalid_argument naming the field when a limit is nonsensical (a rate ≤ 0, a
/// maximum < 1, headroom < 100%, a warning share outside (0, 1]): a configuration bug, not a
/// business outcome. Every guard calls it first.
void requireValidLimits(const GuardLimits& limits);

}  // namespace robson::domain
