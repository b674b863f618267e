// The simulator counts what it answered: requests by status class, order requests by result
// and every injected fault by kind, in the registry robson-exchange-sim --metrics serves.
#include "sim_client.hpp"

#include <boost/test/unit_test.hpp>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

using namespace robson::sim::test;

namespace {

const std::string kBuy = "symbol=BTCUSDT&side=BUY&type=MARKET&newClientOrderId=";

bool shows(const std::shared_ptr<prometheus::Registry>& registry, const std::string& line) {
    return prometheus::TextSerializer().Serialize(registry->Collect()).find(line) !=
           std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sim_metrics)

BOOST_AUTO_TEST_CASE(every_series_exists_at_zero_before_any_request) {
    auto config = SimFixture::testConfig();
    config.metrics_registry = std::make_shared<prometheus::Registry>();
    const SimFixture sim(config);
    BOOST_TEST(shows(config.metrics_registry,
                     R"(robson_sim_faults_injected_total{kind="drop_connection"} 0)"));
    BOOST_TEST(shows(config.metrics_registry, R"(robson_sim_orders_total{result="faulted"} 0)"));
    BOOST_TEST(shows(config.metrics_registry, R"(robson_sim_requests_total{code="5xx"} 0)"));
}

BOOST_AUTO_TEST_CASE(orders_are_counted_by_result_and_faults_by_kind) {
    auto config = SimFixture::testConfig();
    config.metrics_registry = std::make_shared<prometheus::Registry>();
    SimFixture sim(config);
    sim.price("100");
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kBuy + "ok-1&quantity=0.1").status == 200);
    BOOST_TEST(sim.sign("POST", "/api/v3/order", kBuy + "lot-1&quantity=0.000001").status == 400);
    static_cast<void>(sim.admin("faults", {{"http_5xx_next", 1}, {"reject_next_stop_orders", 1}}));
    BOOST_TEST(sim.request("GET", "/api/v3/ping").status == 503);
    const std::string stop =
        "symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC&quantity=0.1&price=94&"
        "stopPrice=95&newClientOrderId=stop-1";
    BOOST_TEST(sim.sign("POST", "/api/v3/order", stop).status == 400);

    const auto& registry = config.metrics_registry;
    BOOST_TEST(shows(registry, R"(robson_sim_orders_total{result="accepted"} 1)"));
    BOOST_TEST(shows(registry, R"(robson_sim_orders_total{result="refused"} 2)"));
    BOOST_TEST(shows(registry, R"(robson_sim_faults_injected_total{kind="http_5xx"} 1)"));
    BOOST_TEST(shows(registry, R"(robson_sim_faults_injected_total{kind="reject_stop"} 1)"));
    BOOST_TEST(shows(registry, R"(robson_sim_requests_total{code="5xx"} 1)"));
    BOOST_TEST(shows(registry, R"(robson_sim_requests_total{code="4xx"} 2)"));
}

BOOST_AUTO_TEST_SUITE_END()
