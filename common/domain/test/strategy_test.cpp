#include "robson/domain/strategy.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using robson::domain::BollingerRsi;
using robson::domain::builtinStrategies;
using robson::domain::CostModel;
using robson::domain::describe;
using robson::domain::findStrategy;
using robson::domain::findStrategyByName;
using robson::domain::GoldenCross;
using robson::domain::isAllowedTimeframe;
using robson::domain::MaCrossover;
using robson::domain::parseStrategyMode;
using robson::domain::Side;
using robson::domain::signalKind;
using robson::domain::Strategy;
using robson::domain::StrategyMode;
using robson::domain::UserDecides;
using robson::domain::validateStrategy;
using namespace robson::domain::decimal_literals;
namespace bdata = boost::unit_test::data;

namespace {

/// A valid tenant strategy to break one field at a time.
Strategy tenantStrategy() {
    Strategy strategy = *findStrategy(2);
    strategy.id = 100;
    strategy.name = "My Cross";
    return strategy;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(strategy)

BOOST_AUTO_TEST_CASE(provides_the_four_spot_strategies_of_the_original) {
    const auto strategies = builtinStrategies();
    BOOST_REQUIRE(strategies.size() == 4U);
    BOOST_TEST(strategies[0].name == "All In");
    BOOST_TEST(strategies[1].name == "Rescue Forces");
    BOOST_TEST(strategies[2].name == "Smooth Sailing");
    BOOST_TEST(strategies[3].name == "Bounce Back");
    for (std::size_t i = 0; i < strategies.size(); ++i) {
        BOOST_TEST(strategies[i].id == static_cast<int>(i) + 1);
        BOOST_TEST((strategies[i].risk.costs == CostModel::binanceSpot()));
        BOOST_TEST(strategies[i].default_side == Side::Buy);
        BOOST_TEST(validateStrategy(strategies[i]).empty());
    }
}

BOOST_AUTO_TEST_CASE(configures_all_in_as_manual_with_the_second_support) {
    const auto all_in = *findStrategy(1);
    BOOST_TEST(all_in.mode == StrategyMode::Manual);
    BOOST_TEST(all_in.timeframe == "15m");
    BOOST_TEST(all_in.risk.risk_rate == "0.01"_d);
    BOOST_TEST(all_in.risk.max_position_rate == "1"_d);  // the largest size the risk allows
    BOOST_TEST(all_in.stop.level_n == 2);
    BOOST_TEST(std::holds_alternative<UserDecides>(all_in.entry_signal));
}

BOOST_AUTO_TEST_CASE(carries_each_entry_signal_with_its_periods) {
    const auto rescue = *findStrategy(2);
    BOOST_TEST(rescue.mode == StrategyMode::Auto);
    BOOST_TEST((std::get<MaCrossover>(rescue.entry_signal) == MaCrossover{4, 9}));
    BOOST_TEST(rescue.risk.risk_rate == "0.01"_d);
    const auto smooth = *findStrategy(3);
    BOOST_TEST(smooth.timeframe == "1h");
    BOOST_TEST(smooth.risk.risk_rate == "0.005"_d);
    BOOST_TEST((std::get<GoldenCross>(smooth.entry_signal) == GoldenCross{50, 200}));
    const auto bounce = *findStrategy(4);
    BOOST_TEST(bounce.timeframe == "30m");
    BOOST_TEST(bounce.risk.risk_rate == "0.005"_d);
    BOOST_TEST((std::get<BollingerRsi>(bounce.entry_signal) == BollingerRsi{20, 2.0, 14, 30.0}));
    BOOST_TEST(signalKind(bounce.entry_signal) == "BOLLINGER_RSI");
    BOOST_TEST(describe(rescue.entry_signal) == "SMA4 crosses above SMA9");
    BOOST_TEST(describe(smooth.entry_signal) == "SMA50 crosses above SMA200");
}

BOOST_AUTO_TEST_CASE(finds_strategies_by_id_and_by_name_ignoring_case) {
    BOOST_TEST(findStrategy(3)->name == "Smooth Sailing");
    BOOST_TEST(!findStrategy(5).has_value());  // Iron Exit Protocol is margin-only
    BOOST_TEST(findStrategyByName("bounce back")->id == 4);
    BOOST_TEST(findStrategyByName("ALL IN")->id == 1);
    BOOST_TEST(!findStrategyByName("Iron Exit Protocol").has_value());
    BOOST_TEST(!findStrategyByName("All").has_value());
}

BOOST_AUTO_TEST_CASE(spells_modes_in_lower_case) {
    BOOST_TEST(toString(StrategyMode::Reversion) == "reversion");
    BOOST_TEST(parseStrategyMode("trend") == StrategyMode::Trend);
    BOOST_TEST(!parseStrategyMode("Trend").has_value());
}

BOOST_DATA_TEST_CASE(
    allows_only_binance_kline_intervals,
    bdata::make(std::vector<std::string>{
        "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d"}),
    timeframe) {
    BOOST_TEST(isAllowedTimeframe(timeframe));
}

BOOST_DATA_TEST_CASE(rejects_other_intervals,
                     bdata::make(std::vector<std::string>{
                         "", "1s", "15M", "1w", "1M", "10m", "1h "}),
                     timeframe) {
    BOOST_TEST(!isAllowedTimeframe(timeframe));
}

BOOST_AUTO_TEST_CASE(accepts_a_valid_tenant_strategy) {
    BOOST_TEST(validateStrategy(tenantStrategy()).empty());
}

BOOST_AUTO_TEST_CASE(names_every_problem_of_an_invalid_strategy) {
    Strategy strategy = tenantStrategy();
    strategy.name = "  ";
    strategy.timeframe = "1w";
    strategy.risk.risk_rate = "0.025"_d;
    strategy.stop.level_n = 0;
    const auto errors = validateStrategy(strategy);
    const std::vector<std::string> expected{
        "the strategy needs a name",
        "timeframe '1w' is not one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d",
        "the risk per trade must be within (0%, 2%], got 2.5%",
        "the stop level must be at least 1, got 0",
    };
    BOOST_TEST(errors == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(accepts_the_two_percent_ceiling_but_not_zero_risk) {
    Strategy strategy = tenantStrategy();
    strategy.risk.risk_rate = "0.02"_d;
    BOOST_TEST(validateStrategy(strategy).empty());
    strategy.risk.risk_rate = "0"_d;
    BOOST_TEST(validateStrategy(strategy).size() == 1U);
}

BOOST_AUTO_TEST_CASE(rejects_inconsistent_signal_periods) {
    Strategy strategy = tenantStrategy();
    strategy.entry_signal = MaCrossover{9, 4};
    BOOST_TEST(validateStrategy(strategy).at(0) ==
               "the fast average (9) must be shorter than the slow one (4)");
    strategy.entry_signal = GoldenCross{0, 200};
    BOOST_TEST(validateStrategy(strategy).at(0) ==
               "moving average periods must be at least 1, got 0 and 200");
    strategy.entry_signal = BollingerRsi{20, 0.0, 14, 101.0};
    BOOST_TEST(validateStrategy(strategy).size() == 2U);
}

BOOST_AUTO_TEST_CASE(rejects_bad_position_limits_costs_and_stop_bounds) {
    Strategy strategy = tenantStrategy();
    strategy.risk.max_position_rate = "1.5"_d;
    strategy.risk.costs.taker_fee_rate = "-0.001"_d;
    strategy.stop.max_distance_rate = strategy.stop.min_distance_rate;
    strategy.stop.pivot_bars = 0;
    BOOST_TEST(validateStrategy(strategy).size() == 4U);
}

BOOST_AUTO_TEST_SUITE_END()
