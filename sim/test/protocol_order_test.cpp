#include "sim_client.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::sim::test;
using nlohmann::json;

namespace {
const std::string kLimitBuy =
    "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=90";
}

BOOST_AUTO_TEST_SUITE(sim_protocol_order)

BOOST_AUTO_TEST_CASE(a_limit_order_answers_full_by_default_and_weighs_nothing_when_accepted) {
    SimFixture sim;
    sim.price("100");
    const Answer placed =
        sim.sign("POST", "/api/v3/order", kLimitBuy + "&newClientOrderId=abc", true);
    BOOST_TEST(placed.status == 200);
    const json& body = placed.body;
    BOOST_TEST(body.at("orderId") == 1);
    BOOST_TEST(body.at("orderListId") == -1);
    BOOST_TEST(body.at("clientOrderId") == "abc");
    BOOST_TEST(body.at("origQty") == "1.00000000");
    BOOST_TEST(body.at("status") == "NEW");
    BOOST_TEST(body.at("fills").empty());
    BOOST_TEST(body.at("selfTradePreventionMode") == "EXPIRE_MAKER");
    BOOST_TEST(placed.headers.at("X-MBX-USED-WEIGHT-1M") == "0");
}

BOOST_AUTO_TEST_CASE(a_market_order_fills_with_commission_in_the_received_asset) {
    SimFixture sim;
    sim.price("100");
    const Answer sold =
        sim.sign("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.1");
    BOOST_TEST(sold.body.at("status") == "FILLED");
    const json& fill = sold.body.at("fills")[0];
    BOOST_TEST(fill.at("price") == "99.99000000");
    BOOST_TEST(fill.at("qty") == "0.10000000");
    BOOST_TEST(fill.at("commission") == "0.00999900");
    BOOST_TEST(fill.at("commissionAsset") == "USDT");
    const Answer bought = sim.sign("POST",
                                   "/api/v3/order",
                                   "symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=50&"
                                   "newOrderRespType=RESULT");
    BOOST_TEST(bought.body.at("executedQty") == "0.49995000");
    BOOST_TEST(!bought.body.contains("fills"));
    const Answer trades = sim.sign("GET", "/api/v3/myTrades", "symbol=BTCUSDT");
    BOOST_REQUIRE(trades.body.size() == 2U);
    BOOST_TEST(trades.body[1].at("isBuyer") == true);
    BOOST_TEST(trades.body[1].at("commissionAsset") == "BTC");
    BOOST_TEST(trades.body[0].at("quoteQty") == "9.99900000");
}

BOOST_AUTO_TEST_CASE(a_stop_loss_limit_answers_ack_and_shows_it_is_not_working) {
    SimFixture sim;
    sim.price("100");
    const Answer placed = sim.sign("POST",
                                   "/api/v3/order",
                                   "symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC&"
                                   "quantity=0.1&price=94&stopPrice=95&newClientOrderId=stop1");
    BOOST_TEST(placed.body.size() ==
               5U);  // ACK: symbol, orderId, orderListId, clientOrderId, transactTime
    const Answer queried =
        sim.sign("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=stop1");
    BOOST_TEST(queried.body.at("isWorking") == false);
    BOOST_TEST(queried.body.at("workingTime") == -1);
    BOOST_TEST(queried.body.at("stopPrice") == "95.00000000");
    sim.price("94.5");  // a jump below the stop: triggers, the 94 limit rests, then...
    const Answer after = sim.sign("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=1");
    BOOST_TEST(after.body.at("isWorking") == true);
    BOOST_TEST(after.body.at("status") == "FILLED");  // 94.5 >= 94: the sell limit fills
}

