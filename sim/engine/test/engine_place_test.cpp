#include "engine_fixture.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::sim;
using namespace robson::sim::test;

BOOST_AUTO_TEST_SUITE(sim_engine_place)

BOOST_AUTO_TEST_CASE(a_resting_buy_limit_locks_price_times_quantity_of_the_quote) {
    Engine engine = makeEngine();
    const Order order = orderOf(engine.place(limitOrder(Side::Buy, "1"_d, "90"_d, "a"), 10));
    BOOST_TEST(order.order_id == 1);
    BOOST_TEST((order.status == OrderStatus::New));
    BOOST_TEST(order.is_working);
    BOOST_TEST(engine.balance("USDT").free == "9910"_d);
    BOOST_TEST(engine.balance("USDT").locked == "90"_d);
}

BOOST_AUTO_TEST_CASE(cancelling_moves_the_locked_funds_back_to_free) {
    Engine engine = makeEngine();
    (void)engine.place(limitOrder(Side::Sell, "0.2"_d, "120"_d, "a"), 10);
    BOOST_TEST(engine.balance("BTC").locked == "0.2"_d);
    BOOST_TEST(engine.balance("BTC").free == "0.3"_d);
    const Order cancelled = orderOf(engine.cancel("BTCUSDT", 1, std::nullopt, 11));
    BOOST_TEST((cancelled.status == OrderStatus::Canceled));
    BOOST_TEST(engine.balance("BTC").free == "0.5"_d);
    BOOST_TEST(engine.balance("BTC").locked == "0"_d);
}

BOOST_AUTO_TEST_CASE(an_order_beyond_the_free_balance_is_refused_with_the_binance_text) {
    Engine engine = makeEngine();
    const ApiError error = errorOf(engine.place(limitOrder(Side::Buy, "200"_d, "90"_d, "a"), 1));
    BOOST_TEST(error.code == -2010);
    BOOST_TEST(error.msg == "Account has insufficient balance for requested action.");
}

BOOST_AUTO_TEST_CASE(a_client_id_of_an_open_order_is_a_duplicate_but_a_filled_ones_is_reusable) {
    Engine engine = makeEngine();
    (void)engine.place(limitOrder(Side::Buy, "1"_d, "90"_d, "same"), 1);
    const ApiError error = errorOf(engine.place(limitOrder(Side::Buy, "1"_d, "91"_d, "same"), 2));
    BOOST_TEST(error.msg == "Duplicate order sent.");
    engine.setLastPrice("BTCUSDT", "89"_d, 3, true);  // fills the first
    const Order again = orderOf(engine.place(limitOrder(Side::Buy, "1"_d, "80"_d, "same"), 4));
    BOOST_TEST(again.order_id == 2);
    // A query by client id finds the open order that now owns the id.
    BOOST_TEST(orderOf(engine.query("BTCUSDT", std::nullopt, std::string("same"))).order_id == 2);
}

BOOST_AUTO_TEST_CASE(filters_refuse_off_tick_prices_off_step_quantities_and_small_notionals) {
    Engine engine = makeEngine();
    BOOST_TEST(errorOf(engine.place(limitOrder(Side::Buy, "1"_d, "90.001"_d, "a"), 1)).msg ==
               "Filter failure: PRICE_FILTER");
    BOOST_TEST(errorOf(engine.place(limitOrder(Side::Buy, "0.000001"_d, "90"_d, "b"), 1)).msg ==
               "Filter failure: LOT_SIZE");
    BOOST_TEST(errorOf(engine.place(limitOrder(Side::Buy, "0.01"_d, "90"_d, "c"), 1)).msg ==
               "Filter failure: NOTIONAL");
    BOOST_TEST(errorOf(engine.place(limitOrder(Side::Buy, "0.01"_d, "90"_d, "c"), 1)).code ==
               -1013);
}

BOOST_AUTO_TEST_CASE(a_stop_that_would_trigger_at_once_is_refused) {
    Engine engine = makeEngine();
    const ApiError error =
        errorOf(engine.place(stopLimit(Side::Sell, "0.1"_d, "101"_d, "100.5"_d, "s"), 1));
    BOOST_TEST(error.code == -2010);
    BOOST_TEST(error.msg == "Order would trigger immediately.");
}

BOOST_AUTO_TEST_CASE(a_limit_maker_that_would_take_is_refused) {
    Engine engine = makeEngine();
    OrderRequest request = limitOrder(Side::Buy, "1"_d, "100.01"_d, "m");
    request.type = OrderType::LimitMaker;
    request.time_in_force.reset();
    BOOST_TEST(errorOf(engine.place(request, 1)).msg == "Order would immediately match and take.");
    request.price = "100"_d;
    BOOST_TEST((orderOf(engine.place(request, 1)).status == OrderStatus::New));
}

BOOST_AUTO_TEST_CASE(max_num_orders_caps_the_open_orders_of_a_symbol) {
    EngineConfig config = defaultEngineConfig("0.001"_d);
    config.symbols.at(0).max_num_orders = 2;  // BTCUSDT
    Engine engine(config);
    engine.setLastPrice("BTCUSDT", "100"_d, 1, false);
    engine.setLastPrice("ETHUSDT", "100"_d, 1, false);
    (void)engine.place(limitOrder(Side::Buy, "0.1"_d, "90"_d, "a"), 1);
    (void)engine.place(limitOrder(Side::Buy, "0.1"_d, "90"_d, "b"), 1);
    BOOST_TEST(errorOf(engine.place(limitOrder(Side::Buy, "0.1"_d, "90"_d, "c"), 1)).msg ==
               "Filter failure: MAX_NUM_ORDERS");
    // A market exit is an order like any other at the limit.
    OrderRequest exit = limitOrder(Side::Sell, "0.1"_d, "90"_d, "x");
    exit.type = OrderType::Market;
    exit.price.reset();
    exit.time_in_force.reset();
    BOOST_TEST(errorOf(engine.place(exit, 1)).msg == "Filter failure: MAX_NUM_ORDERS");
    // The limit is per symbol: ETHUSDT keeps its own (200).
    OrderRequest other = limitOrder(Side::Buy, "0.1"_d, "90"_d, "e");
    other.symbol = "ETHUSDT";
    BOOST_TEST(std::holds_alternative<Order>(engine.place(other, 1)));
}

