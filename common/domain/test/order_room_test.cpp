#include "robson/domain/order_room.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::algoOrderRoomNeeded;
using robson::domain::checkAlgoOrderRoom;
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

BOOST_AUTO_TEST_CASE(an_execution_needs_one_algo_slot_for_its_stop_times_the_concurrency) {
    BOOST_TEST(algoOrderRoomNeeded(1) == 1);
    BOOST_TEST(algoOrderRoomNeeded(4) == 4);
    BOOST_TEST(algoOrderRoomNeeded(0) == 1);  // its own stop at least
    BOOST_TEST(algoOrderRoomNeeded(-3) == 1);
}

BOOST_AUTO_TEST_CASE(an_entry_fits_while_its_stop_fits_under_max_num_algo_orders) {
    auto rules = defaultSpotRules("BTCUSDT");
    rules.max_num_algo_orders = 5;
    BOOST_TEST(!checkAlgoOrderRoom(rules, 0, 1).has_value());
    BOOST_TEST(!checkAlgoOrderRoom(rules, 4, 1).has_value());  // 4 + 1 = 5: exactly full
    BOOST_TEST(checkAlgoOrderRoom(rules, 5, 1).has_value());
    BOOST_TEST(!checkAlgoOrderRoom(rules, 1, 4).has_value());  // 1 + 4 = 5
    BOOST_TEST(checkAlgoOrderRoom(rules, 2, 4).has_value());
    BOOST_TEST(checkAlgoOrderRoom(rules, 9, 1).has_value());  // above a lowered limit
}

BOOST_AUTO_TEST_CASE(the_algo_refusal_names_the_filter_and_explains_every_figure) {
    auto rules = defaultSpotRules("ETHUSDT");
    rules.max_num_algo_orders = 5;
    const auto alone = checkAlgoOrderRoom(rules, 5, 1);
    BOOST_REQUIRE(alone.has_value());
    BOOST_TEST(alone->filter == "MAX_NUM_ALGO_ORDERS");
    BOOST_TEST(alone->detail ==
               "ETHUSDT has 5 open stop-loss or take-profit orders and its MAX_NUM_ALGO_ORDERS "
               "filter allows 5: an execution needs room for 1 (its stop-loss); none is free");
    const auto shared = checkAlgoOrderRoom(rules, 2, 4);
    BOOST_REQUIRE(shared.has_value());
    BOOST_TEST(shared->detail ==
               "ETHUSDT has 2 open stop-loss or take-profit orders and its MAX_NUM_ALGO_ORDERS "
               "filter allows 5: an execution needs room for 1 (its stop-loss) and 3 more are "
               "kept for 3 other executions that may run at the same time (4 in all); only 3 are "
               "free");
    BOOST_TEST(checkAlgoOrderRoom(rules, 3, 4)->detail.ends_with("; only 2 are free"));
    rules.max_num_algo_orders = 1;
    BOOST_TEST(checkAlgoOrderRoom(rules, 1, 1)
                   ->detail.starts_with("ETHUSDT has 1 open stop-loss or take-profit order and its "
                                        "MAX_NUM_ALGO_ORDERS filter "
                                        "allows 1:"));
    rules.max_num_algo_orders = 5;
    BOOST_TEST(checkAlgoOrderRoom(rules, 4, 2)
                   ->detail.ends_with(" and 1 more are kept for 1 other execution that may run at "
                                      "the same time (2 in all); "
                                      "only 1 is free"));
}

BOOST_AUTO_TEST_CASE(a_symbol_without_the_algo_filter_has_no_algo_limit) {
    auto rules = defaultSpotRules("BTCUSDT");
    rules.max_num_algo_orders.reset();
    BOOST_TEST(!checkAlgoOrderRoom(rules, 100000, 50).has_value());
}

BOOST_AUTO_TEST_CASE(the_default_spot_rules_carry_binances_algo_limit_of_5) {
    BOOST_TEST(defaultSpotRules("BTCUSDT").max_num_algo_orders.value_or(0) == 5);
    BOOST_TEST(!checkAlgoOrderRoom(defaultSpotRules("SOLUSDT"), 1, 4).has_value());
    BOOST_TEST(checkAlgoOrderRoom(defaultSpotRules("SOLUSDT"), 2, 4).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
