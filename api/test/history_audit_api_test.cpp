#include "api_fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::api::test;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(history_audit_api)

BOOST_AUTO_TEST_CASE(history_pages_newest_first_with_the_total_count) {
    ApiFixture api;
    std::vector<std::string> ids;  // oldest first
    for (int minutes = 50; minutes >= 10; minutes -= 10) {
        ids.push_back(
            api.insertIntent("PENDING",
                             0,
                             "PAGEUSDT",
                             "now() - interval '" + std::to_string(minutes) + " minutes'"));
    }
    const auto token = api.aliceToken();
    const auto first = api.client().get("/api/intents/?symbol=PAGEUSDT&page_size=2", token);
    BOOST_TEST(first.status == 200);
    BOOST_TEST(first.json["count"] == 5);
    BOOST_TEST(first.json["page"] == 1);
    BOOST_TEST(first.json["page_size"] == 2);
    BOOST_REQUIRE(first.json["results"].size() == 2U);
    BOOST_TEST(first.json["results"][0]["intent_id"] == ids[4]);
    BOOST_TEST(first.json["results"][1]["intent_id"] == ids[3]);
    BOOST_TEST(!first.json["results"][0].contains("plan"));
    BOOST_TEST(!first.json["results"][0].contains("execution_result"));
    const auto third = api.client().get("/api/intents/?symbol=PAGEUSDT&page_size=2&page=3", token);
    BOOST_REQUIRE(third.json["results"].size() == 1U);
    BOOST_TEST(third.json["results"][0]["intent_id"] == ids[0]);
    const auto beyond = api.client().get("/api/intents/?symbol=PAGEUSDT&page_size=2&page=4", token);
    BOOST_TEST(beyond.json["results"].empty());
    BOOST_TEST(beyond.json["count"] == 5);
    const auto defaults = api.client().get("/api/intents/", token);
    BOOST_TEST(defaults.json["page_size"] == 20);
}

BOOST_AUTO_TEST_CASE(history_filters_by_status_and_time) {
    ApiFixture api;
    const std::string old_one =
        api.insertIntent("EXECUTED", 0, "FILTUSDT", "'2025-01-01T00:00:00Z'");
    const std::string new_one =
        api.insertIntent("VALIDATED", 0, "FILTUSDT", "'2025-06-01T00:00:00Z'");
    const auto token = api.aliceToken();
    const auto executed = api.client().get("/api/intents/?symbol=FILTUSDT&status=EXECUTED", token);
    BOOST_TEST(executed.json["count"] == 1);
    BOOST_TEST(executed.json["results"][0]["intent_id"] == old_one);
    const auto since =
        api.client().get("/api/intents/?symbol=FILTUSDT&since=2025-03-01T00:00:00Z", token);
    BOOST_TEST(since.json["count"] == 1);
    BOOST_TEST(since.json["results"][0]["intent_id"] == new_one);
    const auto until =
        api.client().get("/api/intents/?symbol=FILTUSDT&until=2025-06-01T00:00:00Z", token);
    BOOST_TEST(until.json["count"] == 1);
    BOOST_TEST(until.json["results"][0]["intent_id"] == old_one);
    BOOST_TEST(until.json["results"][0]["created_at"] == "2025-01-01T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(history_refuses_bad_filters) {
    const ApiFixture api;
    const auto token = api.aliceToken();
    for (const std::string query : {"status=DONE",
                                    "status=pending",
                                    "page=0",
                                    "page=-1",
                                    "page=abc",
                                    "page_size=0",
                                    "page_size=101",
                                    "since=yesterday",
                                    "since=2025-02-30T00:00:00Z",
                                    "until=2025-01-01T00:00:00+02:00",
                                    "symbol=btc",
                                    "since=99999-01-01T00:00:00Z"}) {
        const auto reply = api.client().get("/api/intents/?" + query, token);
        BOOST_TEST(reply.status == 400, query);
        BOOST_TEST(reply.code() == "invalid_field", query);
    }
    BOOST_TEST(api.client().get("/api/intents/?sort=asc", token).code() == "unknown_field");
    BOOST_TEST(api.client().get("/api/intents/?page=1&page=2", token).code() == "invalid_field");
}

BOOST_AUTO_TEST_CASE(audit_lists_the_intents_rows_oldest_first) {
    auto config = testConfig();
    config.plan_wait = std::chrono::milliseconds(0);
    ApiFixture api(config);
    const auto token = api.aliceToken();
    const auto created =
        api.client().post("/api/intents/create/",
                          {{"strategy_id", 1}, {"symbol", "BTCUSDT"}, {"capital", "42.5"}},
                          token);
    const std::string id = created.json["intent_id"];
    (void)api.client().post("/api/intents/" + id + "/cancel/", json::object(), token);
    const auto reply = api.client().get("/api/intents/" + id + "/audit/", token);
    BOOST_TEST(reply.status == 200);
    BOOST_TEST(reply.json["intent_id"] == id);
    BOOST_REQUIRE(reply.json["results"].size() == 2U);
    BOOST_TEST(reply.json["results"][0]["action"] == "INTENT_CREATED");
    BOOST_TEST(reply.json["results"][0]["details"]["capital"] == "42.5");
    BOOST_TEST(reply.json["results"][0]["actor"] == "user:alice");
    BOOST_TEST(reply.json["results"][1]["action"] == "INTENT_CANCELLED");
    BOOST_TEST(reply.json["results"][0]["id"].get<std::int64_t>() <
               reply.json["results"][1]["id"].get<std::int64_t>());
}

BOOST_AUTO_TEST_CASE(another_tenant_sees_nothing_of_an_intent_and_cannot_touch_it) {
    ApiFixture api;
    const std::string id = api.insertIntent("VALIDATED", 0, "ISOUSDT");
    const auto bob = api.bobToken();
    for (const std::string action : {"status", "audit"}) {
        const auto reply = api.client().get("/api/intents/" + id + "/" + action + "/", bob);
        BOOST_TEST(reply.status == 404, action);
        BOOST_TEST(reply.code() == "not_found", action);
    }
    for (const std::string action : {"execute", "cancel"}) {
        const auto reply =
            api.client().post("/api/intents/" + id + "/" + action + "/", json::object(), bob);
        BOOST_TEST(reply.status == 404, action);
    }
    BOOST_TEST(api.client().get("/api/intents/?symbol=ISOUSDT", bob).json["count"] == 0);
    BOOST_TEST(api.client().get("/api/intents/?symbol=ISOUSDT", bob).json["results"].empty());
    // The intent is untouched and still alice's.
    const auto alice = api.aliceToken();
    BOOST_TEST(api.client().get("/api/intents/" + id + "/status/", alice).json["status"] ==
               "VALIDATED");
    BOOST_TEST(api.client().get("/api/intents/?symbol=ISOUSDT", alice).json["count"] == 1);
    // And the other way round.
    const std::string bobs = api.insertIntent("PENDING", seed().beta_tenant, "ISOUSDT");
    BOOST_TEST(api.client().get("/api/intents/" + bobs + "/status/", alice).status == 404);
    BOOST_TEST(api.client().get("/api/intents/" + bobs + "/status/", bob).status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
