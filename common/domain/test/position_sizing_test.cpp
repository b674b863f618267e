#include "robson/domain/position_sizing.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using robson::domain::CostModel;
using robson::domain::Decimal;
using robson::domain::defaultSpotRules;
using robson::domain::Side;
using robson::domain::sizePosition;
using robson::domain::SizingBound;
using robson::domain::SizingRefusalCode;
using robson::domain::SizingRequest;
using robson::domain::SymbolRules;
using namespace robson::domain::decimal_literals;
namespace bdata = boost::unit_test::data;

namespace {

/// BTCUSDT with a custom lot step (the notes' 0.000001 example) and min notional 5.
SymbolRules btcRules(Decimal step) {
    SymbolRules rules = defaultSpotRules("BTCUSDT");
    rules.step_size = step;
    rules.min_qty = step;
    return rules;
}

/// The mission plan's example: capital 100, 1%, entry 95432.10, stop 93500.00.
SizingRequest missionExample(Decimal step, CostModel costs) {
    SizingRequest request;
    request.side = Side::Buy;
    request.capital = "100"_d;
    request.risk_rate = "0.01"_d;
    request.entry = "95432.10"_d;
    request.stop = "93500.00"_d;
    request.rules = btcRules(step);
    request.costs = costs;
    return request;
}

CostModel feesAndOffset() {
    return {"0.001"_d, "0.001"_d, Decimal{}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(position_sizing)

BOOST_AUTO_TEST_CASE(sizes_the_mission_example_without_costs) {
    const auto result = sizePosition(missionExample("0.000001"_d, CostModel::none()));
    BOOST_REQUIRE(result.ok());
    const auto& size = result.size();
    // 1.00 / 1932.10 = 0.00051757… → floor to 0.000001 = 0.000517.
    BOOST_TEST(size.risk_budget == "1.00"_d);
    BOOST_TEST(size.risk_quantity == "0.00051757"_d);
    BOOST_TEST(size.quantity == "0.000517"_d);
    BOOST_TEST(size.bound == SizingBound::Risk);
    // 0.000517 × 95432.10 = 49.3383957 (49.34); 0.000517 × 1932.10 = 0.9988957.
    BOOST_TEST(size.position_value == "49.3383957"_d);
    BOOST_TEST(size.position_value.toFixed(2) == "49.34");
    BOOST_TEST(size.position_value.toFixed(4) == "49.3384");
    BOOST_TEST(size.naive_risk == "0.9988957"_d);
    BOOST_TEST(size.naive_risk.toFixed(5) == "0.99890");
    BOOST_TEST(size.planned_risk == "0.9988957"_d);
    // 1932.10 × 100 / 95432.10 = 2.0245808276… → 2.02458083.
    BOOST_TEST(size.stop_distance == "1932.10"_d);
    BOOST_TEST(size.stop_distance_percent == "2.02458083"_d);
    BOOST_TEST(size.note.empty());
}

BOOST_AUTO_TEST_CASE(prices_fees_and_the_stop_limit_offset_into_the_size) {
    const auto result = sizePosition(missionExample("0.000001"_d, feesAndOffset()));
    BOOST_REQUIRE(result.ok());
    const auto& size = result.size();
    // worst = 2025.60 + 188.8386 = 2214.4386; 1 / 2214.4386 = 0.00045158… → 0.000451.
    BOOST_TEST(size.unit_loss.total == "2214.4386"_d);
    BOOST_TEST(size.stop_prices.limit == "93406.50"_d);
    BOOST_TEST(size.quantity == "0.000451"_d);
    // 0.000451 × 2214.4386 = 0.9987118086 → up to 0.99871181 (0.99871).
    BOOST_TEST(size.planned_risk == "0.99871181"_d);
    BOOST_TEST(size.planned_risk.toFixed(5) == "0.99871");
    // Naive: 0.000451 × 1932.10 = 0.8713771; value with fee: 0.000451 × 95527.5321 = 43.08291697…
    BOOST_TEST(size.naive_risk == "0.8713771"_d);
    BOOST_TEST(size.value_with_fees == "43.08291698"_d);
}

BOOST_AUTO_TEST_CASE(rounds_quantity_down_to_step_size) {
    // 0.00051757 at step 0.00001 → 0.00051 (half-even would give 0.00052, risking 1.0047).
    const auto result = sizePosition(missionExample("0.00001"_d, CostModel::none()));
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.size().quantity == "0.00051"_d);
    // 0.00051 × 1932.10 = 0.985371; value 0.00051 × 95432.10 = 48.670371.
    BOOST_TEST(result.size().planned_risk == "0.985371"_d);
    BOOST_TEST(result.size().planned_risk.toFixed(5) == "0.98537");
    BOOST_TEST(result.size().position_value.toFixed(2) == "48.67");
}

BOOST_AUTO_TEST_CASE(sizes_the_large_account_vector_without_rounding_up) {
    auto request = missionExample("0.0001"_d, CostModel::none());
    request.capital = "10000"_d;
    request.entry = "95000"_d;
    request.stop = "93500"_d;
    const auto result = sizePosition(request);
    BOOST_REQUIRE(result.ok());
    // 100 / 1500 = 0.06666666 → 0.0666 (the docs' 0.0667 would risk 100.05).
    BOOST_TEST(result.size().quantity == "0.0666"_d);
    BOOST_TEST(result.size().planned_risk == "99.9"_d);
}

BOOST_AUTO_TEST_CASE(sizes_the_worked_stop_example_with_costs) {
    SizingRequest request;
    request.capital = "1000"_d;
    request.risk_rate = "0.01"_d;
    request.entry = "100.00"_d;
    request.stop = "97.60"_d;
    request.costs = feesAndOffset();
    request.max_position_rate = "0.99"_d;  // R's 100 bps headroom
    request.rules.step_size = "0.01"_d;
    // No tick: stop_fill 97.5024, worst 2.4976 + 0.1975024 = 2.6951024, 10 / 2.6951024 → 3.71.
    auto result = sizePosition(request);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.size().unit_loss.total == "2.6951024"_d);
    BOOST_TEST(result.size().quantity == "3.71"_d);
    BOOST_TEST(result.size().planned_risk == "9.99882991"_d);  // 9.998829904 rounded up
    // The exchange tick 0.01 floors the limit to 97.50: worst 2.50 + 0.1975 = 2.6975 → 3.70.
    request.rules.tick_size = "0.01"_d;
    result = sizePosition(request);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.size().unit_loss.total == "2.6975"_d);
    BOOST_TEST(result.size().quantity == "3.70"_d);
    BOOST_TEST(result.size().planned_risk == "9.98075"_d);
    // Without costs it would be 10 / 2.40 = 4.1666… → 4.16.
    request.costs = CostModel::none();
    BOOST_TEST(sizePosition(request).size().quantity == "4.16"_d);
}

