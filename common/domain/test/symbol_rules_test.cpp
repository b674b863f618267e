#include "robson/domain/symbol_rules.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::defaultSpotRules;
using robson::domain::OrderType;
using robson::domain::Rounding;
using robson::domain::SymbolStatus;
using namespace robson::domain::decimal_literals;

BOOST_AUTO_TEST_SUITE(symbol_rules)

BOOST_AUTO_TEST_CASE(rounds_prices_to_the_tick_in_the_stated_direction) {
    const auto rules = defaultSpotRules("BTCUSDT");
    BOOST_TEST(rules.roundPrice("93500.005"_d, Rounding::Floor) == "93500.00"_d);
    BOOST_TEST(rules.roundPrice("93500.001"_d, Rounding::Ceiling) == "93500.01"_d);
}

BOOST_AUTO_TEST_CASE(floors_quantities_to_the_lot_step) {
    auto rules = defaultSpotRules("BTCUSDT");
    BOOST_TEST(rules.floorQuantity("0.00051757"_d, false) == "0.00051"_d);
    rules.market_step_size = "0.001"_d;
    BOOST_TEST(rules.floorQuantity("0.00151757"_d, true) == "0.001"_d);
    BOOST_TEST(rules.floorQuantity("0.00151757"_d, false) == "0.00151"_d);
}

BOOST_AUTO_TEST_CASE(names_the_price_filter_breach) {
    const auto rules = defaultSpotRules("BTCUSDT");
    BOOST_TEST(!rules.checkPrice("93500.01"_d).has_value());
    const auto off_tick = rules.checkPrice("93500.015"_d);
    BOOST_REQUIRE(off_tick.has_value());
    BOOST_TEST(off_tick->filter == "PRICE_FILTER");
    BOOST_TEST(off_tick->detail == "price 93500.015 is not a multiple of 0.01");
    BOOST_TEST(rules.checkPrice("0"_d).has_value());
    BOOST_TEST(rules.checkPrice("2000000"_d)->detail ==
               "price 2000000 is above the maximum 1000000");
}

BOOST_AUTO_TEST_CASE(names_the_lot_size_breach) {
    auto rules = defaultSpotRules("BTCUSDT");
    BOOST_TEST(!rules.checkQuantity("0.00051"_d, false).has_value());
    BOOST_TEST(rules.checkQuantity("0.000005"_d, false)->detail ==
               "quantity 0.000005 is below the minimum 0.00001");
    BOOST_TEST(rules.checkQuantity("0.000515"_d, false)->detail ==
               "quantity 0.000515 is not a multiple of 0.00001");
    rules.market_max_qty = "1"_d;
    BOOST_TEST(rules.checkQuantity("2"_d, true)->filter == "MARKET_LOT_SIZE");
    BOOST_TEST(!rules.checkQuantity("2"_d, false).has_value());
}

BOOST_AUTO_TEST_CASE(names_the_notional_breach) {
    const auto rules = defaultSpotRules("BTCUSDT");
    BOOST_TEST(!rules.checkNotional("95432.10"_d, "0.00051"_d).has_value());
    const auto small = rules.checkNotional("95432.10"_d, "0.00005"_d);
    BOOST_REQUIRE(small.has_value());
    BOOST_TEST(small->filter == "NOTIONAL");
    BOOST_TEST(small->detail == "notional 4.771605 is below the minimum 5");
}

BOOST_AUTO_TEST_CASE(zero_limits_mean_no_limit) {
    auto rules = defaultSpotRules("BTCUSDT");
    rules.max_qty = {};
    rules.min_qty = {};
    BOOST_TEST(!rules.checkQuantity("123456.00001"_d, false).has_value());
}

BOOST_AUTO_TEST_CASE(order_types_and_statuses_round_trip_through_names) {
    for (auto type : {OrderType::Limit,
                      OrderType::Market,
                      OrderType::StopLoss,
                      OrderType::StopLossLimit,
                      OrderType::TakeProfit,
                      OrderType::TakeProfitLimit,
                      OrderType::LimitMaker}) {
        BOOST_TEST(robson::domain::parseOrderType(robson::domain::toString(type)) == type);
    }
    BOOST_TEST(robson::domain::parseSymbolStatus("BREAK") == SymbolStatus::Break);
    BOOST_TEST(!robson::domain::parseSymbolStatus("break").has_value());
    BOOST_TEST(defaultSpotRules("BTCUSDT").allows(OrderType::StopLossLimit));
    BOOST_TEST(!defaultSpotRules("BTCUSDT").allows(OrderType::StopLoss));
}

BOOST_AUTO_TEST_CASE(the_algo_orders_are_the_stop_loss_and_take_profit_types) {
    using robson::domain::isAlgoOrderType;
    for (auto type : {OrderType::StopLoss,
                      OrderType::StopLossLimit,
                      OrderType::TakeProfit,
                      OrderType::TakeProfitLimit}) {
        BOOST_TEST(isAlgoOrderType(type), robson::domain::toString(type));
    }
    for (auto type : {OrderType::Limit, OrderType::Market, OrderType::LimitMaker}) {
        BOOST_TEST(!isAlgoOrderType(type), robson::domain::toString(type));
    }
}

BOOST_AUTO_TEST_SUITE_END()
