#include "robson/domain/order_room.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::checkOrderRoom;
using robson::domain::defaultSpotRules;
using robson::domain::orderRoomNeeded;

BOOST_AUTO_TEST_SUITE(order_room)

BOOST_AUTO_TEST_CASE(an_execution_needs_room_for_entry_stop_and_exit_times_the_concurrency) {
    BOOST_TEST(orderRoomNeeded(1) == 3);
    BOOST_TEST(orderRoomNeeded(4) == 12);
    BOOST_TEST(orderRoomNeeded(0) == 3);  // its own orders at least
    BOOST_TEST(orderRoomNeeded(-2) == 3);
}

BOOST_AUTO_TEST_CASE(an_entry_fits_while_its_orders_fit_under_max_num_orders) {
    auto rules = defaultSpotRules("BTCUSDT");
    rules.max_num_orders = 10;
    BOOST_TEST(!checkOrderRoom(rules, 0, 1).has_value());
    BOOST_TEST(!checkOrderRoom(rules, 7, 1).has_value());  // 7 + 3 = 10: exactly full
    BOOST_TEST(checkOrderRoom(rules, 8, 1).has_value());
    BOOST_TEST(!checkOrderRoom(rules, 4, 2).has_value());  // 4 + 6 = 10
    BOOST_TEST(checkOrderRoom(rules, 5, 2).has_value());
}

BOOST_AUTO_TEST_CASE(the_refusal_names_the_filter_and_explains_every_figure) {
    auto rules = defaultSpotRules("BTCUSDT");
    rules.max_num_orders = 10;
    const auto alone = checkOrderRoom(rules, 8, 1);
    BOOST_REQUIRE(alone.has_value());
    BOOST_TEST(alone->filter == "MAX_NUM_ORDERS");
    BOOST_TEST(alone->detail ==
               "BTCUSDT has 8 open orders and its MAX_NUM_ORDERS filter allows 10: an execution "
               "needs room for 3 orders (entry, stop-loss, market exit); only 2 are free");
    const auto shared = checkOrderRoom(rules, 9, 3);
    BOOST_REQUIRE(shared.has_value());
    BOOST_TEST(shared->detail ==
               "BTCUSDT has 9 open orders and its MAX_NUM_ORDERS filter allows 10: an execution "
               "needs room for 3 orders (entry, stop-loss, market exit) and 6 more are kept for 2 "
               "other executions that may run at the same time (9 in all); only 1 is free");
    BOOST_TEST(checkOrderRoom(rules, 12, 1)->detail.ends_with("; none is free"));
}

BOOST_AUTO_TEST_CASE(a_symbol_without_the_filter_has_no_limit) {
    auto rules = defaultSpotRules("BTCUSDT");
    rules.max_num_orders.reset();
    BOOST_TEST(!checkOrderRoom(rules, 100000, 50).has_value());
}

BOOST_AUTO_TEST_CASE(the_default_spot_rules_carry_binances_limit_of_200) {
    BOOST_TEST(defaultSpotRules("BTCUSDT").max_num_orders.value_or(0) == 200);
    BOOST_TEST(!checkOrderRoom(defaultSpotRules("ETHUSDT"), 197, 1).has_value());
    BOOST_TEST(checkOrderRoom(defaultSpotRules("ETHUSDT"), 198, 1).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
