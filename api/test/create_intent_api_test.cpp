#include "api_fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::api::test;
using nlohmann::json;

namespace {

/// A create body tagged with `marker` so a simulated worker finds exactly this intent.
json createBody(const std::string& marker) {
    return {{"strategy_id", 1},
            {"symbol", "BTCUSDT"},
            {"capital", "100.00"},
            {"metadata", {{"test", marker}, {"note", "strong support"}}}};
}

/// What the plan worker writes when the plan is ready.
const std::string kPlanDone =
    "UPDATE trading_intents SET status = 'PENDING', quantity = 0.000517, "
    "entry_price = 95432.10, stop_price = 93500.00, risk_amount = 1.00, risk_percent = 1.0, "
    "confidence = 0.9, plan = '{\"stop\": {\"price\": \"93500\"}}', updated_at = now() "
    "WHERE id = $1";

}  // namespace

BOOST_AUTO_TEST_SUITE(create_intent_api)

BOOST_AUTO_TEST_CASE(create_waits_for_the_plan_and_answers_201_with_the_planned_intent) {
    ApiFixture api;
    api.playWorker("create-201", "PLANNING", std::chrono::milliseconds(100), kPlanDone);
    const auto reply =
        api.client().post("/api/intents/create/", createBody("create-201"), api.aliceToken());
    BOOST_TEST(reply.status == 201, reply.body);
    const auto& intent = reply.json;
    const std::string id = intent["intent_id"];
    BOOST_TEST(id.size() == 23U);
    BOOST_TEST(id.starts_with("intent-"));
    BOOST_TEST(id.substr(7).find_first_not_of("0123456789abcdef") == std::string::npos);
    BOOST_TEST(intent["status"] == "PENDING");
    BOOST_TEST(intent["strategy"] == (json{{"id", 1}, {"name", "All In"}}));
    BOOST_TEST(intent["side"] == "BUY");
    BOOST_TEST(intent["timeframe"] == "15m");
    BOOST_TEST(intent["entry_mode"] == "manual");
    BOOST_TEST(intent["capital"] == "100");
    BOOST_TEST(intent["quantity"] == "0.000517");
    BOOST_TEST(intent["entry_price"] == "95432.1");
    BOOST_TEST(intent["stop_price"] == "93500");
    BOOST_TEST(intent["risk_percent"] == "1");
    BOOST_TEST(intent["confidence"] == "0.9");
    BOOST_TEST(intent["metadata"]["note"] == "strong support");
    BOOST_TEST(intent["plan"]["stop"]["price"] == "93500");
    BOOST_TEST(intent["validation_result"].is_null());
    BOOST_TEST(intent["created_at"].get<std::string>().ends_with("Z"));
    BOOST_TEST(reply.headers.at("Location") == "/api/intents/" + id + "/status/");

    // The same transaction wrote the plan job and the audit row.
    const auto jobs =
        api.exec("SELECT kind, state::text, tenant_id FROM jobs WHERE intent_id = '" + id + "'");
    BOOST_REQUIRE(jobs.size() == 1U);
    BOOST_TEST(std::string(jobs[0][0].c_str()) == "plan");
    BOOST_TEST(jobs[0][2].as<std::int64_t>() == seed().alpha_tenant);
    const auto audit =
        api.exec("SELECT actor, action FROM audit_trail WHERE intent_id = '" + id + "'");
    BOOST_REQUIRE(audit.size() == 1U);
    BOOST_TEST(std::string(audit[0][0].c_str()) == "user:alice");
    BOOST_TEST(std::string(audit[0][1].c_str()) == "INTENT_CREATED");
    const auto stored =
        api.exec("SELECT capital::text, user_id FROM trading_intents WHERE id = '" + id + "'");
    BOOST_TEST(std::string(stored[0][0].c_str()) == "100.00000000");
    BOOST_TEST(stored[0][1].as<std::int64_t>() == seed().alpha_user);
}

BOOST_AUTO_TEST_CASE(create_answers_202_planning_when_the_plan_is_not_ready_in_time) {
    auto config = testConfig();
    config.plan_wait = std::chrono::milliseconds(200);
    const ApiFixture api(config);
    const auto started = std::chrono::steady_clock::now();
    const auto reply =
        api.client().post("/api/intents/create/", createBody("create-202"), api.aliceToken());
    BOOST_TEST(reply.status == 202, reply.body);
    BOOST_TEST(reply.json["status"] == "PLANNING");
    BOOST_TEST(reply.json["quantity"].is_null());
    BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(3)));
}