BOOST_AUTO_TEST_CASE(floors_to_the_market_step_for_market_orders) {
    auto request = missionExample("0.00001"_d, CostModel::none());
    request.rules.market_step_size = "0.0001"_d;
    BOOST_TEST(sizePosition(request).size().quantity == "0.0005"_d);
    request.market_order = false;
    BOOST_TEST(sizePosition(request).size().quantity == "0.00051"_d);
}

BOOST_AUTO_TEST_CASE(reports_the_capital_bound_when_the_stop_is_tight) {
    // Entry 100, stop 99.90: risk allows 1 / 0.10 = 10 units, but 100 buys only 1.
    auto request = missionExample("0.001"_d, CostModel::none());
    request.entry = "100"_d;
    request.stop = "99.90"_d;
    auto result = sizePosition(request);
    BOOST_TEST(result.size().risk_quantity == "10"_d);
    BOOST_TEST(result.size().quantity == "1"_d);
    BOOST_TEST(result.size().bound == SizingBound::Capital);
    // Half the capital at most: 0.5 units.
    request.max_position_rate = "0.5"_d;
    result = sizePosition(request);
    BOOST_TEST(result.size().quantity == "0.5"_d);
    BOOST_TEST(result.size().bound == SizingBound::MaxPosition);
    // A free balance of 30 binds before the capital.
    request.max_position_rate = "1"_d;
    request.free_balance = "30"_d;
    result = sizePosition(request);
    BOOST_TEST(result.size().quantity == "0.3"_d);
    BOOST_TEST(result.size().bound == SizingBound::Capital);
}

