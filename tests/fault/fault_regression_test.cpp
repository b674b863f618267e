// Bugs the fault campaign found, each pinned by the fault that exposed it (docs/fault-campaign.md).
#include "robson/domain/client_order_id.hpp"
#include "stack.hpp"

#include <boost/test/unit_test.hpp>

#include <thread>

using robson::e2e::Stack;
using robson::e2e::StackOptions;
using namespace std::chrono_literals;

namespace {

std::string validatedIntent(Stack& stack, const std::string& tenant) {
    const auto id = stack.submitIntent(stack.createTenant(tenant), "BTCUSDT", "BUY", "100");
    BOOST_REQUIRE(stack.waitForStatus(id, {"VALIDATED", "REJECTED"}) == "VALIDATED");
    return id;
}

int auditCount(const Stack& stack, const std::string& id, const std::string& action) {
    return stack
        .sql("SELECT count(*) FROM audit_trail WHERE intent_id = '" + id + "' AND action = '" +
             action + "'")[0][0]
        .as<int>();
}

/// The simulator's orders with this exact client order id.
std::vector<nlohmann::json> simOrders(const Stack& stack, const std::string& client_order_id) {
    std::vector<nlohmann::json> found;
    const auto log = stack.simAdmin("orders");  // a local: the loop reads into it
    for (const auto& order : log.at("orders")) {
        if (order.at("clientOrderId").get<std::string>() == client_order_id) {
            found.push_back(order);
        }
    }
    return found;
}

/// Polls a query until its first cell is true (as text "t"), or fails after `timeout`.
bool eventually(const Stack& stack, const std::string& query, std::chrono::seconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        const auto rows = stack.sql(query);
        if (!rows.empty() && rows[0][0].as<bool>()) {
            return true;
        }
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

/// Kills the only execute worker, starts another and expires the dead one's lease, as time
/// would (90 s).
void crashExecuteWorker(Stack& stack, const std::string& id) {
    stack.killWorker("execute", 0);
    stack.restartWorker("execute", 0);
    stack.exec("UPDATE jobs SET lease_until = now() - interval '1 second' WHERE intent_id = '" +
               id + "' AND state = 'running'");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fault_regressions)

BOOST_AUTO_TEST_CASE(an_entry_rate_limited_by_the_exchange_is_retried_after_retry_after) {
    Stack stack;
    const auto id = validatedIntent(stack, "t-429");
    // Every order request answers 429 with Retry-After 3 s (longer than the adapter's own wait).
    const nlohmann::json limited{
        {"fault_rate", 1.0}, {"fault_kinds", {"rate_limit"}}, {"rate_limit_retry_after_s", 3}};
    stack.simAdmin("faults", &limited);
    stack.requestExecution(id, "LIVE");
    // Not a refusal: the job waits for a retry, no earlier than the Retry-After.
    BOOST_REQUIRE(eventually(stack,
                             "SELECT state = 'retry' FROM jobs WHERE kind = 'execute' AND "
                             "intent_id = '" +
                                 id + "'",
                             20s));
    const auto wait = stack
                          .sql(
                              "SELECT extract(epoch FROM run_after - updated_at)::float8 FROM "
                              "jobs WHERE kind = 'execute' AND intent_id = '" +
                              id + "'")[0][0]
                          .as<double>();
    BOOST_TEST(wait >= 2.9);
    BOOST_TEST(stack.sql("SELECT status::text FROM trading_intents WHERE id = '" + id + "'")[0][0]
                   .as<std::string>() == "EXECUTING");
    const nlohmann::json calm{{"fault_rate", 0.0}};
    stack.simAdmin("faults", &calm);
    BOOST_TEST(stack.waitForStatus(id, {"EXECUTED", "FAILED"}, 60s) == "EXECUTED");
    BOOST_TEST(
        simOrders(stack, robson::domain::clientOrderId(id, robson::domain::OrderRole::entry()))
            .size() == 1U);
}

BOOST_AUTO_TEST_CASE(an_entry_adopted_after_a_crash_has_its_audit_row_once) {
    Stack stack;
    const auto id = validatedIntent(stack, "t-adopt");
    const nlohmann::json slow{{"latency_ms", 1500}};
    stack.simAdmin("faults", &slow);
    stack.requestExecution(id, "LIVE");
    // The entry row is committed before the order is sent: kill while the answer is delayed.
    BOOST_REQUIRE(eventually(
        stack,
        "SELECT count(*) > 0 FROM orders WHERE role = 'ENTRY' AND intent_id = '" + id + "'",
        20s));
    std::this_thread::sleep_for(300ms);
    crashExecuteWorker(stack, id);
    const nlohmann::json fast{{"latency_ms", 0}};
    stack.simAdmin("faults", &fast);
    BOOST_TEST(stack.waitForStatus(id, {"EXECUTED", "FAILED"}, 60s) == "EXECUTED");
    BOOST_TEST(auditCount(stack, id, "SPOT_BUY") == 1);
    BOOST_TEST(auditCount(stack, id, "STOP_LOSS_PLACED") == 1);
    BOOST_TEST(
        simOrders(stack, robson::domain::clientOrderId(id, robson::domain::OrderRole::entry()))
            .size() == 1U);
}

BOOST_AUTO_TEST_CASE(a_market_exit_interrupted_by_a_crash_is_finished_not_replaced_by_a_stop) {
    Stack stack;
    const auto id = validatedIntent(stack, "t-exit");
    const nlohmann::json refuse{{"reject_next_stop_orders", 2}, {"latency_ms", 700}};
    stack.simAdmin("faults", &refuse);
    stack.requestExecution(id, "LIVE");
    // Both stops refused, the exit's row committed and its order in flight: crash now.
    BOOST_REQUIRE(eventually(
        stack,
        "SELECT count(*) > 0 FROM orders WHERE role = 'EXIT' AND intent_id = '" + id + "'",
        30s));
    std::this_thread::sleep_for(200ms);
    crashExecuteWorker(stack, id);
    const nlohmann::json fast{{"latency_ms", 0}};
    stack.simAdmin("faults", &fast);
    BOOST_TEST(stack.waitForStatus(id, {"EXECUTED", "FAILED"}, 60s) == "FAILED");
    using robson::domain::OrderRole;
    const auto exits = simOrders(stack, robson::domain::clientOrderId(id, OrderRole::exitMarket()));
    BOOST_REQUIRE(exits.size() == 1U);
    BOOST_TEST(exits[0].at("status").get<std::string>() == "FILLED");
    for (const auto role : {OrderRole::stop(), OrderRole::stopRetry(1)}) {
        for (const auto& stop : simOrders(stack, robson::domain::clientOrderId(id, role))) {
            BOOST_TEST(stop.at("status").get<std::string>() != "NEW");  // nothing left to sell
        }
    }
    BOOST_TEST(auditCount(stack, id, "POSITION_FLATTENED") == 1);
}

BOOST_AUTO_TEST_CASE(a_live_entry_without_room_for_its_stop_on_the_exchange_is_never_sent) {
    // The simulator allows 3 open orders per symbol; the worker keeps room for itself only.
    StackOptions options;
    options.sim_extra_args = {"--max-num-orders", "3"};
    options.worker_extra_args = {"--concurrent-executions", "1"};
    Stack stack(options);
    // 0 open + entry, stop and exit = 3: executed, and its stop stays open.
    const auto first = validatedIntent(stack, "t-room-1");
    stack.requestExecution(first, "LIVE");
    BOOST_TEST(stack.waitForStatus(first, {"EXECUTED", "FAILED"}, 60s) == "EXECUTED");
    // 1 open + 3 > 3: its stop might still fit alone, but not the exit it may need — and with
    // another execution at once, not the stop either (an entry filled, its stop and exit
    // refused for ever, is what the campaign saw). Not sent at all.
    const auto second = validatedIntent(stack, "t-room-2");
    stack.requestExecution(second, "LIVE");
    BOOST_TEST(stack.waitForStatus(second, {"EXECUTED", "FAILED"}, 60s) == "FAILED");
    BOOST_TEST(
        stack.sql("SELECT status_code FROM trading_intents WHERE id = '" + second + "'")[0][0]
            .as<std::string>() == "exchange_order_limit");
    BOOST_TEST(auditCount(stack, second, "ENTRY_REFUSED") == 1);
    // Nothing of it reached the exchange: no order accepted, none refused.
    using robson::domain::OrderRole;
    const auto log = stack.simAdmin("orders");
    for (const auto role : {OrderRole::entry(),
                            OrderRole::stop(),
                            OrderRole::stopRetry(1),
                            OrderRole::exitMarket()}) {
        const auto id = robson::domain::clientOrderId(second, role);
        for (const char* list : {"orders", "refused"}) {
            for (const auto& order : log.at(list)) {
                BOOST_TEST(order.at("clientOrderId") != id, list << ' ' << id);
            }
        }
    }
    // The first position is still protected (its stop was the order that filled the room).
    const auto stops = simOrders(stack, robson::domain::clientOrderId(first, OrderRole::stop()));
    BOOST_REQUIRE(stops.size() == 1U);
    BOOST_TEST(stops[0].at("status").get<std::string>() == "NEW");
}

BOOST_AUTO_TEST_CASE(a_live_entry_without_room_for_its_stop_among_the_algo_orders_is_never_sent) {
    // The simulator allows 1 open stop per symbol (Binance: 5); the worker keeps room for
    // itself only.
    StackOptions options;
    options.sim_extra_args = {"--max-num-algo-orders", "1"};
    options.worker_extra_args = {"--concurrent-executions", "1"};
    Stack stack(options);
    // 0 open stops + its own = 1: executed, and its stop stays open.
    const auto first = validatedIntent(stack, "t-algo-1");
    stack.requestExecution(first, "LIVE");
    BOOST_TEST(stack.waitForStatus(first, {"EXECUTED", "FAILED"}, 60s) == "EXECUTED");
    // 1 open stop + its own > 1: its entry would fill and its stop be refused (a position
    // closed at market at once, at best). Not sent at all.
    const auto second = validatedIntent(stack, "t-algo-2");
    stack.requestExecution(second, "LIVE");
    BOOST_TEST(stack.waitForStatus(second, {"EXECUTED", "FAILED"}, 60s) == "FAILED");
    const auto failed = stack.sql(
        "SELECT status_code, status_reason FROM trading_intents "
        "WHERE id = '" +
        second + "'");
    BOOST_TEST(failed[0][0].as<std::string>() == "exchange_order_limit");
    BOOST_TEST(failed[0][1].as<std::string>() ==
               "the entry was not sent: BTCUSDT has 1 open stop-loss or take-profit order and "
               "its MAX_NUM_ALGO_ORDERS filter allows 1: an execution needs room for 1 (its "
               "stop-loss); none is free");
    BOOST_TEST(auditCount(stack, second, "ENTRY_REFUSED") == 1);
    // Nothing of it reached the exchange: no order accepted, none refused.
    using robson::domain::OrderRole;
    const auto log = stack.simAdmin("orders");
    for (const auto role : {OrderRole::entry(),
                            OrderRole::stop(),
                            OrderRole::stopRetry(1),
                            OrderRole::exitMarket()}) {
        const auto id = robson::domain::clientOrderId(second, role);
        for (const char* list : {"orders", "refused"}) {
            for (const auto& order : log.at(list)) {
                BOOST_TEST(order.at("clientOrderId") != id, list << ' ' << id);
            }
        }
    }
    // The first position is still protected by the stop that filled the room.
    const auto stops = simOrders(stack, robson::domain::clientOrderId(first, OrderRole::stop()));
    BOOST_REQUIRE(stops.size() == 1U);
    BOOST_TEST(stops[0].at("status").get<std::string>() == "NEW");
}

BOOST_AUTO_TEST_CASE(a_plan_job_buried_past_its_deadline_leaves_an_audit_row_saying_why) {
    Stack stack;
    const auto tenant = stack.createTenant("t-buried");
    const std::string id = "intent-buried0000000001";
    // An intent whose plan job nobody ran before its deadline (inserted already expired, its
    // retry not due, so the sweeper buries it rather than sending it).
    stack.exec(
        "INSERT INTO trading_intents (id, tenant_id, strategy_id, symbol, side, timeframe, "
        "capital, status) VALUES ('" +
        id + "', " + std::to_string(tenant) +
        ", 1, 'BTCUSDT', 'BUY', '15m', 100, 'PLANNING'); "
        "INSERT INTO jobs (intent_id, tenant_id, kind, payload, deadline, state, run_after) "
        "VALUES ('" +
        id + "', " + std::to_string(tenant) +
        ", 'plan', '{}'::jsonb, now() - interval '1 second', 'retry', "
        "now() + interval '1 hour')");
    BOOST_TEST(stack.waitForStatus(id, {"FAILED", "PENDING", "VALIDATED"}) == "FAILED");
    const auto audit = stack.sql(
        "SELECT actor, details->>'code' FROM audit_trail WHERE "
        "action = 'INTENT_FAILED' AND intent_id = '" +
        id + "'");
    BOOST_REQUIRE(audit.size() == 1U);
    BOOST_TEST(audit[0][0].as<std::string>() == "system:job-queue");
    BOOST_TEST(audit[0][1].as<std::string>() == "plan_unavailable");
}

BOOST_AUTO_TEST_SUITE_END()
