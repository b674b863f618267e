// Random faults (--fault-rate with --fault-seed): reproducible for a seed, limited to the
// armed kinds, and disarmed by a reset.
#include "sim_client.hpp"

#include <Poco/Exception.h>
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

using namespace robson::sim;
using namespace robson::sim::test;
using nlohmann::json;

namespace {

constexpr int kOrders = 40;

/// Every fourth order is a stop-loss (so reject_stop can hit), the others MARKET buys.
std::string orderParams(int i) {
    const std::string id = "&newClientOrderId=r" + std::to_string(i);
    if (i % 4 == 3) {
        return "symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC&quantity=0.01&"
               "price=940&stopPrice=950" +
               id;
    }
    return "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01" + id;
}

/// What each of kOrders order requests got: "ok", "drop" or the Binance error code.
std::vector<std::string> faultSequence(const SimFixture& sim) {
    sim.price("1000");
    std::vector<std::string> outcomes;
    for (int i = 0; i < kOrders; ++i) {
        try {
            const Answer answer = sim.sign("POST", "/api/v3/order", orderParams(i));
            outcomes.push_back(
                answer.status == 200 ? "ok" : std::to_string(answer.body.at("code").get<int>()));
        } catch (const Poco::Exception&) {
            outcomes.emplace_back("drop");  // the drop fault closed the connection unanswered
        }
    }
    return outcomes;
}

SimConfig randomFaults(double rate, std::uint64_t seed, std::vector<FaultKind> kinds = {}) {
    SimConfig config = SimFixture::testConfig();
    config.faults.rate = rate;
    config.faults.seed = seed;
    if (!kinds.empty()) {
        config.faults.kinds = std::move(kinds);
    }
    return config;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sim_random_faults)

BOOST_AUTO_TEST_CASE(the_same_fault_seed_gives_the_same_fault_sequence) {
    const auto first = faultSequence(SimFixture(randomFaults(0.5, 42)));
    const auto second = faultSequence(SimFixture(randomFaults(0.5, 42)));
    BOOST_TEST(first == second, boost::test_tools::per_element());
    // Every kind can hit: successes and at least three different faults in 40 draws.
    const std::set<std::string> kinds(first.begin(), first.end());
    BOOST_TEST(kinds.contains("ok"));
    BOOST_TEST(kinds.size() >= 4U);
}

BOOST_AUTO_TEST_CASE(another_fault_seed_gives_another_fault_sequence) {
    BOOST_TEST(faultSequence(SimFixture(randomFaults(0.5, 42))) !=
               faultSequence(SimFixture(randomFaults(0.5, 43))));
}

BOOST_AUTO_TEST_CASE(a_reset_keeps_the_seed_so_rearming_replays_the_sequence) {
    const SimFixture sim(randomFaults(0.5, 7));
    const auto first = faultSequence(sim);
    (void)sim.admin("reset", json::object());
    BOOST_TEST(sim.admin("state", json::object()).body.at("faults").at("fault_rate") == 0.0);
    BOOST_TEST(sim.admin("faults", {{"fault_rate", 0.5}}).body.at("ok") == true);
    BOOST_TEST(faultSequence(sim) == first, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(seeding_through_the_admin_endpoint_matches_seeding_by_flag) {
    const auto by_flag = faultSequence(SimFixture(randomFaults(0.5, 99)));
    const SimFixture sim;
    (void)sim.admin("faults", {{"fault_rate", 0.5}, {"fault_seed", 99}});
    BOOST_TEST(faultSequence(sim) == by_flag, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(random_faults_hit_only_the_armed_kinds) {
    const SimFixture sim(randomFaults(1.0, 5, {FaultKind::Http5xx}));
    for (const std::string& outcome : faultSequence(sim)) {
        BOOST_TEST(outcome == "-1001");
    }
    BOOST_TEST(sim.admin("orders", json::object()).body.at("orders").empty());
}

BOOST_AUTO_TEST_CASE(a_random_stop_rejection_spares_orders_that_are_not_stops) {
    const SimFixture sim(randomFaults(1.0, 5, {FaultKind::RejectStop}));
    const auto outcomes = faultSequence(sim);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        BOOST_TEST(outcomes[i] == (i % 4 == 3 ? "-2010" : "ok"));
    }
}

BOOST_AUTO_TEST_CASE(bad_random_fault_settings_are_refused_by_the_admin_endpoint) {
    const SimFixture sim;
    BOOST_TEST(sim.admin("faults", {{"fault_rate", 1.5}}).status == 400);
    BOOST_TEST(sim.admin("faults", {{"fault_kinds", {"http_5xx", "meteor"}}}).status == 400);
    BOOST_TEST(sim.admin("faults", {{"fault_seed", -1}}).status == 400);
    const Answer armed = sim.admin("faults", {{"fault_kinds", {"rate_limit"}}});
    BOOST_TEST(armed.body.at("faults").at("fault_kinds") == json::array({"rate_limit"}));
}

BOOST_AUTO_TEST_SUITE_END()
