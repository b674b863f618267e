#include "sim_client.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <boost/test/unit_test.hpp>

using namespace robson::sim::test;
using nlohmann::json;

namespace {
const std::string kMarketBuy = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.1&newClientOrderId=";
}

BOOST_AUTO_TEST_SUITE(sim_protocol_admin)

BOOST_AUTO_TEST_CASE(balances_price_reset_and_state_work_as_documented) {
    SimFixture sim;
    const Answer set = sim.admin("balances", {{"balances", {{{"asset", "USDT"}, {"free", "5"}}}}});
    BOOST_TEST(set.body.at("ok") == true);
    sim.price("100");
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kMarketBuy + "a").body.at("code") == -2010);
    const Answer state = sim.admin("state", json::object());
    BOOST_TEST(state.body.at("prices").at("BTCUSDT") == "100.00000000");
    BOOST_TEST(sim.admin("reset", json::object()).body.at("ok") == true);
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kMarketBuy + "b").body.at("status") == "FILLED");
    BOOST_TEST(sim.admin("price", {{"symbol", "BTCUSDT"}, {"price", "1e5"}}).status == 400);
    BOOST_TEST(sim.admin("nothing", json::object()).status == 400);
}

BOOST_AUTO_TEST_CASE(the_order_log_lists_every_accepted_order_with_its_arrival_time) {
    SimFixture sim;
    sim.price("100");
    (void)sim.sign("POST", "/api/v3/order", kMarketBuy + "x");
    const Answer orders = sim.admin("orders", json::object());
    BOOST_REQUIRE(orders.body.at("orders").size() == 1U);
    BOOST_TEST(orders.body.at("orders")[0].at("clientOrderId") == "x");
    BOOST_TEST(orders.body.at("orders")[0].contains("received_at"));
}

BOOST_AUTO_TEST_CASE(advancing_the_clock_moves_the_price_along_the_candles) {
    SimFixture sim;
    sim.price("100");
    const Answer moved = sim.admin("clock/advance", {{"ms", 3'600'000}});
    BOOST_TEST(moved.body.at("ok") == true);
    BOOST_TEST(sim.request("GET", "/api/v3/ticker/price?symbol=BTCUSDT").body.at("price") !=
               "100.00000000");
    BOOST_TEST(sim.request("GET", "/api/v3/klines?symbol=BTCUSDT&interval=15m").body.size() >= 4U);
}

BOOST_AUTO_TEST_CASE(a_5xx_fault_answers_503_without_effect) {
    SimFixture sim;
    sim.price("100");
    (void)sim.admin("faults", {{"http_5xx_next", 1}});
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kMarketBuy + "f").status == 503);
    BOOST_TEST(sim.admin("orders", json::object()).body.at("orders").empty());
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kMarketBuy + "f").status == 200);
}

BOOST_AUTO_TEST_CASE(an_unknown_status_fault_answers_1007_after_placing_the_order) {
    SimFixture sim;
    sim.price("100");
    (void)sim.admin("faults", {{"unknown_status_next_orders", 1}});
    const Answer answer = sim.sign("POST", "/api/v3/order", kMarketBuy + "u");
    BOOST_TEST(answer.status == 500);
    BOOST_TEST(answer.body.at("code") == -1007);
    BOOST_TEST(
        sim.sign("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=u").body.at("status") ==
        "FILLED");
}

BOOST_AUTO_TEST_CASE(a_drop_fault_closes_the_connection_after_placing_the_order) {
    SimFixture sim;
    sim.price("100");
    (void)sim.admin("faults", {{"drop_connection_next_orders", 1}});
    BOOST_CHECK_THROW((void)sim.sign("POST", "/api/v3/order", kMarketBuy + "d"), Poco::Exception);
    BOOST_TEST(sim.sign("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=d").status ==
               200);
}

BOOST_AUTO_TEST_CASE(a_stop_rejection_fault_refuses_the_next_stop_only) {
    SimFixture sim;
    sim.price("100");
    (void)sim.admin("faults", {{"reject_next_stop_orders", 1}});
    const std::string stop =
        "symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC&quantity=0.1&price=94&"
        "stopPrice=95";
    BOOST_TEST(sim.sign("POST", "/api/v3/order", stop).body.at("code") == -2010);
    BOOST_TEST(sim.sign("POST", "/api/v3/order", stop).status == 200);
}

BOOST_AUTO_TEST_CASE(a_rate_limit_burst_answers_429_with_retry_after) {
    SimFixture sim;
    (void)sim.admin("faults", {{"rate_limit_burst", 2}});
    const Answer first = sim.request("GET", "/api/v3/ping");
    BOOST_TEST(first.status == 429);
    BOOST_TEST(first.body.at("code") == -1003);
    BOOST_TEST(first.headers.contains("Retry-After"));
    BOOST_TEST(sim.request("GET", "/api/v3/ping").status == 429);
    BOOST_TEST(sim.request("GET", "/api/v3/ping").status == 200);
}

BOOST_AUTO_TEST_CASE(the_rate_limit_faults_retry_after_is_the_armed_one) {
    SimFixture sim;
    (void)sim.admin("faults", {{"rate_limit_burst", 1}, {"rate_limit_retry_after_s", 5}});
    const Answer limited = sim.request("GET", "/api/v3/ping");
    BOOST_TEST(limited.status == 429);
    BOOST_TEST(limited.headers.at("Retry-After") == "5");
}

BOOST_AUTO_TEST_CASE(exceeding_the_weight_limit_answers_429_then_418) {
    // Weights count in fixed one-minute windows: a frozen clock 30 s into a minute keeps the
    // three requests in one window however slow the machine is.
    SimFixture sim(30, [] { return std::int64_t{1'800'000'030'000}; });
    BOOST_TEST(sim.request("GET", "/api/v3/exchangeInfo").status == 200);
    const Answer over = sim.request("GET", "/api/v3/exchangeInfo");
    BOOST_TEST(over.status == 429);
    BOOST_TEST(over.body.at("code") == -1003);
    BOOST_TEST(std::stoi(over.headers.at("Retry-After")) >= 1);
    BOOST_TEST(over.headers.at("X-MBX-USED-WEIGHT-1M") == "40");
    const Answer banned = sim.request("GET", "/api/v3/ping");
    BOOST_TEST(banned.status == 418);
    BOOST_TEST(banned.headers.contains("Retry-After"));
}

BOOST_AUTO_TEST_CASE(latency_delays_api_answers) {
    SimFixture sim;
    (void)sim.admin("faults", {{"latency_ms", 150}});
    const auto start = wallNowMs();
    BOOST_TEST(sim.request("GET", "/api/v3/ping").status == 200);
    BOOST_TEST(wallNowMs() - start >= 150);
}

BOOST_AUTO_TEST_CASE(an_oversized_body_answers_413_and_garbage_params_a_binance_error) {
    SimFixture sim;
    const Answer big = sim.request("POST", "/api/v3/order", std::string(70'000, 'a'), kApiKey);
    BOOST_TEST(big.status == 413);
    BOOST_TEST(sim.request("GET", "/api/v3/depth?symbol=BTCUSDT&limit=%zz").body.at("code") ==
               -1100);
    BOOST_TEST(sim.request("GET", "/api/v3/depth?symbol=BTCUSDT&limit=-5").body.at("code") ==
               -1100);
    BOOST_TEST(sim.request("GET", "/api/v3/ping?a=1&a=2").body.at("code") == -1101);
}

BOOST_AUTO_TEST_SUITE_END()
