// Each injected fault: a correct typed outcome and never a duplicate order.
#include "sim_fixture.hpp"

using robson::binance::BinanceGateway;
using robson::binance::testing::plannedOrder;
using robson::binance::testing::SimFixture;
using robson::binance::testing::testConfig;
using robson::domain::OrderType;
using robson::domain::Side;
using robson::exchange::ExchangeErrorKind;
using robson::exchange::OrderStatus;

namespace {
robson::domain::PlannedOrder marketBuy(const char* client_id) {
    return plannedOrder(client_id, Side::Buy, OrderType::Market, "0.001");
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(faults_against_simulator,
                         SimFixture,
                         *boost::unit_test::precondition(robson::binance::testing::simulatorBuilt))

BOOST_AUTO_TEST_CASE(a_5xx_on_placement_is_unknown_status) {
    admin.armFaults({{"http_5xx_next", 1}});
    const auto result = gateway.placeOrder(marketBuy("it-5xx-1"));
    BOOST_REQUIRE(result.unknown());
    BOOST_TEST((result.error().kind == ExchangeErrorKind::UnknownStatus));
    BOOST_TEST(result.error().http_status >= 500);
}

BOOST_AUTO_TEST_CASE(a_5xx_without_effect_is_confirmed_absent_then_placed_once) {
    admin.armFaults({{"http_5xx_next", 1}});
    const auto result = gateway.placeOrReconcile(marketBuy("it-5xx-2"));
    BOOST_REQUIRE(result.placed());
    BOOST_TEST((result.order().status == OrderStatus::Filled));
    BOOST_TEST(admin.ordersWithClientId("it-5xx-2") == 1);
}

BOOST_AUTO_TEST_CASE(unknown_status_after_acceptance_is_minus_1007_and_is_adopted) {
    admin.armFaults({{"unknown_status_next_orders", 1}});
    const auto raw = gateway.placeOrder(marketBuy("it-1007-1"));
    BOOST_REQUIRE(raw.unknown());
    BOOST_TEST(raw.error().code == -1007);
    admin.armFaults({{"unknown_status_next_orders", 1}});
    const auto result = gateway.placeOrReconcile(marketBuy("it-1007-2"));
    BOOST_REQUIRE(result.placed());
    BOOST_TEST(result.order().client_order_id == "it-1007-2");
    BOOST_TEST(admin.ordersWithClientId("it-1007-2") == 1);
    // Even though the MARKET order is FILLED (its id reusable), nothing was sent twice.
    BOOST_TEST((result.order().status == OrderStatus::Filled));
}

BOOST_AUTO_TEST_CASE(a_connection_dropped_after_acceptance_is_adopted_not_resent) {
    admin.armFaults({{"drop_connection_next_orders", 1}});
    const auto raw = gateway.placeOrder(marketBuy("it-drop-1"));
    BOOST_REQUIRE(raw.unknown());
    BOOST_TEST(raw.error().code == 0);
    admin.armFaults({{"drop_connection_next_orders", 1}});
    const auto result = gateway.placeOrReconcile(marketBuy("it-drop-2"));
    BOOST_REQUIRE(result.placed());
    BOOST_TEST(admin.ordersWithClientId("it-drop-2") == 1);
    // The gateway reconnects by itself after the drop.
    BOOST_TEST(gateway.lastPrice("BTCUSDT").isPositive());
}

BOOST_AUTO_TEST_CASE(a_rejected_stop_is_a_definite_rejection) {
    admin.setPrice("BTCUSDT", "95000");
    admin.armFaults({{"reject_next_stop_orders", 1}});
    auto stop = plannedOrder("it-stoprej-1", Side::Sell, OrderType::StopLossLimit, "0.001");
    stop.stop_price = robson::domain::Decimal::fromString("93000");
    stop.price = robson::domain::Decimal::fromString("92900");
    stop.time_in_force = robson::domain::TimeInForce::Gtc;
    const auto result = gateway.placeOrReconcile(stop);
    BOOST_REQUIRE(result.rejected());
    BOOST_TEST(result.error().code == -2010);
    BOOST_TEST(gateway.openOrders("BTCUSDT").empty());
    // The next stop goes through.
    stop.client_order_id = "it-stoprej-2";
    BOOST_TEST(gateway.placeOrder(stop).placed());
}

BOOST_AUTO_TEST_CASE(latency_beyond_the_read_timeout_is_reconciled_without_duplicate) {
    auto config = testConfig(sim.url());
    config.order_read_timeout = std::chrono::milliseconds(300);
    config.reconcile.query_attempts = 8;
    config.reconcile.first_backoff = std::chrono::milliseconds(100);
    config.reconcile.max_backoff = std::chrono::milliseconds(400);
    bool cleared = false;
    config.reconcile.sleep = [&](std::chrono::milliseconds wait) {
        if (!cleared) {
            admin.armFaults({{"latency_ms", 0}});
            cleared = true;
        }
        std::this_thread::sleep_for(wait);
    };
    BinanceGateway slow(config);
    slow.syncTime();
    admin.armFaults({{"latency_ms", 1000}});
    const auto result = slow.placeOrReconcile(marketBuy("it-lat-1"));
    BOOST_REQUIRE(result.placed());
    BOOST_TEST(cleared);
    BOOST_TEST(admin.ordersWithClientId("it-lat-1") == 1);
}

BOOST_AUTO_TEST_CASE(small_latency_only_slows_calls_down) {
    // Synced first: the time sync would otherwise add three delayed requests to the measure.
    gateway.syncTime();
    constexpr auto kLatency = std::chrono::milliseconds(250);
    admin.armFaults({{"latency_ms", kLatency.count()}});
    const auto start = std::chrono::steady_clock::now();
    const auto result = gateway.placeOrder(marketBuy("it-lat-2"));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    BOOST_REQUIRE(result.placed());
    // Slowed by at least the injected latency, and nothing else changed: one order, filled.
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() >=
               kLatency.count());
    BOOST_TEST((result.order().status == OrderStatus::Filled));
    BOOST_TEST(admin.ordersWithClientId("it-lat-2") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
