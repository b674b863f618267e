#pragma once
// A fresh simulator, its admin API and a gateway per test case (killed at the end).

#include "robson/binance/binance_gateway.hpp"
#include "robson/testing/domain_printing.hpp"
#include "sim_admin.hpp"
#include "sim_process.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

namespace robson::binance::testing {

/// Boost.Test precondition: the integration suites skip when the simulator was not built.
inline boost::test_tools::assertion_result simulatorBuilt(boost::unit_test::test_unit_id /*unit*/) {
    boost::test_tools::assertion_result result(!simulatorPath().empty());
    result.message() << "robson-exchange-sim is not built; integration suite skipped";
    return result;
}

/// A gateway config for the simulator with short, test-sized timeouts and reconcile waits.
inline BinanceConfig testConfig(const std::string& url) {
    auto config = BinanceConfig::forUrl(url, SimProcess::kApiKey, SimProcess::kApiSecret);
    config.connect_timeout = std::chrono::milliseconds(2000);
    config.read_timeout = std::chrono::milliseconds(5000);
    config.order_read_timeout = std::chrono::milliseconds(5000);
    config.reconcile.query_attempts = 4;
    config.reconcile.first_backoff = std::chrono::milliseconds(20);
    config.reconcile.max_backoff = std::chrono::milliseconds(200);
    return config;
}

/// One simulator per test case.
struct SimFixture {
    SimProcess sim;
    SimAdmin admin{sim.url()};
    BinanceGateway gateway{testConfig(sim.url())};

    /// True when `text` names neither key nor secret.
    static bool leaksNoKey(const std::string& text) {
        return text.find(SimProcess::kApiKey) == std::string::npos &&
               text.find(SimProcess::kApiSecret) == std::string::npos;
    }
};

/// A planned order with the fields Robson sends.
inline domain::PlannedOrder plannedOrder(std::string client_id,
                                         domain::Side side,
                                         domain::OrderType type,
                                         const char* quantity) {
    domain::PlannedOrder order;
    order.client_order_id = std::move(client_id);
    order.symbol = "BTCUSDT";
    order.side = side;
    order.type = type;
    order.quantity = domain::Decimal::fromString(quantity);
    return order;
}

/// A resting LIMIT BUY at `price` (GTC).
inline domain::PlannedOrder limitBuy(std::string client_id,
                                     const char* quantity,
                                     const char* price) {
    auto order =
        plannedOrder(std::move(client_id), domain::Side::Buy, domain::OrderType::Limit, quantity);
    order.price = domain::Decimal::fromString(price);
    order.time_in_force = domain::TimeInForce::Gtc;
    return order;
}

}  // namespace robson::binance::testing