BOOST_AUTO_TEST_CASE(create_answers_422_plan_refused_when_planning_rejects_the_intent) {
    ApiFixture api;
    api.playWorker("create-422",
                   "PLANNING",
                   std::chrono::milliseconds(50),
                   "UPDATE trading_intents SET status = 'REJECTED', status_reason = 'No valid "
                   "stop: fewer than 2 supports below the price.', status_code = "
                   "'no_valid_stop' WHERE id = $1");
    const auto reply =
        api.client().post("/api/intents/create/", createBody("create-422"), api.aliceToken());
    BOOST_TEST(reply.status == 422, reply.body);
    BOOST_TEST(reply.code() == "plan_refused");
    BOOST_TEST(reply.json["reason_code"] == "no_valid_stop");
    BOOST_TEST(reply.json["detail"].get<std::string>().starts_with("No valid stop"));
    const std::string id = reply.json["intent_id"];
    const auto status = api.client().get("/api/intents/" + id + "/status/", api.aliceToken());
    BOOST_TEST(status.json["status"] == "REJECTED");
}

BOOST_AUTO_TEST_CASE(create_answers_422_when_the_plan_failed) {
    ApiFixture api;
    api.playWorker("create-failed",
                   "PLANNING",
                   std::chrono::milliseconds(50),
                   "UPDATE trading_intents SET status = 'FAILED', status_reason = 'exchange "
                   "unreachable', status_code = 'exchange_unavailable' WHERE id = $1");
    const auto reply =
        api.client().post("/api/intents/create/", createBody("create-failed"), api.aliceToken());
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.code() == "plan_refused");
}

BOOST_AUTO_TEST_CASE(create_answers_201_when_the_guards_already_rejected_the_plan) {
    ApiFixture api;
    api.playWorker("create-guards",
                   "PLANNING",
                   std::chrono::milliseconds(50),
                   "UPDATE trading_intents SET status = 'REJECTED', validation_result = "
                   "'{\"status\": \"FAIL\"}', validated_at = now() WHERE id = $1");
    const auto reply =
        api.client().post("/api/intents/create/", createBody("create-guards"), api.aliceToken());
    BOOST_TEST(reply.status == 201);
    BOOST_TEST(reply.json["status"] == "REJECTED");
    BOOST_TEST(reply.json["validation_result"]["status"] == "FAIL");
}

BOOST_AUTO_TEST_CASE(create_takes_timeframe_and_side_defaults_from_the_strategy) {
    auto config = testConfig();
    config.plan_wait = std::chrono::milliseconds(0);
    const ApiFixture api(config);
    const auto token = api.aliceToken();
    const auto smooth =
        api.client().post("/api/intents/create/",
                          {{"strategy_id", 3}, {"symbol", "ETHUSDT"}, {"capital", 250}},
                          token);
    BOOST_TEST(smooth.status == 202, smooth.body);
    BOOST_TEST(smooth.json["timeframe"] == "1h");
    BOOST_TEST(smooth.json["side"] == "BUY");
    BOOST_TEST(smooth.json["capital"] == "250");
    const auto chosen = api.client().post("/api/intents/create/",
                                          {{"strategy_id", 1},
                                           {"symbol", "SOLUSDT"},
                                           {"capital", "0.5"},
                                           {"timeframe", "4h"},
                                           {"side", "SELL"},
                                           {"entry_mode", "auto"},
                                           {"metadata", nullptr}},
                                          token);
    BOOST_TEST(chosen.status == 202, chosen.body);
    BOOST_TEST(chosen.json["timeframe"] == "4h");
    BOOST_TEST(chosen.json["side"] == "SELL");
    BOOST_TEST(chosen.json["entry_mode"] == "auto");
    BOOST_TEST(chosen.json["metadata"] == json::object());
}

