#include "robson/domain/paper_simulation.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <limits>

using robson::domain::CostModel;
using robson::domain::Decimal;
using robson::domain::defaultSpotRules;
using robson::domain::Finding;
using robson::domain::FindingCode;
using robson::domain::GuardStatus;
using robson::domain::OrderType;
using robson::domain::PaperSimulation;
using robson::domain::PaperSimulationRequest;
using robson::domain::Side;
using robson::domain::simulateTrade;
using robson::domain::toGuardResults;
using namespace robson::domain::decimal_literals;

namespace {

/// BUY 0.00051 BTC sized at 95432.10 with the stop at 93500.00; book 95432.09 / 95432.10;
/// 0.1% taker, 0.1% stop-limit offset, no slippage; capital 100 and a budget of 2, so only
/// the tests about the budget see LOSS_EXCEEDS_BUDGET.
PaperSimulationRequest btcExample() {
    PaperSimulationRequest request;
    request.side = Side::Buy;
    request.quantity = "0.00051"_d;
    request.planned_entry = "95432.10"_d;
    request.stop = "93500.00"_d;
    request.capital = "100"_d;
    request.risk_budget = "2"_d;
    request.costs = {"0.001"_d, "0.001"_d, Decimal{}};
    request.rules = defaultSpotRules("BTCUSDT");
    request.quote = {"95432.09"_d, "95432.10"_d, "95432.10"_d};
    return request;
}

bool has(const PaperSimulation& simulation, FindingCode code) {
    return std::ranges::any_of(simulation.findings,
                               [code](const Finding& finding) { return finding.code == code; });
}

/// The single finding (by value: callers pass temporaries).
Finding only(const PaperSimulation& simulation) {
    BOOST_REQUIRE(simulation.findings.size() == 1U);
    return simulation.findings.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(paper_simulation)

BOOST_AUTO_TEST_CASE(prices_the_entry_at_the_ask_with_the_taker_fee) {
    const auto simulation = simulateTrade(btcExample());
    BOOST_TEST(simulation.entry_reference == "95432.10"_d);
    BOOST_TEST(simulation.entry_fill_price == "95432.10"_d);
    BOOST_TEST(simulation.notional == "48.670371"_d);    // 0.00051 × 95432.10
    BOOST_TEST(simulation.entry_fee == "0.04867038"_d);  // 0.048670371 rounded up
    BOOST_TEST(simulation.spread == "0.01"_d);
    BOOST_TEST(simulation.spread_percent == "0.00001048"_d);  // 0.01 × 200 / 190864.19
}

BOOST_AUTO_TEST_CASE(loses_more_at_the_limit_than_at_the_trigger) {
    const auto simulation = simulateTrade(btcExample());
    BOOST_TEST(simulation.stop_trigger == "93500.00"_d);
    BOOST_TEST(simulation.stop_limit_price == "93406.50"_d);
    BOOST_TEST(simulation.stop_quantity == "0.00050"_d);  // floor(0.00051 × 0.999)
    // Trigger: 48.670371 − 47.685 + 0.04867038 + 0.047685 = 1.08172638.
    BOOST_TEST(simulation.loss_at_trigger == "1.08172638"_d);
    // Limit: 48.670371 − 47.637315 + 0.04867038 + 0.04763732 = 1.1293637.
    BOOST_TEST(simulation.loss_at_limit == "1.1293637"_d);
    BOOST_TEST(simulation.worst_loss_percent == "1.1293637"_d);  // of a capital of 100
}

BOOST_AUTO_TEST_CASE(warns_when_a_stop_out_would_exceed_the_budget) {
    auto request = btcExample();
    request.rules.step_size = "0.000001"_d;
    request.rules.min_qty = "0.000001"_d;
    request.risk_budget = "1"_d;
    request.quantity = "0.000517"_d;  // the naive size: 1.0472352 + 0.0493384 + 0.04829117
    const auto simulation = simulateTrade(request);
    BOOST_TEST(simulation.loss_at_limit == "1.14486477"_d);
    const auto& finding = only(simulation);
    BOOST_TEST(finding.code == FindingCode::LossExceedsBudget);
    BOOST_TEST(finding.severity == GuardStatus::Warning);
    BOOST_TEST(finding.message == "a stop-out would lose 1.14 USDT, above the 1.00 budget");
    BOOST_TEST(simulation.passes());
}

BOOST_AUTO_TEST_CASE(finds_nothing_for_the_cost_aware_size) {
    auto request = btcExample();
    request.rules.step_size = "0.000001"_d;
    request.rules.min_qty = "0.000001"_d;
    request.risk_budget = "1"_d;
    request.quantity = "0.000451"_d;  // 0.9135456 + 0.04303988 + 0.04212634 = 0.99871182
    const auto simulation = simulateTrade(request);
    BOOST_TEST(simulation.loss_at_limit == "0.99871182"_d);
    BOOST_TEST(simulation.findings.empty());
    const auto results = toGuardResults(simulation);
    BOOST_REQUIRE(results.size() == 1U);
    BOOST_TEST(results[0].status == GuardStatus::Pass);
    BOOST_TEST(results[0].name == "paper_simulation");
    BOOST_TEST(results[0].message == "a stop-out would lose at most 1.00 (1.00% of capital)");
}

BOOST_AUTO_TEST_CASE(mirrors_the_prices_for_a_sell) {
    auto request = btcExample();
    request.side = Side::Sell;
    request.stop = "97000"_d;
    const auto simulation = simulateTrade(request);
    BOOST_TEST(simulation.entry_reference == "95432.09"_d);  // a SELL hits the bid
    BOOST_TEST(simulation.notional == "48.6703659"_d);
    BOOST_TEST(simulation.stop_limit_price == "97097.00"_d);
    BOOST_TEST(simulation.stop_quantity == "0.00051"_d);
    // Buy back at 97000: 49.47 − 48.6703659 + 0.04867037 + 0.04947 = 0.89777447.
    BOOST_TEST(simulation.loss_at_trigger == "0.89777447"_d);
    BOOST_TEST(simulation.loss_at_limit == "0.94729394"_d);
    BOOST_TEST(simulation.findings.empty());
}

BOOST_AUTO_TEST_CASE(adds_the_slippage_allowance_to_the_entry) {
    auto request = btcExample();
    request.costs = CostModel::binanceSpot();
    // 95432.10 × 1.0005 = 95479.81605.
    BOOST_TEST(simulateTrade(request).entry_fill_price == "95479.81605"_d);
}

BOOST_AUTO_TEST_CASE(warns_when_the_stop_sits_within_one_atr) {
    auto request = btcExample();
    request.atr = 2500.0;
    const auto& finding = only(simulateTrade(request));
    BOOST_TEST(finding.code == FindingCode::StopWithinNoise);
    BOOST_TEST(finding.message ==
               "the stop is 1932.1 from the entry fill, less than one ATR (2500.00): ordinary "
               "noise can reach it");
    request.atr = 1500.0;
    BOOST_TEST(simulateTrade(request).findings.empty());
    request.atr = std::numeric_limits<double>::quiet_NaN();  // no usable ATR: no judgement
    BOOST_TEST(simulateTrade(request).findings.empty());
}

BOOST_AUTO_TEST_CASE(warns_when_the_price_drifted_from_the_planned_entry) {
    auto request = btcExample();
    request.quote = {"95999.99"_d, "96000"_d, "96000"_d};
    // 567.90 / 95432.10 = 0.595%.
    const auto& finding = only(simulateTrade(request));
    BOOST_TEST(finding.code == FindingCode::EntryDrift);
    BOOST_TEST(finding.message ==
               "the ask 96000 is 0.60% above the planned entry 95432.1: the size was computed for "
               "that price");
    request.quote = {"95900"_d, "95900.01"_d, "95900"_d};  // 0.49%: fine
    BOOST_TEST(simulateTrade(request).findings.empty());
}

BOOST_AUTO_TEST_CASE(warns_about_a_wide_spread) {
    auto request = btcExample();
    request.quote = {"95300"_d, "95432.10"_d, "95400"_d};
    // 132.10 × 200 / 190732.10 = 0.1385%.
    const auto& finding = only(simulateTrade(request));
    BOOST_TEST(finding.code == FindingCode::WideSpread);
    BOOST_TEST(finding.message == "the spread 132.1 is 0.14% of the mid price, wider than 0.1%");
}

BOOST_AUTO_TEST_CASE(warns_that_an_off_tick_stop_will_be_rounded) {
    auto request = btcExample();
    request.stop = "93500.005"_d;
    const auto& finding = only(simulateTrade(request));
    BOOST_TEST(finding.code == FindingCode::StopRoundedToTick);
    BOOST_TEST(finding.message ==
               "the stop 93500.005 is off the 0.01 tick; the order will carry 93500");
}

BOOST_AUTO_TEST_CASE(fails_a_quantity_off_the_lot_step) {
    auto request = btcExample();
    request.quantity = "0.000515"_d;
    const auto simulation = simulateTrade(request);
    BOOST_TEST(!simulation.passes());
    BOOST_TEST(simulation.findings.front().code == FindingCode::FilterBreach);
    BOOST_TEST(simulation.findings.front().message ==
               "the entry MARKET BUY order breaks LOT_SIZE: quantity 0.000515 is not a multiple of "
               "0.00001");
}

BOOST_AUTO_TEST_CASE(fails_a_stop_whose_notional_is_too_small) {
    auto request = btcExample();
    request.quantity = "0.00006"_d;  // stop sells 0.00005 × 93406.50 = 4.670325
    const auto& finding = only(simulateTrade(request));
    BOOST_TEST(finding.severity == GuardStatus::Fail);
    BOOST_TEST(finding.message ==
               "the stop STOP_LOSS_LIMIT SELL order breaks NOTIONAL: notional 4.670325 is below "
               "the minimum 5");
}

BOOST_AUTO_TEST_CASE(fails_a_stop_that_would_trigger_at_once) {
    auto request = btcExample();
    request.stop = "95420"_d;
    request.quote.last_price = "95400"_d;  // the last trade is already below the stop
    const auto simulation = simulateTrade(request);
    BOOST_TEST(has(simulation, FindingCode::StopWouldTrigger));
    BOOST_TEST(simulation.findings.front().message ==
               "the SELL stop 95420 is not below the market (bid 95432.09, last 95400): it would "
               "trigger at once");
    request.quote.last_price = "95432.10"_d;
    request.stop = "95432.09"_d;  // at the bid
    BOOST_TEST(has(simulateTrade(request), FindingCode::StopWouldTrigger));
}

BOOST_AUTO_TEST_CASE(fails_when_the_symbol_allows_no_protective_stop) {
    auto request = btcExample();
    request.rules.order_types = {OrderType::Market, OrderType::Limit};
    const auto& finding = only(simulateTrade(request));
    BOOST_TEST(finding.code == FindingCode::OrderTypeNotAllowed);
    request.rules.order_types = {OrderType::Limit, OrderType::StopLossLimit};
    BOOST_TEST(only(simulateTrade(request)).message ==
               "the entry MARKET BUY order breaks ORDER_TYPE: order type MARKET is not allowed for "
               "BTCUSDT");
}

BOOST_AUTO_TEST_CASE(fails_unusable_inputs_and_quotes_without_numbers) {
    auto request = btcExample();
    request.quantity = Decimal{};
    BOOST_TEST(only(simulateTrade(request)).code == FindingCode::InvalidInput);
    request = btcExample();
    request.stop = "96000"_d;
    BOOST_TEST(only(simulateTrade(request)).message ==
               "a BUY's stop must be below the planned entry: stop 96000, entry 95432.1");
    request = btcExample();
    request.quote = {"95432.10"_d, "95432.00"_d, "95432.05"_d};
    const auto crossed = simulateTrade(request);
    BOOST_TEST(only(crossed).code == FindingCode::InvalidQuote);
    BOOST_TEST(crossed.loss_at_limit == Decimal{});
}

BOOST_AUTO_TEST_CASE(turns_findings_into_validation_entries) {
    auto request = btcExample();
    request.quantity = "0.000515"_d;
    request.risk_budget = "1"_d;
    request.atr = 2500.0;
    const auto results = toGuardResults(simulateTrade(request));
    BOOST_REQUIRE(results.size() == 3U);  // LOT_SIZE, LOSS_EXCEEDS_BUDGET, STOP_WITHIN_NOISE
    BOOST_TEST(results[0].status == GuardStatus::Fail);
    BOOST_TEST(results[0].code == "FILTER_BREACH");
    BOOST_TEST(results[1].status == GuardStatus::Warning);
    BOOST_TEST(results[1].code == "LOSS_EXCEEDS_BUDGET");
    BOOST_TEST(results[2].code == "STOP_WITHIN_NOISE");
}

BOOST_AUTO_TEST_SUITE_END()
