#include "engine_fixture.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::sim;
using namespace robson::sim::test;

BOOST_AUTO_TEST_SUITE(sim_engine_match)

BOOST_AUTO_TEST_CASE(a_market_buy_fills_at_the_ask_and_pays_commission_in_the_base_asset) {
    Engine engine = makeEngine();
    OrderRequest request;
    request.symbol = "BTCUSDT";
    request.type = OrderType::Market;
    request.quantity = "1"_d;
    request.client_order_id = "m";
    const Order order = orderOf(engine.place(request, 5));
    BOOST_TEST((order.status == OrderStatus::Filled));
    BOOST_REQUIRE(order.fills.size() == 1U);
    BOOST_TEST(order.fills[0].price == "100.01"_d);
    BOOST_TEST(order.fills[0].commission == "0.001"_d);
    BOOST_TEST(order.fills[0].commission_asset == "BTC");
    BOOST_TEST(engine.balance("USDT").free == "9899.99"_d);
    BOOST_TEST(engine.balance("USDT").locked == "0"_d);
    BOOST_TEST(engine.balance("BTC").free == "1.499"_d);
}

BOOST_AUTO_TEST_CASE(a_market_sell_by_quote_amount_floors_to_the_step_and_pays_in_quote) {
    Engine engine = makeEngine();
    OrderRequest request;
    request.symbol = "BTCUSDT";
    request.side = Side::Sell;
    request.type = OrderType::Market;
    request.quote_order_qty = "10"_d;
    request.client_order_id = "q";
    const Order order = orderOf(engine.place(request, 5));
    BOOST_TEST(order.executed_qty == "0.10001"_d);  // 10 / 99.99 floored to 0.00001
    BOOST_TEST(order.orig_quote_order_qty == "10"_d);
    BOOST_TEST(order.fills[0].commission_asset == "USDT");
    BOOST_TEST(order.fills[0].commission == "0.01"_d);  // 0.1 % of 9.9999999, rounded up
}

BOOST_AUTO_TEST_CASE(a_resting_limit_fills_at_its_price_when_the_last_price_crosses_it) {
    Engine engine = makeEngine();
    (void)engine.place(limitOrder(Side::Buy, "1"_d, "95"_d, "a"), 1);
    engine.setLastPrice("BTCUSDT", "96"_d, 2, true);
    BOOST_TEST((orderOf(engine.query("BTCUSDT", 1, std::nullopt)).status == OrderStatus::New));
    engine.setLastPrice("BTCUSDT", "94"_d, 3, true);
    const Order order = orderOf(engine.query("BTCUSDT", 1, std::nullopt));
    BOOST_TEST((order.status == OrderStatus::Filled));
    BOOST_TEST(order.cummulative_quote_qty == "95"_d);
    BOOST_TEST(order.fills[0].is_maker);
    BOOST_TEST(engine.balance("USDT").free == "9905"_d);
    BOOST_TEST(engine.balance("USDT").locked == "0"_d);
    BOOST_TEST(engine.balance("BTC").free == "1.499"_d);
    BOOST_TEST(engine.trades("BTCUSDT").size() == 1U);
}

BOOST_AUTO_TEST_CASE(a_marketable_limit_takes_at_the_quote_and_refunds_the_rest_of_the_lock) {
    Engine engine = makeEngine();
    const Order order = orderOf(engine.place(limitOrder(Side::Buy, "1"_d, "110"_d, "a"), 1));
    BOOST_TEST(order.fills[0].price == "100.01"_d);
    BOOST_TEST(engine.balance("USDT").free == "9899.99"_d);
}

BOOST_AUTO_TEST_CASE(ioc_and_fok_limits_that_cannot_take_expire_and_unlock) {
    Engine engine = makeEngine();
    OrderRequest request = limitOrder(Side::Buy, "1"_d, "90"_d, "i");
    request.time_in_force = TimeInForce::Ioc;
    BOOST_TEST((orderOf(engine.place(request, 1)).status == OrderStatus::Expired));
    request.time_in_force = TimeInForce::Fok;
    request.client_order_id = "f";
    BOOST_TEST((orderOf(engine.place(request, 1)).status == OrderStatus::Expired));
    BOOST_TEST(engine.balance("USDT").locked == "0"_d);
}

BOOST_AUTO_TEST_CASE(a_stop_rests_untriggered_then_triggers_and_fills_as_a_limit) {
    Engine engine = makeEngine();
    const Order placed =
        orderOf(engine.place(stopLimit(Side::Sell, "0.1"_d, "95"_d, "94"_d, "s"), 1));
    BOOST_TEST(!placed.is_working);
    BOOST_TEST(placed.working_time == -1);
    BOOST_TEST(engine.balance("BTC").locked == "0.1"_d);
    engine.setLastPrice("BTCUSDT", "96"_d, 2, true);
    BOOST_TEST(!orderOf(engine.query("BTCUSDT", 1, std::nullopt)).is_working);
    engine.setLastPrice("BTCUSDT", "93"_d, 3, true);  // passes 95 on the way down
    const Order order = orderOf(engine.query("BTCUSDT", 1, std::nullopt));
    BOOST_TEST(order.is_working);
    BOOST_TEST(order.working_time == 3);
    BOOST_TEST((order.status == OrderStatus::Filled));
    BOOST_TEST(order.fills[0].price == "94.99"_d);  // the bid when the market stood at the stop
    BOOST_TEST(engine.balance("BTC").locked == "0"_d);
}

BOOST_AUTO_TEST_CASE(a_gap_through_the_stop_and_its_limit_leaves_the_limit_resting) {
    Engine engine = makeEngine();
    (void)engine.place(stopLimit(Side::Sell, "0.1"_d, "95"_d, "94"_d, "s"), 1);
    engine.setLastPrice("BTCUSDT", "90"_d, 2, false);  // a jump: never traded at 95 or 94
    const Order order = orderOf(engine.query("BTCUSDT", 1, std::nullopt));
    BOOST_TEST(order.is_working);
    BOOST_TEST((order.status == OrderStatus::New));
    engine.setLastPrice("BTCUSDT", "94.5"_d, 3, true);  // comes back above the limit
    BOOST_TEST((orderOf(engine.query("BTCUSDT", 1, std::nullopt)).status == OrderStatus::Filled));
}

BOOST_AUTO_TEST_CASE(a_take_profit_sell_triggers_on_a_rise_and_is_refused_if_already_above) {
    Engine engine = makeEngine();
    OrderRequest request = stopLimit(Side::Sell, "0.1"_d, "105"_d, "104"_d, "tp");
    request.type = OrderType::TakeProfitLimit;
    (void)engine.place(request, 1);
    engine.setLastPrice("BTCUSDT", "104.5"_d, 2, true);
    BOOST_TEST(!orderOf(engine.query("BTCUSDT", 1, std::nullopt)).is_working);
    engine.setLastPrice("BTCUSDT", "106"_d, 3, true);
    BOOST_TEST((orderOf(engine.query("BTCUSDT", 1, std::nullopt)).status == OrderStatus::Filled));
    request.client_order_id = "tp2";
    request.stop_price = "100"_d;
    BOOST_TEST(errorOf(engine.place(request, 4)).msg == "Order would trigger immediately.");
}

BOOST_AUTO_TEST_SUITE_END()