BOOST_AUTO_TEST_CASE(order_rejections_carry_binance_codes_and_texts) {
    SimFixture sim;
    sim.price("100");
    auto place = [&](const std::string& params) {
        return sim.sign("POST", "/api/v3/order", params, true).body;
    };
    BOOST_TEST(place("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=90.001")
                   .at("msg") == "Filter failure: PRICE_FILTER");
    BOOST_TEST(place("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1e-5&price=90")
                   .at("code") == -1100);
    BOOST_TEST(place("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0."
                     "0018000000000000002&price=90")
                   .at("code") == -1111);
    BOOST_TEST(place("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity="
                     "99999999999999999999&price=90")
                   .at("code") == -1100);
    BOOST_TEST(place("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=90").at("msg") ==
               "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.");
    BOOST_TEST(place("symbol=BTCUSDT&side=UP&type=LIMIT").at("code") == -1117);
    BOOST_TEST(place("symbol=BTCUSDT&side=BUY&type=FOO").at("code") == -1116);
    BOOST_TEST(place("symbol=NOPE&side=BUY&type=MARKET&quantity=1").at("code") == -1121);
    BOOST_TEST(place(kLimitBuy + "&stopPrice=80").at("code") == -1106);
    BOOST_TEST(place(kLimitBuy + "&newClientOrderId=rb-0123456789abcdef0123456789abcdef-entry")
                   .at("code") == -1100);
    BOOST_TEST(place("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=500&price=90")
                   .at("msg") == "Account has insufficient balance for requested action.");
    BOOST_TEST(place("symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC&quantity=0.1&"
                     "price=100&stopPrice=101")
                   .at("msg") == "Order would trigger immediately.");
    BOOST_TEST(place("symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.1&price=101").at("msg") ==
               "Order would immediately match and take.");
    BOOST_TEST(place("symbol=BTCUSDT&side=BUY&type=MARKET").at("code") == -1102);
}

BOOST_AUTO_TEST_CASE(a_client_id_is_a_duplicate_only_while_its_order_is_open) {
    SimFixture sim;
    sim.price("100");
    const std::string order = kLimitBuy + "&newClientOrderId=dup";
    BOOST_TEST(sim.sign("POST", "/api/v3/order", order).status == 200);
    const Answer duplicate = sim.sign("POST", "/api/v3/order", order);
    BOOST_TEST(duplicate.body == (json{{"code", -2010}, {"msg", "Duplicate order sent."}}));
    BOOST_TEST(duplicate.headers.at("X-MBX-USED-WEIGHT-1M") == "1");  // failures pay
    BOOST_TEST(sim.sign("DELETE", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=dup").status ==
               200);
    BOOST_TEST(sim.sign("POST", "/api/v3/order", order).status == 200);
}

BOOST_AUTO_TEST_CASE(unknown_orders_are_2013_on_query_and_2011_on_cancel) {
    SimFixture sim;
    const Answer query = sim.sign("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=42");
    BOOST_TEST(query.body == (json{{"code", -2013}, {"msg", "Order does not exist."}}));
    const Answer cancel = sim.sign("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=42");
    BOOST_TEST(cancel.body == (json{{"code", -2011}, {"msg", "Unknown order sent."}}));
}

BOOST_AUTO_TEST_CASE(open_orders_all_orders_and_cancel_all_list_and_close_orders) {
    SimFixture sim;
    sim.price("100");
    (void)sim.sign("POST", "/api/v3/order", kLimitBuy);
    (void)sim.sign("POST", "/api/v3/order", kLimitBuy);
    const Answer cancelled = sim.sign("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=1");
    BOOST_TEST(cancelled.body.at("status") == "CANCELED");
    BOOST_TEST(cancelled.body.contains("origClientOrderId"));
    BOOST_TEST(sim.sign("GET", "/api/v3/openOrders", "symbol=BTCUSDT").body.size() == 1U);
    BOOST_TEST(sim.sign("GET", "/api/v3/allOrders", "symbol=BTCUSDT").body.size() == 2U);
    BOOST_TEST(sim.sign("DELETE", "/api/v3/openOrders", "symbol=BTCUSDT").body.size() == 1U);
    BOOST_TEST(sim.sign("GET", "/api/v3/openOrders", "").body.empty());
    const Answer account = sim.sign("GET", "/api/v3/account", "omitZeroBalances=true");
    for (const json& balance : account.body.at("balances")) {
        BOOST_TEST(balance.at("locked") == "0.00000000");
    }
}

BOOST_AUTO_TEST_CASE(the_configured_max_num_orders_is_reported_and_refuses_the_next_order) {
    robson::sim::SimConfig config = SimFixture::testConfig();
    config.max_num_orders = 2;
    SimFixture sim(config);
    sim.price("100");
    // The answer is kept: a range-for over a member of a temporary would read freed memory.
    const Answer info = sim.request("GET", "/api/v3/exchangeInfo");
    for (const json& symbol : info.body.at("symbols")) {  // every symbol
        bool reported = false;
        for (const json& filter : symbol.at("filters")) {
            if (filter.at("filterType") == "MAX_NUM_ORDERS") {
                reported = filter.at("maxNumOrders") == 2;
            }
        }
        BOOST_TEST(reported, symbol.at("symbol"));
    }
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kLimitBuy).status == 200);
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kLimitBuy).status == 200);
    const Answer third = sim.sign("POST", "/api/v3/order", kLimitBuy);
    BOOST_TEST(third.status == 400);
    BOOST_TEST(third.body == (json{{"code", -1013}, {"msg", "Filter failure: MAX_NUM_ORDERS"}}));
    // A market order too: the limit counts open orders, whatever the new one's type.
    BOOST_TEST(
        sim.sign("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.1")
            .body.at("msg") == "Filter failure: MAX_NUM_ORDERS");
    // Room again once an open order closes.
    (void)sim.sign("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=1");
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kLimitBuy).status == 200);
}