BOOST_AUTO_TEST_CASE(create_refuses_unknown_or_foreign_strategies_and_unknown_symbols) {
    ApiFixture api;
    api.exec("INSERT INTO strategies (tenant_id, name, config) VALUES (" +
             std::to_string(seed().beta_tenant) + ", 'Beta Own', '{}') ON CONFLICT DO NOTHING");
    const auto beta_strategy =
        api.exec("SELECT id FROM strategies WHERE name = 'Beta Own'")[0][0].as<std::int64_t>();
    const auto token = api.aliceToken();
    const auto unknown =
        api.client().post("/api/intents/create/",
                          {{"strategy_id", 99999}, {"symbol", "BTCUSDT"}, {"capital", "1"}},
                          token);
    BOOST_TEST(unknown.status == 404);
    BOOST_TEST(unknown.code() == "strategy_not_found");
    const auto foreign =
        api.client().post("/api/intents/create/",
                          {{"strategy_id", beta_strategy}, {"symbol", "BTCUSDT"}, {"capital", "1"}},
                          token);
    BOOST_TEST(foreign.code() == "strategy_not_found");
    const auto symbol =
        api.client().post("/api/intents/create/",
                          {{"strategy_id", 1}, {"symbol", "DOGEUSDT"}, {"capital", "1"}},
                          token);
    BOOST_TEST(symbol.status == 404);
    BOOST_TEST(symbol.code() == "symbol_not_found");
}

BOOST_AUTO_TEST_CASE(create_refuses_bad_input_with_the_contract_codes) {
    const ApiFixture api;
    const auto token = api.aliceToken();
    const json base = {{"strategy_id", 1}, {"symbol", "BTCUSDT"}, {"capital", "100"}};
    const auto with = [&base](const std::string& key, const json& value) {
        json body = base;
        body[key] = value;
        return body;
    };
    const auto without = [&base](const std::string& key) {
        json body = base;
        body.erase(key);
        return body;
    };
    const std::vector<std::pair<json, std::string>> cases{
        {without("capital"), "missing_field"},
        {without("strategy_id"), "missing_field"},
        {without("symbol"), "missing_field"},
        {with("capital", 100.5), "invalid_decimal"},
        {with("capital", "1e2"), "invalid_decimal"},
        {with("capital", "1.000000001"), "invalid_decimal"},
        {with("capital", "-100"), "invalid_field"},
        {with("capital", "0"), "invalid_field"},
        {with("capital", "1000000000.01"), "invalid_field"},
        {with("strategy_id", "1"), "invalid_field"},
        {with("strategy_id", -1), "invalid_field"},
        {with("strategy_id", 1.5), "invalid_field"},
        {with("symbol", "btcusdt"), "invalid_field"},
        {with("symbol", std::string(500, 'A')), "invalid_field"},
        {with("side", "LONG"), "invalid_field"},
        {with("timeframe", "7m"), "invalid_field"},
        {with("entry_mode", "magic"), "invalid_field"},
        {with("metadata", "text"), "invalid_field"},
        {with("metadata", json{{"blob", std::string(5000, 'x')}}), "invalid_field"},
        {with("capitol", "100"), "unknown_field"},
    };
    for (const auto& [body, code] : cases) {
        const auto reply = api.client().post("/api/intents/create/", body, token);
        BOOST_TEST(reply.status == 400, body.dump().substr(0, 80));
        BOOST_TEST(reply.code() == code, body.dump().substr(0, 80));
        BOOST_TEST(reply.isErrorDocument());
    }
    // Nothing was stored for any of them.
    const auto count = api.client().get("/api/intents/?symbol=BTCUSDT&status=PLANNING", token);
    BOOST_TEST(count.status == 200);
}

BOOST_AUTO_TEST_CASE(create_and_execute_answer_503_queue_full_past_the_backlog_limit) {
    auto config = testConfig();
    config.plan_wait = std::chrono::milliseconds(0);
    config.max_backlog = 0;
    ApiFixture api(config);
    // At least one job not done exists (created through the API).
    api.exec("INSERT INTO jobs (intent_id, tenant_id, kind, deadline) VALUES ('" +
             api.insertIntent("PENDING") + "', " + std::to_string(seed().alpha_tenant) +
             ", 'validate', now() + interval '1 hour')");
    const auto token = api.aliceToken();
    const auto create =
        api.client().post("/api/intents/create/",
                          {{"strategy_id", 1}, {"symbol", "BTCUSDT"}, {"capital", "1"}},
                          token);
    BOOST_TEST(create.status == 503);
    BOOST_TEST(create.code() == "queue_full");
    BOOST_TEST(create.headers.at("Retry-After") == "2");
    const std::string validated = api.insertIntent("VALIDATED");
    const auto execute =
        api.client().post("/api/intents/" + validated + "/execute/", json::object(), token);
    BOOST_TEST(execute.code() == "queue_full");
    BOOST_TEST(api.client().get("/api/intents/" + validated + "/status/", token).json["status"] ==
               "VALIDATED");
}

BOOST_AUTO_TEST_SUITE_END()
