#pragma once

#include "robson/domain/cost_model.hpp"
#include "robson/domain/decimal.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/stop_config.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace robson::domain {

/// Who decides to enter: the user (Manual) or a signal of a given family.
enum class StrategyMode { Manual, Auto, Trend, Reversion };

/// "manual", "auto", "trend", "reversion" (lower case, as the original stored them).
[[nodiscard]] std::string_view toString(StrategyMode mode);
[[nodiscard]] std::optional<StrategyMode> parseStrategyMode(std::string_view text);

/// The user decides when to enter; Robson only sizes and protects.
struct UserDecides {
    friend bool operator==(const UserDecides&, const UserDecides&) = default;
};

/// Enter when the fast simple moving average crosses above the slow one (Rescue Forces).
struct MaCrossover {
    int fast = 4;
    int slow = 9;
    friend bool operator==(const MaCrossover&, const MaCrossover&) = default;
};

/// The classic golden cross: SMA50 crosses above SMA200 (Smooth Sailing).
struct GoldenCross {
    int fast = 50;
    int slow = 200;
    friend bool operator==(const GoldenCross&, const GoldenCross&) = default;
};

/// Price touches the lower Bollinger band while RSI is oversold (Bounce Back).
/// The original gave no periods; these are the textbook ones.
struct BollingerRsi {
    int band_period = 20;
    double band_deviations = 2.0;  ///< band = SMA ± deviations × σ (indicator maths: double)
    int rsi_period = 14;
    double rsi_oversold = 30.0;  ///< enter only while RSI is below this
    friend bool operator==(const BollingerRsi&, const BollingerRsi&) = default;
};

/// The entry rule as data, so strategies can be stored and compared.
using EntrySignal = std::variant<UserDecides, MaCrossover, GoldenCross, BollingerRsi>;

/// "USER_DECIDES", "MA_CROSSOVER", "GOLDEN_CROSS", "BOLLINGER_RSI".
[[nodiscard]] std::string_view signalKind(const EntrySignal& signal);
/// A one-line human description: "SMA4 crosses above SMA9".
[[nodiscard]] std::string describe(const EntrySignal& signal);

/// How much a strategy may lose per trade and what trading costs it assumes.
struct RiskConfig {
    Decimal risk_rate;                                    ///< 0.01 = 1% of capital per trade
    Decimal max_position_rate = Decimal::fromInteger(1);  ///< see SizingRequest
    CostModel costs = CostModel::binanceSpot();
    friend bool operator==(const RiskConfig&, const RiskConfig&) = default;
};

/// A trading strategy as plain data: built-in or defined by a tenant.
struct Strategy {
    int id = 0;
    std::string name;
    std::string description;
    StrategyMode mode = StrategyMode::Manual;
    std::string timeframe;  ///< Binance kline interval: "15m", "1h"...
    Side default_side = Side::Buy;
    EntrySignal entry_signal;
    RiskConfig risk;
    StopConfig stop;

    friend bool operator==(const Strategy&, const Strategy&) = default;
};

/// The four spot strategies of the original: All In (1), Rescue Forces (2), Smooth Sailing (3),
/// Bounce Back (4). The fifth, Iron Exit Protocol, shorts on margin and cannot exist on spot,
/// so it is left out on purpose.
[[nodiscard]] std::vector<Strategy> builtinStrategies();

/// A built-in strategy by id, or nullopt.
[[nodiscard]] std::optional<Strategy> findStrategy(int id);
/// A built-in strategy by name, ignoring ASCII case ("all in" finds "All In"), or nullopt.
[[nodiscard]] std::optional<Strategy> findStrategyByName(std::string_view name);

/// Kline intervals a strategy may use: 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d.
[[nodiscard]] bool isAllowedTimeframe(std::string_view timeframe);

/// The risk-per-trade ceiling a strategy may configure (2%, the absolute guard limit).
inline const Decimal kMaxStrategyRiskRate = Decimal::fromUnits(2'000'000);

/// Checks a (tenant-defined) strategy; returns one human sentence per problem, empty if valid.
/// Rules: non-empty name, allowed timeframe, risk_rate in (0, 2%], max_position_rate in (0, 1],
/// cost rates in [0, 1), positive signal periods with fast < slow, RSI threshold in (0, 100),
/// stop level_n ≥ 1 and sane stop distances.
[[nodiscard]] std::vector<std::string> validateStrategy(const Strategy& strategy);

}  // namespace robson::domain
