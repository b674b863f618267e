// The execute stage and a symbol's open-order limits (MAX_NUM_ORDERS, MAX_NUM_ALGO_ORDERS),
// against a real PostgreSQL (tests/support/with_postgres.sh) and an exchange that enforces
// them: an entry without room for its stop is never sent, an entry already sent is never
// abandoned for it, and a stop refused at a limit despite the check ends in a market exit (at
// once under MAX_NUM_ALGO_ORDERS, once a slot frees under MAX_NUM_ORDERS).
#include "order_limit_exchange.hpp"
#include "robson/domain/client_order_id.hpp"
#include "robson/store/intent_ids.hpp"
#include "robson/store/job_queue.hpp"
#include "stage.hpp"
#include "sweeper_metrics.hpp"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <prometheus/text_serializer.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

using namespace robson;
using namespace robson::workers;
using namespace std::chrono_literals;

namespace {

std::string databaseUrl() {
    const char* url = std::getenv("DATABASE_URL");  // NOLINT(concurrency-mt-unsafe)
    BOOST_REQUIRE_MESSAGE(url != nullptr, "run under tests/support/with_postgres.sh");
    return url;
}

constexpr std::int64_t kNow = 1'767'225'600'000;  // the stage's clock and the fills' time

/// A tenant, an intent EXECUTING with its LIVE execute job (as the API leaves it after
/// "execute LIVE": 0.001 BTC at 95000, stop 94000), and the exchange: BTCUSDT allows 10 open
/// orders, 5 of them stops.
struct RoomFixture {
    RoomFixture() : db(databaseUrl()) {
        exchange.now_ms = kNow;
        pqxx::work txn(db);
        tenant_id = txn.exec_params("INSERT INTO tenants (name) VALUES ($1) RETURNING id",
                                    "room-" + store::newIntentId())[0][0]
                        .as<std::int64_t>();
        intent_id = store::newIntentId();
        txn.exec_params(
            "INSERT INTO trading_intents (id, tenant_id, strategy_id, symbol, side, timeframe, "
            "capital, quantity, entry_price, stop_price, status) VALUES ($1, $2, 1, 'BTCUSDT', "
            "'BUY', '15m', 100, 0.001, 95000, 94000, 'EXECUTING')",
            intent_id,
            tenant_id);
        store::NewJob job;
        job.intent_id = intent_id;
        job.tenant_id = tenant_id;
        job.kind = wire::JobKind::Execute;
        job.payload_json = R"({"mode": "LIVE"})";
        job_id = store::enqueueJob(txn, job)->job_id;
        txn.commit();
    }

    /// One delivery of the execute job, as the worker loop runs it: true when the stage ended
    /// the job, false when it threw and the job went back for a retry.
    bool deliver() {
        const auto claim = store::claimJob(db, job_id, "test", 60s);
        BOOST_REQUIRE(claim.has_value());
        StageContext context{
            db, exchange, [] { return kNow; }, "worker:execute", concurrent_executions};
        try {
            static_cast<void>(runExecuteStage(context, *claim));
            return true;
        } catch (const std::exception& error) {
            pqxx::work txn(db);
            static_cast<void>(store::retryOrBury(txn, *claim, error.what()));
            txn.commit();
            return false;
        }
    }

    std::string text(const std::string& query) {
        pqxx::read_transaction txn(db);
        const auto value = txn.exec_params(query, intent_id).at(0)[0];
        return value.is_null() ? "null" : value.as<std::string>();
    }
    std::string status() { return text("SELECT status::text FROM trading_intents WHERE id = $1"); }
    std::string statusCode() {
        return text("SELECT status_code FROM trading_intents WHERE id = $1");
    }
    std::string auditActions() {
        return text(
            "SELECT coalesce(string_agg(action, ' ' ORDER BY id), '') FROM audit_trail "
            "WHERE intent_id = $1");
    }
    /// The details of the intent's first audit row with that action.
    nlohmann::json auditDetails(const std::string& action) {
        pqxx::read_transaction txn(db);
        const auto rows = txn.exec_params(
            "SELECT details::text FROM audit_trail WHERE intent_id = $1 AND action = $2 "
            "ORDER BY id LIMIT 1",
            intent_id,
            action);
        BOOST_REQUIRE_MESSAGE(!rows.empty(), "no " + action + " row");
        return nlohmann::json::parse(rows[0][0].as<std::string>());
    }
    /// How many placements the exchange was asked for with this role's client order id.
    long requestsFor(domain::OrderRole role) {
        const auto id = domain::clientOrderId(intent_id, role);
        return std::count_if(exchange.requests.begin(),
                             exchange.requests.end(),
                             [&](const auto& order) { return order.client_order_id == id; });
    }

