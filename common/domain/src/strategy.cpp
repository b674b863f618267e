#include "robson/domain/strategy.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace robson::domain {
namespace {

constexpr std::array<std::string_view, 12> kTimeframes{
    "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d"};

constexpr std::array<std::pair<StrategyMode, std::string_view>, 4> kModeNames{{
    {StrategyMode::Manual, "manual"},
    {StrategyMode::Auto, "auto"},
    {StrategyMode::Trend, "trend"},
    {StrategyMode::Reversion, "reversion"},
}};

// Overload set for std::visit.
template <typename... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};
template <typename... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return lowerAscii(x) == lowerAscii(y);
           });
}

Strategy makeStrategy(int id,
                      std::string name,
                      std::string description,
                      StrategyMode mode,
                      std::string timeframe,
                      EntrySignal signal,
                      Decimal risk_rate) {
    Strategy strategy;
    strategy.id = id;
    strategy.name = std::move(name);
    strategy.description = std::move(description);
    strategy.mode = mode;
    strategy.timeframe = std::move(timeframe);
    strategy.default_side = Side::Buy;
    strategy.entry_signal = signal;
    strategy.risk.risk_rate = risk_rate;
    return strategy;  // default StopConfig: the second support (level 2) of the timeframe
}

void checkCrossover(int fast, int slow, std::vector<std::string>& errors) {
    if (fast < 1 || slow < 1) {
        errors.push_back("moving average periods must be at least 1, got " + std::to_string(fast) +
                         " and " + std::to_string(slow));
    } else if (fast >= slow) {
        errors.push_back("the fast average (" + std::to_string(fast) +
                         ") must be shorter than the slow one (" + std::to_string(slow) + ")");
    }
}

void checkSignal(const EntrySignal& signal, std::vector<std::string>& errors) {
    std::visit(Overloaded{
                   [](const UserDecides&) {},
                   [&](const MaCrossover& s) { checkCrossover(s.fast, s.slow, errors); },
                   [&](const GoldenCross& s) { checkCrossover(s.fast, s.slow, errors); },
                   [&](const BollingerRsi& s) {
                       if (s.band_period < 2 || s.rsi_period < 1) {
                           errors.emplace_back(
                               "Bollinger needs a period of at least 2 and RSI at least 1");
                       }
                       if (!std::isfinite(s.band_deviations) || s.band_deviations <= 0.0) {
                           errors.emplace_back(
                               "the Bollinger band width must be a positive number of deviations");
                       }
                       if (!(s.rsi_oversold > 0.0 && s.rsi_oversold < 100.0)) {
                           errors.emplace_back("the RSI threshold must be within (0, 100)");
                       }
                   },
               },
               signal);
}

bool isRate(Decimal rate) {
    return !rate.isNegative() && rate < Decimal::fromInteger(1);
}

void checkRisk(const RiskConfig& risk, std::vector<std::string>& errors) {
    if (!risk.risk_rate.isPositive() || risk.risk_rate > kMaxStrategyRiskRate) {
        errors.push_back("the risk per trade must be within (0%, 2%], got " +
                         mulInteger(risk.risk_rate, 100).toString() + "%");
    }
    if (!risk.max_position_rate.isPositive() || risk.max_position_rate > Decimal::fromInteger(1)) {
        errors.push_back("the maximum position rate must be within (0, 1], got " +
                         risk.max_position_rate.toString());
    }
    if (!isRate(risk.costs.taker_fee_rate) || !isRate(risk.costs.stop_limit_offset_rate) ||
        !isRate(risk.costs.entry_slippage_rate)) {
        errors.emplace_back("cost rates must be within [0, 1)");
    }
}

void checkStop(const StopConfig& stop, std::vector<std::string>& errors) {
    if (stop.level_n < 1) {
        errors.push_back("the stop level must be at least 1, got " + std::to_string(stop.level_n));
    }
    if (stop.pivot_bars < 1 || stop.min_touches < 1 || stop.atr_period < 1 || stop.lookback < 1) {
        errors.emplace_back(
            "pivot bars, minimum touches, ATR period and lookback must be at least 1");
    }
    if (stop.min_distance_rate.isNegative() || stop.max_distance_rate <= stop.min_distance_rate) {
        errors.push_back("the stop distance bounds must satisfy 0 <= minimum < maximum, got " +
                         stop.min_distance_rate.toString() + " and " +
                         stop.max_distance_rate.toString());
    }
}

}  // namespace

