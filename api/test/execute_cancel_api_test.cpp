#include "api_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <mutex>

using namespace robson::api::test;
using nlohmann::json;

namespace {

const std::string kExecuted =
    "UPDATE trading_intents SET status = 'EXECUTED', executed_at = now(), execution_result = "
    "'{\"status\": \"SUCCESS\", \"mode\": \"DRY_RUN\", \"orders\": [], \"audit_trail\": [], "
    "\"error\": null}' WHERE id = $1";

std::string path(const std::string& id, const std::string& action) {
    return "/api/intents/" + id + "/" + action + "/";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(execute_cancel_api)

BOOST_AUTO_TEST_CASE(execute_moves_validated_to_executing_and_returns_the_worker_result) {
    ApiFixture api;
    const std::string id = api.insertIntent("VALIDATED");
    api.playWorker(id, "EXECUTING", std::chrono::milliseconds(100), kExecuted);
    const auto reply = api.client().post(path(id, "execute"), json::object(), api.aliceToken());
    BOOST_TEST(reply.status == 200, reply.body);
    BOOST_TEST(reply.json["intent_id"] == id);
    BOOST_TEST(reply.json["status"] == "EXECUTED");
    BOOST_TEST(reply.json["execution_result"]["status"] == "SUCCESS");
    const auto job =
        api.exec("SELECT kind, payload->>'mode' FROM jobs WHERE intent_id = '" + id + "'");
    BOOST_REQUIRE(job.size() == 1U);
    BOOST_TEST(std::string(job[0][0].c_str()) == "execute");
    BOOST_TEST(std::string(job[0][1].c_str()) == "DRY_RUN");
    const auto audit =
        api.exec("SELECT action, details->>'mode' FROM audit_trail WHERE intent_id = '" + id + "'");
    BOOST_REQUIRE(audit.size() == 1U);
    BOOST_TEST(std::string(audit[0][0].c_str()) == "EXECUTION_REQUESTED");
}

BOOST_AUTO_TEST_CASE(execute_answers_202_executing_when_the_worker_is_late) {
    auto config = testConfig();
    config.execute_wait = std::chrono::milliseconds(150);
    ApiFixture api(config);
    const std::string id = api.insertIntent("VALIDATED");
    const auto reply = api.client().post(
        path(id, "execute"), {{"mode", "LIVE"}, {"acknowledge_risk", true}}, api.aliceToken());
    BOOST_TEST(reply.status == 202, reply.body);
    BOOST_TEST(reply.json ==
               (json{{"intent_id", id}, {"status", "EXECUTING"}, {"execution_result", nullptr}}));
    const auto job = api.exec("SELECT payload->>'mode' FROM jobs WHERE intent_id = '" + id + "'");
    BOOST_TEST(std::string(job[0][0].c_str()) == "LIVE");
}

BOOST_AUTO_TEST_CASE(live_without_acknowledged_risk_is_refused_and_nothing_moves) {
    ApiFixture api;
    const std::string id = api.insertIntent("VALIDATED");
    const auto token = api.aliceToken();
    for (const auto& body :
         {json{{"mode", "LIVE"}}, json{{"mode", "LIVE"}, {"acknowledge_risk", false}}}) {
        const auto reply = api.client().post(path(id, "execute"), body, token);
        BOOST_TEST(reply.status == 400);
        BOOST_TEST(reply.code() == "risk_not_acknowledged");
    }
    BOOST_TEST(api.client().post(path(id, "execute"), {{"mode", "PAPER"}}, token).code() ==
               "invalid_field");
    BOOST_TEST(
        api.client().post(path(id, "execute"), {{"acknowledge_risks", true}}, token).code() ==
        "unknown_field");
    BOOST_TEST(
        api.client().post(path(id, "execute"), {{"acknowledge_risk", "yes"}}, token).code() ==
        "invalid_field");
    BOOST_TEST(api.client().get(path(id, "status"), token).json["status"] == "VALIDATED");
}

BOOST_AUTO_TEST_CASE(execute_refuses_intents_not_validated_or_already_executed) {
    ApiFixture api;
    const auto token = api.aliceToken();
    for (const std::string status : {"PLANNING", "PENDING", "REJECTED", "CANCELLED"}) {
        const auto reply =
            api.client().post(path(api.insertIntent(status), "execute"), json::object(), token);
        BOOST_TEST(reply.status == 400, status);
        BOOST_TEST(reply.code() == "not_validated", status);
    }
    for (const std::string status : {"EXECUTING", "EXECUTED", "FAILED"}) {
        const auto reply =
            api.client().post(path(api.insertIntent(status), "execute"), json::object(), token);
        BOOST_TEST(reply.status == 409, status);
        BOOST_TEST(reply.code() == "already_executed", status);
    }
    const auto missing =
        api.client().post(path("intent-0000000000000000", "execute"), json::object(), token);
    BOOST_TEST(missing.status == 404);
    BOOST_TEST(missing.code() == "not_found");
}

BOOST_AUTO_TEST_CASE(fifty_concurrent_executes_execute_once) {
    auto config = testConfig();
    config.execute_wait = std::chrono::milliseconds(300);
    ApiFixture api(config);
    const std::string id = api.insertIntent("VALIDATED");
    const auto token = api.aliceToken();
    std::mutex mutex;
    std::map<int, int> statuses;
    std::map<std::string, int> codes;
    std::vector<std::thread> threads;
    std::atomic<bool> go{false};
    for (int i = 0; i < 50; ++i) {
        threads.emplace_back([&] {
            while (!go) {
                std::this_thread::yield();
            }
            const auto reply = api.client().post(path(id, "execute"), json::object(), token);
            const std::lock_guard lock(mutex);
            ++statuses[reply.status];
            ++codes[reply.code()];
        });
    }
    go = true;
    for (auto& thread : threads) {
        thread.join();
    }
    BOOST_TEST(statuses[202] + statuses[200] == 1);
    BOOST_TEST(statuses[409] == 49);
    BOOST_TEST(codes["already_executed"] == 49);
    const auto jobs =
        api.exec("SELECT count(*) FROM jobs WHERE kind = 'execute' AND intent_id = '" + id + "'");
    BOOST_TEST(jobs[0][0].as<int>() == 1);
    const auto audit = api.exec(
        "SELECT count(*) FROM audit_trail WHERE action = 'EXECUTION_REQUESTED' AND intent_id = '" +
        id + "'");
    BOOST_TEST(audit[0][0].as<int>() == 1);
}

BOOST_AUTO_TEST_CASE(cancel_is_allowed_before_execution_only) {
    ApiFixture api;
    const auto token = api.aliceToken();
    for (const std::string status : {"PLANNING", "PENDING", "VALIDATED"}) {
        const std::string id = api.insertIntent(status);
        const auto reply = api.client().post(path(id, "cancel"), json::object(), token);
        BOOST_TEST(reply.status == 200, status);
        BOOST_TEST(reply.json["intent_id"] == id);
        BOOST_TEST(reply.json["status"] == "CANCELLED");
        BOOST_TEST(reply.json["cancelled_at"].get<std::string>().ends_with("Z"));
        const auto audit = api.client().get(path(id, "audit"), token);
        BOOST_TEST(audit.json["results"].back()["action"] == "INTENT_CANCELLED");
        BOOST_TEST(audit.json["results"].back()["actor"] == "user:alice");
        // Cancelling twice: now terminal.
        BOOST_TEST(api.client().post(path(id, "cancel"), json::object(), token).code() ==
                   "not_cancellable");
    }
    for (const std::string status : {"EXECUTING", "EXECUTED", "FAILED", "REJECTED"}) {
        const auto reply =
            api.client().post(path(api.insertIntent(status), "cancel"), json::object(), token);
        BOOST_TEST(reply.status == 409, status);
        BOOST_TEST(reply.code() == "not_cancellable", status);
    }
    BOOST_TEST(api.client().post(path("nope", "cancel"), json::object(), token).status == 404);
    BOOST_TEST(api.client()
                   .post(path(api.insertIntent("PENDING"), "cancel"), {{"why", "x"}}, token)
                   .code() == "unknown_field");
}

BOOST_AUTO_TEST_SUITE_END()
