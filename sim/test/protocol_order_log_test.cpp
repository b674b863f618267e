// GET /sim/admin/orders: accepted orders in "orders" (unchanged shape) and every refused order
// request in "refused", so a test can judge everything that reached the exchange.
#include "sim_client.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::sim::test;
using nlohmann::json;

namespace {
const std::string kBuy = "symbol=BTCUSDT&side=BUY&type=MARKET&newClientOrderId=";
const std::string kResting =
    "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=90&newClientOrderId=";
}  // namespace

BOOST_AUTO_TEST_SUITE(sim_order_log)

BOOST_AUTO_TEST_CASE(refused_order_requests_are_listed_beside_the_accepted_orders) {
    SimFixture sim;
    sim.price("100");
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kBuy + "ok-1&quantity=0.1").status == 200);
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kBuy + "lot-1&quantity=0.000001").status == 400);
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kBuy + "poor-1&quantity=1000").status == 400);
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kResting + "rest-1").status == 200);
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kResting + "rest-1").status == 400);
    (void)sim.admin("faults", {{"reject_next_stop_orders", 1}});
    const std::string stop =
        "symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC&quantity=0.1&price=94&"
        "stopPrice=95&newClientOrderId=stop-1";
    BOOST_TEST(sim.sign("POST", "/api/v3/order", stop).status == 400);

    const json log = sim.admin("orders", json::object()).body;
    BOOST_REQUIRE(log.at("orders").size() == 2U);
    BOOST_TEST(log.at("orders")[0].at("clientOrderId") == "ok-1");
    BOOST_TEST(log.at("orders")[1].at("clientOrderId") == "rest-1");
    const json& refused = log.at("refused");
    BOOST_REQUIRE(refused.size() == 4U);
    const std::vector<std::pair<std::string, int>> expected{
        {"lot-1", -1013}, {"poor-1", -2010}, {"rest-1", -2010}, {"stop-1", -2010}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST(refused[i].at("clientOrderId") == expected[i].first);
        BOOST_TEST(refused[i].at("code") == expected[i].second);
        BOOST_TEST(refused[i].at("symbol") == "BTCUSDT");
        BOOST_TEST(refused[i].at("received_at").is_number_integer());
    }
    BOOST_TEST(refused[0].at("msg") == "Filter failure: LOT_SIZE");
    BOOST_TEST(refused[1].at("msg") == "Account has insufficient balance for requested action.");
    BOOST_TEST(refused[2].at("msg") == "Duplicate order sent.");
    BOOST_TEST(refused[3].at("msg") == "Order would trigger immediately.");
    BOOST_TEST(refused[3].at("side") == "SELL");
    BOOST_TEST(refused[3].at("type") == "STOP_LOSS_LIMIT");
}

BOOST_AUTO_TEST_CASE(a_refused_request_without_a_client_id_is_listed_with_null) {
    SimFixture sim;
    BOOST_TEST(sim.sign("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT").status ==
               400);
    const json refused = sim.admin("orders", json::object()).body.at("refused");
    BOOST_REQUIRE(refused.size() == 1U);
    BOOST_TEST(refused[0].at("clientOrderId").is_null());
    BOOST_TEST(refused[0].at("code") == -1102);
}

BOOST_AUTO_TEST_CASE(unauthenticated_requests_are_not_listed_and_a_reset_clears_the_log) {
    SimFixture sim;
    sim.price("100");
    // An unsigned order never reached the account: it is in neither list.
    BOOST_TEST(sim.request("POST", "/api/v3/order", kBuy + "anon&quantity=0.1", kApiKey).status ==
               400);
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kBuy + "lot-2&quantity=0.000001").status == 400);
    BOOST_TEST(sim.admin("orders", json::object()).body.at("refused").size() == 1U);
    (void)sim.admin("reset", json::object());
    BOOST_TEST(sim.admin("orders", json::object()).body.at("refused").empty());
}

BOOST_AUTO_TEST_SUITE_END()
