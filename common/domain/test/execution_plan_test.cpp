#include "robson/domain/execution_plan.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::CostModel;
using robson::domain::Decimal;
using robson::domain::defaultSpotRules;
using robson::domain::ExecutionMode;
using robson::domain::ExecutionPlanRequest;
using robson::domain::OrderType;
using robson::domain::planExecution;
using robson::domain::protectiveStopQuantity;
using robson::domain::Side;
using robson::domain::SymbolStatus;
using robson::domain::TimeInForce;
using namespace robson::domain::decimal_literals;

namespace {

/// The plan example: BTCUSDT, BUY 0.00051 at market (~95432.10), stop 93500.00, Binance costs.
ExecutionPlanRequest planExample() {
    ExecutionPlanRequest request;
    request.intent_id = "intent-42";
    request.side = Side::Buy;
    request.quantity = "0.00051"_d;
    request.entry_type = OrderType::Market;
    request.entry_price = "95432.10"_d;
    request.stop_price = "93500.00"_d;
    request.rules = defaultSpotRules("BTCUSDT");
    request.costs = CostModel::binanceSpot();
    return request;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(execution_plan)

BOOST_AUTO_TEST_CASE(plans_a_market_entry_and_a_stop_loss_limit_below_it) {
    const auto result = planExecution(planExample());
    BOOST_REQUIRE(result.ok());
    const auto& entry = result.plan().entry;
    BOOST_TEST(entry.client_order_id == "rb-intent-42-e");
    BOOST_TEST(entry.symbol == "BTCUSDT");
    BOOST_TEST(entry.side == Side::Buy);
    BOOST_TEST(entry.type == OrderType::Market);
    BOOST_TEST(entry.quantity == "0.00051"_d);
    BOOST_TEST(!entry.price.has_value());
    BOOST_TEST(!entry.stop_price.has_value());
    BOOST_TEST(!entry.time_in_force.has_value());
    const auto& stop = result.plan().stop;
    BOOST_TEST(stop.client_order_id == "rb-intent-42-s");
    BOOST_TEST(stop.side == Side::Sell);
    BOOST_TEST(stop.type == OrderType::StopLossLimit);
    BOOST_TEST(stop.stop_price == "93500.00"_d);
    BOOST_TEST(stop.price == "93406.50"_d);  // 93500.00 × 0.999
    BOOST_TEST(stop.time_in_force == TimeInForce::Gtc);
    // The 0.1% fee arrives in BTC: 0.00051 × 0.999 = 0.00050949 → 0.00050 on the step;
    // 0.00000949 stays unprotected.
    BOOST_TEST(stop.quantity == "0.00050"_d);
    BOOST_TEST(result.plan().unprotected_quantity == "0.00000949"_d);
}

BOOST_AUTO_TEST_CASE(sells_the_full_quantity_when_the_commission_is_not_in_base) {
    auto request = planExample();
    request.commission_in_base = false;  // e.g. BNB pays the fees
    const auto result = planExecution(request);
    BOOST_TEST(result.plan().stop.quantity == "0.00051"_d);
    BOOST_TEST(result.plan().unprotected_quantity == Decimal{});
}

BOOST_AUTO_TEST_CASE(plans_the_same_orders_for_dry_run_and_live) {
    auto request = planExample();
    const auto dry = planExecution(request);
    request.mode = ExecutionMode::Live;
    const auto live = planExecution(request);
    BOOST_TEST(dry.plan().mode == ExecutionMode::DryRun);
    BOOST_TEST(live.plan().mode == ExecutionMode::Live);
    BOOST_TEST((dry.plan().entry == live.plan().entry));
    BOOST_TEST((dry.plan().stop == live.plan().stop));
    BOOST_TEST(toString(ExecutionMode::DryRun) == "DRY_RUN");
}

BOOST_AUTO_TEST_CASE(sends_a_limit_entry_with_its_price_and_gtc) {
    auto request = planExample();
    request.entry_type = OrderType::Limit;
    request.entry_price = "95000.00"_d;
    const auto result = planExecution(request);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.plan().entry.type == OrderType::Limit);
    BOOST_TEST(result.plan().entry.price == "95000.00"_d);
    BOOST_TEST(result.plan().entry.time_in_force == TimeInForce::Gtc);
}

BOOST_AUTO_TEST_CASE(refuses_a_limit_price_off_the_tick) {
    auto request = planExample();
    request.entry_type = OrderType::Limit;
    request.entry_price = "95000.005"_d;
    const auto result = planExecution(request);
    BOOST_REQUIRE(!result.ok());
    BOOST_TEST(result.refusal().order == "entry");
    BOOST_TEST(result.refusal().filter == "PRICE_FILTER");
    BOOST_TEST(result.refusal().reason ==
               "the entry order breaks PRICE_FILTER: price 95000.005 is not a multiple of 0.01");
}

BOOST_AUTO_TEST_CASE(rounds_the_stop_away_from_the_entry_on_both_sides) {
    auto request = planExample();
    request.stop_price = "93500.009"_d;
    BOOST_TEST(planExecution(request).plan().stop.stop_price == "93500.00"_d);
    // SELL: the BUY stop ceils 97000.004 → 97000.01; × 1.001 = 97097.01001 → 97097.02.
    request.side = Side::Sell;
    request.stop_price = "97000.004"_d;
    const auto result = planExecution(request);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.plan().stop.side == Side::Buy);
    BOOST_TEST(result.plan().stop.stop_price == "97000.01"_d);
    BOOST_TEST(result.plan().stop.price == "97097.02"_d);
    BOOST_TEST(result.plan().stop.quantity == "0.00051"_d);  // buying back needs no base fee
}