std::string_view toString(StrategyMode mode) {
    for (const auto& [candidate, name] : kModeNames) {
        if (candidate == mode) {
            return name;
        }
    }
    return "unknown";
}

std::optional<StrategyMode> parseStrategyMode(std::string_view text) {
    for (const auto& [mode, name] : kModeNames) {
        if (name == text) {
            return mode;
        }
    }
    return std::nullopt;
}

std::string_view signalKind(const EntrySignal& signal) {
    return std::visit(Overloaded{
                          [](const UserDecides&) { return std::string_view("USER_DECIDES"); },
                          [](const MaCrossover&) { return std::string_view("MA_CROSSOVER"); },
                          [](const GoldenCross&) { return std::string_view("GOLDEN_CROSS"); },
                          [](const BollingerRsi&) { return std::string_view("BOLLINGER_RSI"); },
                      },
                      signal);
}

std::string describe(const EntrySignal& signal) {
    const auto cross = [](int fast, int slow) {
        return "SMA" + std::to_string(fast) + " crosses above SMA" + std::to_string(slow);
    };
    return std::visit(
        Overloaded{
            [](const UserDecides&) { return std::string("the user decides when to enter"); },
            [&](const MaCrossover& s) { return cross(s.fast, s.slow); },
            [&](const GoldenCross& s) { return cross(s.fast, s.slow); },
            [](const BollingerRsi& s) {
                return "price touches the lower Bollinger band (" + std::to_string(s.band_period) +
                       ") while RSI" + std::to_string(s.rsi_period) + " is oversold";
            },
        },
        signal);
}

std::vector<Strategy> builtinStrategies() {
    const Decimal one_percent = Decimal::fromUnits(1'000'000);
    const Decimal half_percent = Decimal::fromUnits(500'000);
    return {
        makeStrategy(
            1,
            "All In",
            "You decide the entry; Robson buys the largest size a 1% risk allows, with the "
            "stop at the second support of the 15m chart.",
            StrategyMode::Manual,
            "15m",
            UserDecides{},
            one_percent),
        // The original's stop rule was "below MA9" with no offset; we use the technical stop.
        makeStrategy(2,
                     "Rescue Forces",
                     "Enters when SMA4 crosses above SMA9 on the 15m chart.",
                     StrategyMode::Auto,
                     "15m",
                     MaCrossover{},
                     one_percent),
        makeStrategy(3,
                     "Smooth Sailing",
                     "Rides the trend: enters on the golden cross (SMA50 over SMA200) on 1h.",
                     StrategyMode::Trend,
                     "1h",
                     GoldenCross{},
                     half_percent),
        makeStrategy(
            4,
            "Bounce Back",
            "Buys the dip: price at the lower Bollinger band (20, 2σ) with RSI14 below 30 on 30m.",
            StrategyMode::Reversion,
            "30m",
            BollingerRsi{},
            half_percent),
    };
}

std::optional<Strategy> findStrategy(int id) {
    for (auto& strategy : builtinStrategies()) {
        if (strategy.id == id) {
            return std::move(strategy);
        }
    }
    return std::nullopt;
}

std::optional<Strategy> findStrategyByName(std::string_view name) {
    for (auto& strategy : builtinStrategies()) {
        if (equalsIgnoringCase(strategy.name, name)) {
            return std::move(strategy);
        }
    }
    return std::nullopt;
}

bool isAllowedTimeframe(std::string_view timeframe) {
    return std::find(kTimeframes.begin(), kTimeframes.end(), timeframe) != kTimeframes.end();
}

std::vector<std::string> validateStrategy(const Strategy& strategy) {
    std::vector<std::string> errors;
    if (strategy.name.find_first_not_of(" \t") == std::string::npos) {
        errors.emplace_back("the strategy needs a name");
    }
    if (!isAllowedTimeframe(strategy.timeframe)) {
        errors.push_back("timeframe '" + strategy.timeframe +
                         "' is not one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d");
    }
    checkRisk(strategy.risk, errors);
    checkSignal(strategy.entry_signal, errors);
    checkStop(strategy.stop, errors);
    return errors;
}

}  // namespace robson::domain