BOOST_AUTO_TEST_CASE(keeps_room_for_slippage_and_the_entry_fee_within_the_capital) {
    auto request = missionExample("0.001"_d, CostModel::binanceSpot());
    request.entry = "100"_d;
    request.stop = "99.90"_d;
    const auto result = sizePosition(request);
    // One unit costs 100 × 1.0005 × 1.001 = 100.15005, so 100 buys 0.99850… → 0.998.
    BOOST_TEST(result.size().quantity == "0.998"_d);
    BOOST_TEST(result.size().value_with_fees <= "100"_d);
}

BOOST_AUTO_TEST_CASE(caps_to_the_exchange_maximum_quantity_and_says_so) {
    auto request = missionExample("0.001"_d, CostModel::none());
    request.entry = "100"_d;
    request.stop = "99.90"_d;
    request.rules.max_qty = "0.5"_d;
    auto result = sizePosition(request);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.size().quantity == "0.5"_d);
    BOOST_TEST(result.size().bound == SizingBound::MaxQuantity);
    BOOST_TEST(result.size().note ==
               "capped to the exchange maximum quantity 0.5 for BTCUSDT (the limits allow 1)");
    request.rules.market_max_qty = "0.2"_d;
    BOOST_TEST(sizePosition(request).size().quantity == "0.2"_d);
    request.market_order = false;
    BOOST_TEST(sizePosition(request).size().quantity == "0.5"_d);
}

BOOST_AUTO_TEST_CASE(refuses_a_quantity_below_the_minimum_with_the_numbers) {
    auto request = missionExample("0.00001"_d, CostModel::none());
    request.capital = "1"_d;
    const auto result = sizePosition(request);
    BOOST_REQUIRE(!result.ok());
    BOOST_TEST(result.refusal().code == SizingRefusalCode::BelowMinQuantity);
    // 0.01 / 1932.10 = 0.00000517.
    BOOST_TEST(
        result.refusal().reason ==
        "quantity 0.00000517 is below the minimum 0.00001 for BTCUSDT: a 1% risk on 1 with a "
        "2.02% stop buys too little");
}

BOOST_AUTO_TEST_CASE(refuses_a_quantity_that_floors_to_zero_without_a_minimum) {
    auto request = missionExample("0.00001"_d, CostModel::none());
    request.capital = "1"_d;
    request.rules.min_qty = Decimal{};
    const auto result = sizePosition(request);
    BOOST_TEST(
        result.refusal().reason ==
        "quantity 0.00000517 rounds down to 0 on the step 0.00001 for BTCUSDT: a 1% risk on 1 "
        "with a 2.02% stop buys too little");
}

BOOST_AUTO_TEST_CASE(names_the_free_balance_when_it_buys_too_little) {
    auto request = missionExample("0.00001"_d, CostModel::none());
    request.free_balance = "0.5"_d;
    const auto result = sizePosition(request);
    BOOST_TEST(result.refusal().code == SizingRefusalCode::BelowMinQuantity);
    // 0.5 / 95432.10 = 0.00000523.
    BOOST_TEST(result.refusal().reason ==
               "quantity 0.00000523 is below the minimum 0.00001 for BTCUSDT: the free balance 0.5 "
               "USDT at 95432.1 buys too little");
}

BOOST_AUTO_TEST_CASE(refuses_a_notional_below_the_minimum) {
    auto request = missionExample("0.00001"_d, CostModel::none());
    request.capital = "9"_d;
    const auto result = sizePosition(request);
    BOOST_REQUIRE(!result.ok());
    BOOST_TEST(result.refusal().code == SizingRefusalCode::BelowMinNotional);
    // 0.09 / 1932.10 = 0.00004658 → 0.00004; × 95432.10 = 3.817284 < 5.
    BOOST_TEST(
        result.refusal().reason ==
        "notional 3.817284 is below the minimum 5 for BTCUSDT (quantity 0.00004 at 95432.1): a "
        "1% risk on 9 with a 2.02% stop buys too little");
}

BOOST_AUTO_TEST_CASE(refuses_a_notional_above_the_maximum_as_an_exchange_filter) {
    auto request = missionExample("0.000001"_d, CostModel::none());
    request.rules.max_notional = "10"_d;
    const auto result = sizePosition(request);
    BOOST_TEST(result.refusal().code == SizingRefusalCode::ExchangeFilter);
    BOOST_TEST(result.refusal().reason ==
               "notional 49.3383957 is above the maximum 10 for BTCUSDT (quantity 0.000517 at "
               "95432.1): a 1% risk on 100 with a 2.02% stop buys too much");
}