BOOST_AUTO_TEST_CASE(falls_back_to_stop_loss_when_the_limit_variant_is_not_allowed) {
    auto request = planExample();
    request.rules.order_types = {OrderType::Market, OrderType::Limit, OrderType::StopLoss};
    const auto result = planExecution(request);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.plan().stop.type == OrderType::StopLoss);
    BOOST_TEST(result.plan().stop.stop_price == "93500.00"_d);
    BOOST_TEST(!result.plan().stop.price.has_value());
    BOOST_TEST(!result.plan().stop.time_in_force.has_value());
}

BOOST_AUTO_TEST_CASE(refuses_when_no_stop_order_type_is_allowed) {
    auto request = planExample();
    request.rules.order_types = {OrderType::Market, OrderType::Limit};
    const auto result = planExecution(request);
    BOOST_TEST(result.refusal().filter == "ORDER_TYPE");
    BOOST_TEST(result.refusal().reason ==
               "the stop order breaks ORDER_TYPE: neither STOP_LOSS_LIMIT nor STOP_LOSS is allowed "
               "for BTCUSDT");
}

BOOST_AUTO_TEST_CASE(refuses_an_entry_type_the_symbol_does_not_allow) {
    auto request = planExample();
    request.rules.order_types.erase(OrderType::Market);
    BOOST_TEST(planExecution(request).refusal().reason ==
               "the entry order breaks ORDER_TYPE: order type MARKET is not allowed for BTCUSDT");
}

BOOST_AUTO_TEST_CASE(refuses_a_stop_whose_notional_falls_below_the_minimum) {
    auto request = planExample();
    request.quantity = "0.00006"_d;  // entry 0.00006 × 95432.10 = 5.725926 passes
    // Stop: floor(0.00006 × 0.999 = 0.00005994) = 0.00005; × 93406.50 = 4.670325 < 5.
    const auto result = planExecution(request);
    BOOST_REQUIRE(!result.ok());
    BOOST_TEST(result.refusal().order == "stop");
    BOOST_TEST(result.refusal().filter == "NOTIONAL");
    BOOST_TEST(result.refusal().reason ==
               "the stop order breaks NOTIONAL: notional 4.670325 is below the minimum 5");
}

BOOST_AUTO_TEST_CASE(refuses_an_entry_quantity_off_the_step) {
    auto request = planExample();
    request.quantity = "0.000515"_d;
    const auto result = planExecution(request);
    BOOST_TEST(result.refusal().filter == "LOT_SIZE");
    BOOST_TEST(result.refusal().order == "entry");
}

BOOST_AUTO_TEST_CASE(checks_market_lot_size_only_for_the_market_entry) {
    auto request = planExample();
    request.rules.market_max_qty = "0.0001"_d;
    BOOST_TEST(planExecution(request).refusal().filter == "MARKET_LOT_SIZE");
    request.entry_type = OrderType::Limit;
    BOOST_TEST(planExecution(request).ok());
}

BOOST_AUTO_TEST_CASE(refuses_requests_that_cannot_be_traded) {
    auto request = planExample();
    request.rules.status = SymbolStatus::Break;
    BOOST_TEST(planExecution(request).refusal().filter == "SYMBOL_STATUS");
    BOOST_TEST(planExecution(request).refusal().reason == "BTCUSDT is BREAK, not TRADING");
    request = planExample();
    request.stop_price = "96000"_d;
    BOOST_TEST(planExecution(request).refusal().reason ==
               "a BUY's stop must be below the entry: stop 96000, entry 95432.1");
    request = planExample();
    request.quantity = Decimal{};
    BOOST_TEST(planExecution(request).refusal().filter == "INVALID_REQUEST");
    request = planExample();
    request.entry_type = OrderType::StopLoss;
    BOOST_TEST(planExecution(request).refusal().reason ==
               "the entry must be MARKET or LIMIT, got STOP_LOSS");
}

BOOST_AUTO_TEST_CASE(floors_the_protective_quantity_to_the_lot_step) {
    const auto rules = defaultSpotRules("ETHUSDT");  // step 0.0001
    // 1.2345 × 0.999 = 1.2332655 → 1.2332; a SELL entry buys back the full 1.2345.
    BOOST_TEST(protectiveStopQuantity(Side::Buy, "1.2345"_d, "0.001"_d, rules, true) == "1.2332"_d);
    BOOST_TEST(protectiveStopQuantity(Side::Buy, "1.2345"_d, "0.001"_d, rules, false) ==
               "1.2345"_d);
    BOOST_TEST(protectiveStopQuantity(Side::Sell, "1.2345"_d, "0.001"_d, rules, true) ==
               "1.2345"_d);
}

BOOST_AUTO_TEST_SUITE_END()
