// The worker pools end to end over real processes and a real PostgreSQL, without the API:
// intents are inserted and their jobs sent as the API does, and the workers, the broker, the
// sweeper and the simulator do the rest.
#include "http_client.hpp"
#include "stack.hpp"

#include <boost/test/unit_test.hpp>

#include <set>
#include <thread>

using robson::e2e::Stack;

namespace {

/// The simulator's orders whose client id belongs to the intent.
std::vector<nlohmann::json> simOrdersOf(const Stack& stack, const std::string& intent_id) {
    std::vector<nlohmann::json> mine;
    const auto all = stack.simAdmin("orders");
    for (const auto& order : all.at("orders")) {
        if (order.at("clientOrderId").get<std::string>().find(intent_id) != std::string::npos) {
            mine.push_back(order);
        }
    }
    return mine;
}

/// The value of one series in a /metrics text, or -1 when absent.
double metricValue(const std::string& text, const std::string& series) {
    const auto at = text.find("\n" + series + " ");
    if (at == std::string::npos) {
        return -1;
    }
    return std::stod(text.substr(at + series.size() + 2));
}

std::string field(const Stack& stack, const std::string& intent_id, const std::string& column) {
    const auto rows = stack.sql("SELECT coalesce(" + column + "::text, '') FROM trading_intents " +
                                "WHERE id = '" + intent_id + "'");
    return rows[0][0].as<std::string>();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pipeline)

BOOST_AUTO_TEST_CASE(a_planned_intent_is_validated_automatically_with_all_guards_visible) {
    Stack stack;
    const auto tenant = stack.createTenant("t-validate");
    const auto id = stack.submitIntent(tenant, "BTCUSDT", "BUY", "100");
    BOOST_TEST(stack.waitForStatus(id, {"VALIDATED", "REJECTED"}) == "VALIDATED");
    const auto report = nlohmann::json::parse(field(stack, id, "validation_result"));
    std::set<std::string> names;
    for (const auto& guard : report.at("guards")) {
        names.insert(guard.at("name").get<std::string>());
    }
    for (const char* guard :
         {"balance_check", "risk_limit", "daily_loss", "position_limit", "market_hours"}) {
        BOOST_TEST(names.contains(guard), guard);
    }
    const auto plan = nlohmann::json::parse(field(stack, id, "plan"));
    BOOST_TEST(plan.at("stop").at("stop").get<std::string>() ==
               field(stack, id, "stop_price")
                   .substr(0, plan.at("stop").at("stop").get<std::string>().size()));
    BOOST_TEST(!plan.at("stop").at("explanation").get<std::string>().empty());
    // The risk rule: the planned loss with costs never exceeds 1 % of the capital.
    BOOST_TEST(std::stod(plan.at("sizing").at("planned_risk").get<std::string>()) <= 1.0);
    const auto audit =
        stack.sql("SELECT action FROM audit_trail WHERE intent_id = '" + id + "' ORDER BY id");
    BOOST_TEST(audit.size() == 2U);
    BOOST_TEST(audit[0][0].as<std::string>() == "INTENT_PLANNED");
    BOOST_TEST(audit[1][0].as<std::string>() == "INTENT_VALIDATED");
}

BOOST_AUTO_TEST_CASE(a_capital_too_small_for_the_exchange_minimum_is_rejected_with_its_reason) {
    Stack stack;
    const auto id = stack.submitIntent(stack.createTenant("t-small"), "BTCUSDT", "BUY", "1");
    BOOST_TEST(stack.waitForStatus(id, {"REJECTED", "PENDING", "VALIDATED"}) == "REJECTED");
    BOOST_TEST(field(stack, id, "status_code") != "");
    BOOST_TEST(field(stack, id, "status_reason") != "");
}

BOOST_AUTO_TEST_CASE(dry_run_shows_the_orders_and_sends_nothing_to_the_exchange) {
    Stack stack;
    const auto id = stack.submitIntent(stack.createTenant("t-dry"), "ETHUSDT", "BUY", "250");
    BOOST_REQUIRE(stack.waitForStatus(id, {"VALIDATED", "REJECTED"}) == "VALIDATED");
    stack.requestExecution(id, "DRY_RUN");
    BOOST_TEST(stack.waitForStatus(id, {"EXECUTED", "FAILED"}) == "EXECUTED");
    const auto result = nlohmann::json::parse(field(stack, id, "execution_result"));
    BOOST_TEST(result.at("mode").get<std::string>() == "DRY_RUN");
    BOOST_TEST(result.at("orders").size() == 2U);
    BOOST_TEST(result.at("orders")[1].at("order_type").get<std::string>() == "STOP_LOSS_LIMIT");
    BOOST_TEST(simOrdersOf(stack, id).empty());
}

BOOST_AUTO_TEST_CASE(live_places_the_entry_and_its_stop_once_on_the_exchange) {
    Stack stack;
    const auto id = stack.submitIntent(stack.createTenant("t-live"), "BTCUSDT", "BUY", "100");
    BOOST_REQUIRE(stack.waitForStatus(id, {"VALIDATED", "REJECTED"}) == "VALIDATED");
    stack.requestExecution(id, "LIVE");
    BOOST_TEST(stack.waitForStatus(id, {"EXECUTED", "FAILED"}) == "EXECUTED");
    const auto orders = simOrdersOf(stack, id);
    BOOST_REQUIRE(orders.size() == 2U);
    BOOST_TEST(orders[0].at("type").get<std::string>() == "MARKET");
    BOOST_TEST(orders[0].at("status").get<std::string>() == "FILLED");
    BOOST_TEST(orders[1].at("type").get<std::string>() == "STOP_LOSS_LIMIT");
    BOOST_TEST(orders[1].at("status").get<std::string>() == "NEW");
    const auto result = nlohmann::json::parse(field(stack, id, "execution_result"));
    BOOST_TEST(result.at("orders")[0].at("binance_order_id").get<std::string>() ==
               std::to_string(orders[0].at("orderId").get<std::int64_t>()));
    BOOST_TEST(result.at("orders")[1].at("binance_order_id").get<std::string>() ==
               std::to_string(orders[1].at("orderId").get<std::int64_t>()));
    BOOST_TEST(result.at("audit_trail")[0].at("action").get<std::string>() == "SPOT_BUY");
    BOOST_TEST(result.at("audit_trail")[1].at("action").get<std::string>() == "STOP_LOSS_PLACED");
    // The workers and the sweeper say so on /metrics.
    const auto execute_metrics = Stack::scrape(stack.workerMetricsUrl("execute", 0));
    BOOST_TEST(execute_metrics.find(
                   "robson_jobs_completed_total{outcome=\"success\",service=\"execute\"} 1") !=
               std::string::npos);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // a sweeper round
    const auto sweeper_metrics = Stack::scrape(stack.sweeperMetricsUrl());
    // Earlier tests share the database: at least this intent is counted.
    BOOST_TEST(metricValue(sweeper_metrics, "robson_intents{status=\"EXECUTED\"}") >= 1.0);
    BOOST_TEST(sweeper_metrics.find("robson_unprotected_position_age_seconds 0") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_stop_the_exchange_keeps_refusing_ends_in_a_market_exit_and_failed) {
    Stack stack;
    const auto id = stack.submitIntent(stack.createTenant("t-naked"), "BTCUSDT", "BUY", "100");
    BOOST_REQUIRE(stack.waitForStatus(id, {"VALIDATED", "REJECTED"}) == "VALIDATED");
    const nlohmann::json faults{{"reject_next_stop_orders", 2}};
    stack.simAdmin("faults", &faults);
    stack.requestExecution(id, "LIVE");
    BOOST_TEST(stack.waitForStatus(id, {"EXECUTED", "FAILED"}) == "FAILED");
    const auto orders = simOrdersOf(stack, id);
    BOOST_REQUIRE(!orders.empty());
    const auto& exit = orders.back();
    BOOST_TEST(exit.at("type").get<std::string>() == "MARKET");
    BOOST_TEST(exit.at("side").get<std::string>() == "SELL");
    BOOST_TEST(exit.at("status").get<std::string>() == "FILLED");
    BOOST_TEST(field(stack, id, "status_reason").find("closed at market") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_execute_worker_killed_mid_order_leaves_exactly_one_entry) {
    Stack stack;
    const auto id = stack.submitIntent(stack.createTenant("t-kill"), "BTCUSDT", "BUY", "100");
    BOOST_REQUIRE(stack.waitForStatus(id, {"VALIDATED", "REJECTED"}) == "VALIDATED");
    // Every exchange answer takes 1.5 s: the worker is killed while the entry is in flight.
    const nlohmann::json slow{{"latency_ms", 1500}};
    stack.simAdmin("faults", &slow);
    stack.requestExecution(id, "LIVE");
    std::this_thread::sleep_for(std::chrono::milliseconds(2000));
    stack.killWorker("execute", 0);
    const nlohmann::json fast{{"latency_ms", 0}};
    stack.simAdmin("faults", &fast);
    static_cast<void>(stack.startWorker("execute"));
    // The lease (90 s) of the dead worker's claim must expire before another may take it;
    // shorten the wait by expiring it as time would.
    stack.exec("UPDATE jobs SET lease_until = now() - interval '1 second' WHERE intent_id = '" +
               id + "' AND state = 'running'");
    BOOST_TEST(stack.waitForStatus(id, {"EXECUTED", "FAILED"}, std::chrono::seconds(60)) ==
               "EXECUTED");
    int entries = 0;
    for (const auto& order : simOrdersOf(stack, id)) {
        entries += order.at("type").get<std::string>() == "MARKET" ? 1 : 0;
    }
    BOOST_TEST(entries == 1);
}

BOOST_AUTO_TEST_CASE(a_job_delivered_twice_has_the_effect_of_one) {
    Stack stack;
    const auto id = stack.submitIntent(stack.createTenant("t-dup"), "SOLUSDT", "BUY", "300");
    BOOST_REQUIRE(stack.waitForStatus(id, {"VALIDATED", "REJECTED"}) == "VALIDATED");
    stack.requestExecution(id, "LIVE");
    BOOST_REQUIRE(stack.waitForStatus(id, {"EXECUTED", "FAILED"}) == "EXECUTED");
    // Re-arm the finished jobs and deliver them again: nothing may change.
    stack.exec("UPDATE jobs SET last_dispatched_at = NULL WHERE intent_id = '" + id + "'");
    std::this_thread::sleep_for(std::chrono::milliseconds(2000));
    BOOST_TEST(simOrdersOf(stack, id).size() == 2U);
    const auto audit = stack.sql("SELECT count(*) FROM audit_trail WHERE intent_id = '" + id +
                                 "' AND action = 'SPOT_BUY'");
    BOOST_TEST(audit[0][0].as<int>() == 1);
}

BOOST_AUTO_TEST_CASE(a_tenant_trades_with_its_own_stored_keys_and_without_them_is_refused) {
    // The simulator knows only these keys; the workers' own (demo) keys are refused by it.
    robson::e2e::StackOptions options;
    options.sim_api_key = "tenant-key-4f1";
    options.sim_api_secret = "tenant-secret-9c2";
    options.secret_key_hex = std::string(64, 'a');
    Stack stack(options);
    const auto with_keys = stack.createTenant("t-keys");
    const auto without_keys = stack.createTenant("t-nokeys");
    const auto stored = robson::e2e::runCommand(
        "printf 'tenant-key-4f1\\ntenant-secret-9c2\\n' | ROBSON_SECRET_KEY=" +
        options.secret_key_hex + " '" + robson::e2e::Programs::api() +
        "' set-exchange-keys --database '" + stack.databaseUrl() +
        "' --tenant t-keys --exchange simulator");
    BOOST_REQUIRE_MESSAGE(stored.status == 0, stored.output);
    // Sealed at rest: the secret is not in the table.
    BOOST_TEST(stack
                   .sql("SELECT count(*) FROM exchange_credentials WHERE position("
                        "'tenant-secret' IN encode(api_secret_ciphertext, 'escape')) > 0")[0][0]
                   .as<int>() == 0);
    const auto id = stack.submitIntent(with_keys, "BTCUSDT", "BUY", "100");
    BOOST_REQUIRE(stack.waitForStatus(id, {"VALIDATED", "REJECTED"}) == "VALIDATED");
    stack.requestExecution(id, "LIVE");
    BOOST_TEST(stack.waitForStatus(id, {"EXECUTED", "FAILED"}) == "EXECUTED");
    BOOST_TEST(simOrdersOf(stack, id).size() == 2U);
    // Without keys the account cannot be read: validation gives up and says why.
    const auto refused = stack.submitIntent(without_keys, "BTCUSDT", "BUY", "100");
    BOOST_TEST(stack.waitForStatus(refused, {"VALIDATED", "REJECTED"}, std::chrono::seconds(60)) ==
               "REJECTED");
    BOOST_TEST(field(stack, refused, "status_code") == "validation_unavailable");
}

BOOST_AUTO_TEST_SUITE_END()
