#include "robson/domain/position_sizing_costs.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::CostModel;
using robson::domain::Decimal;
using robson::domain::lossAtStop;
using robson::domain::protectiveStopPrices;
using robson::domain::Side;
using robson::domain::worstLossPerUnit;
using namespace robson::domain::decimal_literals;

namespace {

/// The trading notes' cost example: 0.1% taker on both legs, 0.1% stop-limit offset, no slippage.
CostModel feesAndOffset() {
    return {"0.001"_d, "0.001"_d, Decimal{}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(position_sizing_costs)

BOOST_AUTO_TEST_CASE(places_a_buys_stop_limit_below_the_trigger_on_the_tick) {
    // 93500.00 × (1 − 0.001) = 93406.50, already on the 0.01 tick.
    const auto prices = protectiveStopPrices(Side::Buy, "93500.00"_d, feesAndOffset(), "0.01"_d);
    BOOST_TEST(prices.trigger == "93500.00"_d);
    BOOST_TEST(prices.limit == "93406.50"_d);
}

BOOST_AUTO_TEST_CASE(rounds_an_off_tick_stop_away_from_the_entry) {
    // BUY: the SELL stop floors 93500.005 → 93500.00, its limit 93406.50.
    const auto buy = protectiveStopPrices(Side::Buy, "93500.005"_d, feesAndOffset(), "0.01"_d);
    BOOST_TEST(buy.trigger == "93500.00"_d);
    BOOST_TEST(buy.limit == "93406.50"_d);
    // SELL: the BUY stop ceils 96000.001 → 96000.01; × 1.001 = 96096.01001 → ceil 96096.02.
    const auto sell = protectiveStopPrices(Side::Sell, "96000.001"_d, feesAndOffset(), "0.01"_d);
    BOOST_TEST(sell.trigger == "96000.01"_d);
    BOOST_TEST(sell.limit == "96096.02"_d);
}

BOOST_AUTO_TEST_CASE(keeps_the_fine_grid_when_there_is_no_tick) {
    // 97.60 × 0.999 = 97.5024 stays; on a 0.01 tick it floors to 97.50.
    BOOST_TEST(protectiveStopPrices(Side::Buy, "97.60"_d, feesAndOffset(), Decimal{}).limit ==
               "97.5024"_d);
    BOOST_TEST(protectiveStopPrices(Side::Buy, "97.60"_d, feesAndOffset(), "0.01"_d).limit ==
               "97.50"_d);
}

BOOST_AUTO_TEST_CASE(without_costs_the_unit_loss_is_the_stop_distance) {
    const auto loss =
        worstLossPerUnit(Side::Buy, "95432.10"_d, "93500.00"_d, CostModel::none(), "0.01"_d);
    BOOST_TEST(loss.entry_fill == "95432.10"_d);
    BOOST_TEST(loss.stop_fill == "93500.00"_d);
    BOOST_TEST(loss.fees == Decimal{});
    BOOST_TEST(loss.total == "1932.10"_d);
}

BOOST_AUTO_TEST_CASE(adds_the_offset_and_both_fees_to_the_unit_loss) {
    // |95432.10 − 93406.50| = 2025.60; 0.001 × (95432.10 + 93406.50) = 188.8386; sum 2214.4386.
    const auto loss =
        worstLossPerUnit(Side::Buy, "95432.10"_d, "93500.00"_d, feesAndOffset(), "0.01"_d);
    BOOST_TEST(loss.stop_fill == "93406.50"_d);
    BOOST_TEST(loss.price_loss == "2025.60"_d);
    BOOST_TEST(loss.fees == "188.8386"_d);
    BOOST_TEST(loss.total == "2214.4386"_d);
}

BOOST_AUTO_TEST_CASE(mirrors_the_unit_loss_for_a_sell) {
    // Stop 97000 × 1.001 = 97097.00; 97097 − 95432.10 = 1664.90;
    // 0.001 × (95432.10 + 97097.00) = 192.5291; total 1857.4291.
    const auto loss =
        worstLossPerUnit(Side::Sell, "95432.10"_d, "97000"_d, feesAndOffset(), "0.01"_d);
    BOOST_TEST(loss.stop_fill == "97097.00"_d);
    BOOST_TEST(loss.price_loss == "1664.90"_d);
    BOOST_TEST(loss.total == "1857.4291"_d);
}

BOOST_AUTO_TEST_CASE(moves_the_entry_against_us_by_the_slippage_allowance) {
    const CostModel slippage{Decimal{}, Decimal{}, "0.0005"_d};
    // BUY pays 95432.10 × 1.0005 = 95479.81605; SELL receives × 0.9995 = 95384.38395.
    BOOST_TEST(worstLossPerUnit(Side::Buy, "95432.10"_d, "93500"_d, slippage).entry_fill ==
               "95479.81605"_d);
    BOOST_TEST(worstLossPerUnit(Side::Sell, "95432.10"_d, "97000"_d, slippage).entry_fill ==
               "95384.38395"_d);
}

BOOST_AUTO_TEST_CASE(rounds_every_cost_against_us) {
    const CostModel half{"0.5"_d, Decimal{}, "0.5"_d};
    // BUY: 1.00000001 × 1.5 = 1.500000015 → up to 1.50000002.
    const auto buy = worstLossPerUnit(Side::Buy, "1.00000001"_d, "0.5"_d, half);
    BOOST_TEST(buy.entry_fill == "1.50000002"_d);
    // SELL: 1.00000001 × 0.5 = 0.500000005 → down to 0.5.
    BOOST_TEST(worstLossPerUnit(Side::Sell, "1.00000001"_d, "2"_d, half).entry_fill == "0.5"_d);
    // Fees: 0.5 × (1.50000002 + 0.5) = 1.00000001 exactly; 0.5 × 0.00000003 rounds up.
    BOOST_TEST(buy.fees == "1.00000001"_d);
    const CostModel fee_only{"0.5"_d, Decimal{}, Decimal{}};
    BOOST_TEST(worstLossPerUnit(Side::Buy, "0.00000002"_d, "0.00000001"_d, fee_only).fees ==
               "0.00000002"_d);
}

BOOST_AUTO_TEST_CASE(shows_the_real_loss_of_a_naively_sized_quantity) {
    // 0.000517 × 1932.10 = 0.9988957 naively; the offset alone: 0.000517 × 2025.60 = 1.0472352;
    // with fees: 0.000517 × 2214.4386 = 1.1448647562 → 1.14486476 (rounded up).
    BOOST_TEST(lossAtStop("0.000517"_d, "95432.10"_d, "93500.00"_d, CostModel::none(), Side::Buy) ==
               "0.9988957"_d);
    const CostModel offset_only{Decimal{}, "0.001"_d, Decimal{}};
    BOOST_TEST(lossAtStop("0.000517"_d, "95432.10"_d, "93500.00"_d, offset_only, Side::Buy) ==
               "1.0472352"_d);
    const Decimal real =
        lossAtStop("0.000517"_d, "95432.10"_d, "93500.00"_d, feesAndOffset(), Side::Buy);
    BOOST_TEST(real == "1.14486476"_d);
    BOOST_TEST(real.toFixed(4) == "1.1449");
}

BOOST_AUTO_TEST_SUITE_END()