BOOST_AUTO_TEST_CASE(the_configured_max_num_algo_orders_is_reported_and_refuses_the_next_stop) {
    robson::sim::SimConfig config = SimFixture::testConfig();
    config.max_num_algo_orders = 1;
    SimFixture sim(config);
    sim.price("100");
    const Answer info = sim.request("GET", "/api/v3/exchangeInfo");  // kept alive, as above
    for (const json& symbol : info.body.at("symbols")) {
        bool reported = false;
        for (const json& filter : symbol.at("filters")) {
            if (filter.at("filterType") == "MAX_NUM_ALGO_ORDERS") {
                reported = filter.at("maxNumAlgoOrders") == 1;
            }
        }
        BOOST_TEST(reported, symbol.at("symbol"));
    }
    const auto stop = [&](const std::string& id) {
        return sim.sign("POST",
                        "/api/v3/order",
                        "symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC&"
                        "quantity=0.1&price=94&stopPrice=95&newClientOrderId=" +
                            id);
    };
    BOOST_TEST(stop("stop1").status == 200);
    const Answer second = stop("stop2");
    BOOST_TEST(second.status == 400);
    BOOST_TEST(second.body ==
               (json{{"code", -1013}, {"msg", "Filter failure: MAX_NUM_ALGO_ORDERS"}}));
    // The market exit of a position whose stop was refused is not an algo order.
    const Answer exit =
        sim.sign("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.1");
    BOOST_TEST(exit.status == 200);
    BOOST_TEST(exit.body.at("status") == "FILLED");
    // Room again once the open stop closes.
    (void)sim.sign("DELETE", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=stop1");
    BOOST_TEST(stop("stop2").status == 200);
}

BOOST_AUTO_TEST_CASE(a_test_order_validates_filters_and_places_nothing) {
    SimFixture sim;
    sim.price("100");
    BOOST_TEST(sim.sign("POST", "/api/v3/order/test", kLimitBuy).body == json::object());
    BOOST_TEST(sim.sign("POST",
                        "/api/v3/order/test",
                        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=90")
                   .body.at("msg") == "Filter failure: NOTIONAL");
    BOOST_TEST(sim.sign("GET", "/api/v3/allOrders", "symbol=BTCUSDT").body.empty());
}

BOOST_AUTO_TEST_SUITE_END()