    pqxx::connection db;
    testing::OrderLimitExchange exchange;
    int concurrent_executions = 1;
    std::int64_t tenant_id = 0;
    std::string intent_id;
    std::int64_t job_id = 0;
};

/// robson_unprotected_position_age_seconds as the sweeper computes it now.
double unprotectedAge(pqxx::connection& db) {
    prometheus::Registry registry;
    SweeperMetrics metrics(registry);
    metrics.refresh(db);
    const std::string text = prometheus::TextSerializer().Serialize(registry.Collect());
    const std::string prefix = "\nrobson_unprotected_position_age_seconds ";
    const auto at = text.find(prefix);
    BOOST_REQUIRE(at != std::string::npos);
    return std::stod(text.substr(at + prefix.size()));
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(execute_order_room, RoomFixture)

BOOST_AUTO_TEST_CASE(a_live_entry_without_room_for_its_stop_fails_before_any_order_is_placed) {
    exchange.others = 8;  // 8 + entry, stop and exit = 11 > 10
    BOOST_TEST(deliver());
    BOOST_TEST(exchange.requests.empty());  // nothing reached the exchange
    BOOST_TEST(exchange.open_order_reads == 1);
    BOOST_TEST(status() == "FAILED");
    BOOST_TEST(statusCode() == "exchange_order_limit");
    BOOST_TEST(text("SELECT status_reason FROM trading_intents WHERE id = $1") ==
               "the entry was not sent: BTCUSDT has 8 open orders and its MAX_NUM_ORDERS filter "
               "allows 10: an execution needs room for 3 orders (entry, stop-loss, market exit); "
               "only 2 are free");
    BOOST_TEST(text("SELECT count(*) FROM orders WHERE intent_id = $1") == "0");
    BOOST_TEST(auditActions() == "ENTRY_REFUSED INTENT_FAILED");
    const auto refused = auditDetails("ENTRY_REFUSED");
    BOOST_TEST(refused.at("code") == "exchange_order_limit");
    BOOST_TEST(refused.at("open_orders") == 8);
    BOOST_TEST(refused.at("max_num_orders") == 10);
    BOOST_TEST(refused.at("room_needed") == 3);
    BOOST_TEST(refused.at("sent") == false);
    BOOST_TEST(auditDetails("INTENT_FAILED").at("code") == "exchange_order_limit");
    BOOST_TEST(text("SELECT execution_result->>'error' FROM trading_intents WHERE id = $1")
                   .starts_with("the entry was not sent: BTCUSDT has 8 open orders"));
    BOOST_TEST(text("SELECT state::text FROM jobs WHERE intent_id = $1") == "done");
}

BOOST_AUTO_TEST_CASE(a_live_entry_with_room_for_its_stop_and_exit_is_executed) {
    exchange.others = 7;  // 7 + 3 = 10: exactly the room needed
    BOOST_TEST(deliver());
    BOOST_TEST(status() == "EXECUTED");
    BOOST_TEST(statusCode() == "null");
    BOOST_TEST(requestsFor(domain::OrderRole::entry()) == 1);
    BOOST_TEST(requestsFor(domain::OrderRole::stop()) == 1);
    BOOST_TEST(exchange.openCount() == 8);  // the stop is open on the exchange
    BOOST_TEST(auditActions() == "SPOT_BUY STOP_LOSS_PLACED INTENT_EXECUTED");
}

BOOST_AUTO_TEST_CASE(room_for_every_execution_that_may_run_at_once_is_enough) {
    concurrent_executions = 2;
    exchange.others = 4;  // 4 + 2 × 3 = 10
    BOOST_TEST(deliver());
    BOOST_TEST(status() == "EXECUTED");
}

BOOST_AUTO_TEST_CASE(an_entry_is_not_sent_without_the_room_kept_for_other_executions) {
    concurrent_executions = 2;
    exchange.others = 5;  // this execution's own 3 would fit; 5 + 2 × 3 = 11 > 10
    BOOST_TEST(deliver());
    BOOST_TEST(exchange.requests.empty());
    BOOST_TEST(status() == "FAILED");
    BOOST_TEST(statusCode() == "exchange_order_limit");
    BOOST_TEST(auditDetails("ENTRY_REFUSED").at("room_needed") == 6);
}

BOOST_AUTO_TEST_CASE(open_orders_that_cannot_be_read_for_now_are_read_again_before_any_order) {
    exchange.open_orders_failure = exchange::ExchangeError{
        exchange::ExchangeErrorKind::RateLimited, -1003, 429, "Too many requests.", 3s};
    BOOST_TEST(!deliver());  // retried, after the Retry-After
    BOOST_TEST(status() == "EXECUTING");
    BOOST_TEST(exchange.requests.empty());
    exchange.open_orders_failure.reset();
    BOOST_TEST(deliver());
    BOOST_TEST(status() == "EXECUTED");
}

BOOST_AUTO_TEST_CASE(open_orders_the_keys_may_not_read_fail_the_intent_before_any_order) {
    exchange.open_orders_failure = exchange::ExchangeError{
        exchange::ExchangeErrorKind::Auth, -2015, 401, "Invalid API-key.", std::nullopt};
    BOOST_TEST(deliver());
    BOOST_TEST(exchange.requests.empty());
    BOOST_TEST(status() == "FAILED");
    BOOST_TEST(statusCode() == "execution_failed");
    BOOST_TEST(auditActions() == "ENTRY_REFUSED INTENT_FAILED");
    BOOST_TEST(text("SELECT status_reason FROM trading_intents WHERE id = $1")
                   .starts_with("the entry was not sent: the open orders on BTCUSDT could not "
                                "be read (Auth (-2015, HTTP 401)"));
}

BOOST_AUTO_TEST_CASE(an_entry_already_sent_is_protected_and_never_blocked_by_the_room_check) {
    exchange.others = 7;
    // The worker dies right after the entry filled: its row exists, the stop was never sent.
    exchange.after_fill = [] { throw std::runtime_error("the worker died"); };
    BOOST_TEST(!deliver());
    BOOST_TEST(exchange.book.size() == 1U);
    exchange.after_fill = nullptr;
    // Meanwhile the symbol filled up: a new entry would be refused (9 + 3 > 10), but this one
    // is on the exchange already and its stop still fits.
    exchange.others = 9;
    BOOST_TEST(deliver());
    BOOST_TEST(exchange.open_order_reads == 1);  // the retry did not count again
    BOOST_TEST(status() == "EXECUTED");
    BOOST_TEST(requestsFor(domain::OrderRole::entry()) == 1);  // adopted, not sent again
    BOOST_TEST(requestsFor(domain::OrderRole::stop()) == 1);
    BOOST_TEST(auditActions() == "SPOT_BUY STOP_LOSS_PLACED INTENT_EXECUTED");
}

BOOST_AUTO_TEST_CASE(a_stop_refused_at_the_order_limit_is_followed_by_a_market_exit_once_it_fits) {
    exchange.others = 7;
    // Between the check and the stop, other executions take every free slot.
    exchange.after_fill = [this] {
        if (exchange.book.size() == 1U) {
            exchange.others = exchange.max_num_orders;
        }
    };
    BOOST_TEST(!deliver());  // the stop, its re-placement and the exit all refused
    BOOST_TEST(status() == "EXECUTING");
    BOOST_TEST(auditActions() == "SPOT_BUY STOP_LOSS_REFUSED STOP_LOSS_REFUSED EXIT_REFUSED");
    BOOST_TEST(auditDetails("STOP_LOSS_REFUSED").at("code") == "exchange_order_limit");
    BOOST_TEST(auditDetails("EXIT_REFUSED").at("code") == "exchange_order_limit");
    // Visible: the sweeper's gauge (RobsonUnprotectedPosition fires on any non-zero age).
    BOOST_TEST(unprotectedAge(db) > 0.0);
    // Still full at the next retry: the exit is tried again, never a third stop.
    BOOST_TEST(!deliver());
    BOOST_TEST(requestsFor(domain::OrderRole::exitMarket()) == 2);
    // One of the account's orders on the symbol closes: the exit takes the slot.
    exchange.others = exchange.max_num_orders - 1;
    BOOST_TEST(deliver());
    BOOST_TEST(status() == "FAILED");
    BOOST_TEST(statusCode() == "exchange_order_limit");
    BOOST_TEST(requestsFor(domain::OrderRole::stop()) == 1);
    BOOST_TEST(requestsFor(domain::OrderRole::stopRetry(1)) == 1);
    BOOST_TEST(requestsFor(domain::OrderRole::exitMarket()) == 3);
    BOOST_TEST((exchange.book.back().status == exchange::OrderStatus::Filled));
    BOOST_TEST(auditActions().ends_with("EXIT_REFUSED POSITION_FLATTENED INTENT_FAILED"));
    BOOST_TEST(unprotectedAge(db) == 0.0);
}

BOOST_AUTO_TEST_CASE(a_live_entry_without_room_for_its_stop_among_the_algo_orders_is_never_sent) {
    exchange.other_stops = 5;  // 5 + 3 ≤ 10 open orders, but 5 + 1 > 5 stops
    BOOST_TEST(deliver());
    BOOST_TEST(exchange.requests.empty());  // nothing reached the exchange
    BOOST_TEST(exchange.open_order_reads == 1);
    BOOST_TEST(status() == "FAILED");
    BOOST_TEST(statusCode() == "exchange_order_limit");
    BOOST_TEST(text("SELECT status_reason FROM trading_intents WHERE id = $1") ==
               "the entry was not sent: BTCUSDT has 5 open stop-loss or take-profit orders and "
               "its MAX_NUM_ALGO_ORDERS filter allows 5: an execution needs room for 1 (its "
               "stop-loss); none is free");
    BOOST_TEST(text("SELECT count(*) FROM orders WHERE intent_id = $1") == "0");
    BOOST_TEST(auditActions() == "ENTRY_REFUSED INTENT_FAILED");
    const auto refused = auditDetails("ENTRY_REFUSED");
    BOOST_TEST(refused.at("code") == "exchange_order_limit");
    BOOST_TEST(refused.at("filter") == "MAX_NUM_ALGO_ORDERS");
    BOOST_TEST(refused.at("open_orders") == 5);
    BOOST_TEST(refused.at("open_algo_orders") == 5);
    BOOST_TEST(refused.at("max_num_orders") == 10);
    BOOST_TEST(refused.at("max_num_algo_orders") == 5);
    BOOST_TEST(refused.at("room_needed") == 1);
    BOOST_TEST(refused.at("sent") == false);
    BOOST_TEST(auditDetails("INTENT_FAILED").at("code") == "exchange_order_limit");
}

BOOST_AUTO_TEST_CASE(open_orders_other_than_stops_leave_the_algo_room_alone) {
    exchange.others = 6;       // 6 limit orders and 1 stop: 7 + 3 = 10 open orders
    exchange.other_stops = 1;  // 1 + 1 ≤ 5 stops
    BOOST_TEST(deliver());
    BOOST_TEST(status() == "EXECUTED");
}

BOOST_AUTO_TEST_CASE(a_live_entry_with_room_for_its_stop_among_the_algo_orders_is_executed) {
    exchange.other_stops = 4;  // 4 + 1 = 5: exactly the room needed
    BOOST_TEST(deliver());
    BOOST_TEST(status() == "EXECUTED");
    BOOST_TEST(requestsFor(domain::OrderRole::stop()) == 1);
    BOOST_TEST(exchange.openAlgoCount() == 5);  // its stop took the last slot
    BOOST_TEST(auditActions() == "SPOT_BUY STOP_LOSS_PLACED INTENT_EXECUTED");
}

BOOST_AUTO_TEST_CASE(an_entry_is_not_sent_without_the_algo_room_kept_for_other_executions) {
    concurrent_executions = 2;
    exchange.other_stops = 4;  // this execution's own stop would fit; 4 + 2 × 1 = 6 > 5
    BOOST_TEST(deliver());
    BOOST_TEST(exchange.requests.empty());
    BOOST_TEST(status() == "FAILED");
    BOOST_TEST(statusCode() == "exchange_order_limit");
    const auto refused = auditDetails("ENTRY_REFUSED");
    BOOST_TEST(refused.at("filter") == "MAX_NUM_ALGO_ORDERS");
    BOOST_TEST(refused.at("room_needed") == 2);
}

BOOST_AUTO_TEST_CASE(a_symbol_without_the_algo_filter_keeps_only_the_open_order_room) {
    exchange.max_num_algo_orders.reset();
    exchange.other_stops = 7;  // 7 + 3 = 10: no stop limit to run into
    BOOST_TEST(deliver());
    BOOST_TEST(status() == "EXECUTED");
}

BOOST_AUTO_TEST_CASE(a_stop_refused_at_the_algo_limit_is_replaced_by_a_market_exit_at_once) {
    exchange.other_stops = 4;
    // Between the check and the stop, another execution's stop takes the last algo slot.
    exchange.after_fill = [this] {
        if (exchange.book.size() == 1U) {
            exchange.other_stops = *exchange.max_num_algo_orders;
        }
    };
    // The stop and its re-placement are refused; the exit, a MARKET order, is not an algo
    // order and fills in the same delivery: the position is never left open.
    BOOST_TEST(deliver());
    BOOST_TEST(status() == "FAILED");
    BOOST_TEST(statusCode() == "exchange_order_limit");
    BOOST_TEST(auditActions() ==
               "SPOT_BUY STOP_LOSS_REFUSED STOP_LOSS_REFUSED POSITION_FLATTENED INTENT_FAILED");
    const auto refused = auditDetails("STOP_LOSS_REFUSED");
    BOOST_TEST(refused.at("code") == "exchange_order_limit");
    BOOST_TEST(refused.at("error") ==
               "FilterFailure (-1013, HTTP 400): Filter failure: MAX_NUM_ALGO_ORDERS");
    BOOST_TEST(auditDetails("INTENT_FAILED").at("code") == "exchange_order_limit");
    BOOST_TEST(text("SELECT status_reason FROM trading_intents WHERE id = $1") ==
               "the exchange refused the stop-loss twice (FilterFailure (-1013, HTTP 400): "
               "Filter failure: MAX_NUM_ALGO_ORDERS); the position was closed at market");
    BOOST_TEST(requestsFor(domain::OrderRole::stop()) == 1);
    BOOST_TEST(requestsFor(domain::OrderRole::stopRetry(1)) == 1);
    BOOST_TEST(requestsFor(domain::OrderRole::exitMarket()) == 1);
    const auto& exit = exchange.book.back();
    BOOST_TEST((exit.type == domain::OrderType::Market));
    BOOST_TEST((exit.side == domain::Side::Sell));
    BOOST_TEST((exit.status == exchange::OrderStatus::Filled));
    // The quantity the stop would have sold (the entry's fill less the fee taken in BTC).
    BOOST_TEST((exit.executed_quantity == exchange.requests.at(1).quantity));
    BOOST_TEST(unprotectedAge(db) == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