BOOST_AUTO_TEST_CASE(a_symbol_without_max_num_orders_has_no_open_order_limit) {
    EngineConfig config = defaultEngineConfig("0.001"_d);
    config.symbols.at(0).max_num_orders.reset();
    Engine engine(config);
    engine.setLastPrice("BTCUSDT", "100"_d, 1, false);
    for (int i = 0; i < 250; ++i) {
        const std::string id = "n" + std::to_string(i);
        BOOST_TEST_REQUIRE(std::holds_alternative<Order>(
            engine.place(limitOrder(Side::Buy, "0.1"_d, "90"_d, id.c_str()), 1)));
    }
}

BOOST_AUTO_TEST_CASE(max_num_algo_orders_caps_the_open_stop_orders_of_a_symbol) {
    EngineConfig config = defaultEngineConfig("0.001"_d);
    config.symbols.at(0).max_num_algo_orders = 2;  // BTCUSDT
    Engine engine(config);
    engine.setLastPrice("BTCUSDT", "100"_d, 1, false);
    engine.setLastPrice("ETHUSDT", "100"_d, 1, false);
    (void)orderOf(engine.place(stopLimit(Side::Sell, "0.1"_d, "90"_d, "89"_d, "s1"), 1));
    (void)orderOf(engine.place(stopLimit(Side::Sell, "0.1"_d, "91"_d, "90"_d, "s2"), 1));
    const ApiError refused =
        errorOf(engine.place(stopLimit(Side::Sell, "0.1"_d, "92"_d, "91"_d, "s3"), 1));
    BOOST_TEST(refused.code == -1013);
    BOOST_TEST(refused.msg == "Filter failure: MAX_NUM_ALGO_ORDERS");
    // A take-profit is an algo order too.
    OrderRequest take_profit = stopLimit(Side::Sell, "0.1"_d, "110"_d, "110"_d, "tp");
    take_profit.type = OrderType::TakeProfitLimit;
    BOOST_TEST(errorOf(engine.place(take_profit, 1)).msg == "Filter failure: MAX_NUM_ALGO_ORDERS");
    // Other orders are not: a market exit and a resting limit are placed.
    OrderRequest exit = limitOrder(Side::Sell, "0.1"_d, "90"_d, "x");
    exit.type = OrderType::Market;
    exit.price.reset();
    exit.time_in_force.reset();
    BOOST_TEST((orderOf(engine.place(exit, 1)).status == OrderStatus::Filled));
    BOOST_TEST(std::holds_alternative<Order>(
        engine.place(limitOrder(Side::Buy, "0.1"_d, "90"_d, "l"), 1)));
    // The limit is per symbol: ETHUSDT keeps its own (5).
    OrderRequest other = stopLimit(Side::Sell, "0.1"_d, "90"_d, "89"_d, "e");
    other.symbol = "ETHUSDT";
    BOOST_TEST(std::holds_alternative<Order>(engine.place(other, 1)));
    // Room again once an open stop closes.
    (void)orderOf(engine.cancel("BTCUSDT", std::nullopt, std::string("s1"), 2));
    BOOST_TEST(std::holds_alternative<Order>(
        engine.place(stopLimit(Side::Sell, "0.1"_d, "92"_d, "91"_d, "s3"), 2)));
}

BOOST_AUTO_TEST_CASE(a_symbol_without_max_num_algo_orders_has_no_stop_order_limit) {
    EngineConfig config = defaultEngineConfig("0.001"_d);
    config.symbols.at(0).max_num_algo_orders.reset();
    Engine engine(config);
    engine.setLastPrice("BTCUSDT", "100"_d, 1, false);
    for (int i = 0; i < 8; ++i) {
        const std::string id = "s" + std::to_string(i);
        BOOST_TEST_REQUIRE(std::holds_alternative<Order>(
            engine.place(stopLimit(Side::Sell, "0.06"_d, "90"_d, "89"_d, id.c_str()), 1)));
    }
}

BOOST_AUTO_TEST_CASE(a_test_order_validates_without_effect) {
    Engine engine = makeEngine();
    BOOST_TEST(std::holds_alternative<Order>(
        engine.place(limitOrder(Side::Buy, "1"_d, "90"_d, "t"), 1, true)));
    BOOST_TEST(engine.orderHistory().empty());
    BOOST_TEST(engine.balance("USDT").locked == "0"_d);
}

BOOST_AUTO_TEST_CASE(unknown_orders_answer_2013_on_query_and_2011_on_cancel) {
    Engine engine = makeEngine();
    BOOST_TEST(errorOf(engine.query("BTCUSDT", 7, std::nullopt)).code == -2013);
    BOOST_TEST(errorOf(engine.query("BTCUSDT", 7, std::nullopt)).msg == "Order does not exist.");
    BOOST_TEST(errorOf(engine.cancel("BTCUSDT", 7, std::nullopt, 1)).code == -2011);
    BOOST_TEST(errorOf(engine.cancel("BTCUSDT", 7, std::nullopt, 1)).msg == "Unknown order sent.");
    BOOST_TEST(errorOf(engine.query("XYZUSDT", 1, std::nullopt)).code == -1121);
}

BOOST_AUTO_TEST_SUITE_END()