BOOST_AUTO_TEST_CASE(refuses_a_stop_on_the_wrong_side) {
    auto request = missionExample("0.00001"_d, CostModel::none());
    request.stop = "96000"_d;
    auto result = sizePosition(request);
    BOOST_TEST(result.refusal().code == SizingRefusalCode::StopOnWrongSide);
    BOOST_TEST(result.refusal().reason ==
               "a BUY's stop must be below the entry: stop 96000 > entry 95432.1");
    request.stop = request.entry;
    BOOST_TEST(sizePosition(request).refusal().reason ==
               "the stop equals the entry 95432.1: a zero distance cannot size a position");
    request.side = Side::Sell;
    request.stop = "93500"_d;
    BOOST_TEST(sizePosition(request).refusal().reason ==
               "a SELL's stop must be above the entry: stop 93500 < entry 95432.1");
}

BOOST_AUTO_TEST_CASE(refuses_a_stop_whose_limit_price_rounds_to_nothing) {
    auto request = missionExample("0.001"_d, CostModel::binanceSpot());
    request.entry = "3"_d;
    request.stop = "1.5"_d;
    request.rules.tick_size = "1"_d;
    // Trigger floors to 1; 1 × 0.999 = 0.999 floors to 0 on the whole-unit tick.
    const auto result = sizePosition(request);
    BOOST_TEST(result.refusal().code == SizingRefusalCode::InvalidInput);
    BOOST_TEST(result.refusal().reason ==
               "the stop 1.5 on the tick 1 leaves a stop-limit price of 0");
}

BOOST_AUTO_TEST_CASE(sizes_a_sell_protected_by_a_stop_above) {
    auto request = missionExample("0.000001"_d, CostModel::none());
    request.side = Side::Sell;
    request.stop = "97364.20"_d;  // 1932.10 above the entry
    const auto result = sizePosition(request);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.size().quantity == "0.000517"_d);
}

BOOST_DATA_TEST_CASE(
    refuses_nonsense_inputs,
    bdata::make(std::vector<std::string>{
        "capital", "risk", "big_risk", "entry", "stop", "position_rate", "free", "fee"}) ^
        bdata::make(std::vector<std::string>{
            "capital must be positive, got 0",
            "the risk rate must be within (0, 1], got 0",
            "the risk rate must be within (0, 1], got 1.5",
            "entry and stop must be positive, got entry -1 and stop 93500",
            "entry and stop must be positive, got entry 95432.1 and stop 0",
            "the maximum position rate must be within (0, 1], got 0",
            "the free balance cannot be negative, got -1",
            "cost rates must be within [0, 1)"}),
    field,
    reason) {
    auto request = missionExample("0.00001"_d, CostModel::none());
    if (field == "capital") {
        request.capital = Decimal{};
    }
    if (field == "risk") {
        request.risk_rate = Decimal{};
    }
    if (field == "big_risk") {
        request.risk_rate = "1.5"_d;
    }
    if (field == "entry") {
        request.entry = "-1"_d;
    }
    if (field == "stop") {
        request.stop = Decimal{};
    }
    if (field == "position_rate") {
        request.max_position_rate = Decimal{};
    }
    if (field == "free") {
        request.free_balance = "-1"_d;
    }
    if (field == "fee") {
        request.costs.taker_fee_rate = "1"_d;
    }
    const auto result = sizePosition(request);
    BOOST_REQUIRE(!result.ok());
    BOOST_TEST(result.refusal().code == SizingRefusalCode::InvalidInput);
    BOOST_TEST(result.refusal().reason == reason);
}

BOOST_AUTO_TEST_CASE(names_bounds_and_refusals_in_wire_spelling) {
    BOOST_TEST(toString(SizingBound::MaxPosition) == "MAX_POSITION");
    BOOST_TEST(toString(SizingBound::MaxQuantity) == "MAX_QUANTITY");
    BOOST_TEST(toString(SizingRefusalCode::BelowMinNotional) == "BELOW_MIN_NOTIONAL");
    BOOST_TEST(toString(SizingRefusalCode::StopOnWrongSide) == "STOP_ON_WRONG_SIDE");
}

BOOST_AUTO_TEST_SUITE_END()
