#include "api_fixture.hpp"
#include "pattern_fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::api::test;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(pattern_feed_api)

BOOST_AUTO_TEST_CASE(the_catalog_lists_every_pattern_with_its_direction_and_base_confidence) {
    const ApiFixture api;
    const auto reply = api.client().get("/api/patterns/catalog/", api.aliceToken());
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    std::vector<std::string> names;
    for (const auto& entry : reply.json["results"]) {
        names.push_back(entry["pattern"]);
        BOOST_TEST(!entry["description"].get<std::string>().empty());
        BOOST_TEST(entry["base_confidence"].is_string());
    }
    const std::vector<std::string> expected{"MA_CROSSOVER",
                                            "GOLDEN_CROSS",
                                            "BOLLINGER_RSI",
                                            "HAMMER",
                                            "BULLISH_ENGULFING",
                                            "BEARISH_ENGULFING"};
    BOOST_TEST(names == expected, boost::test_tools::per_element());
    BOOST_TEST(reply.json["results"][3]["base_confidence"] == "0.75");
    BOOST_TEST(reply.json["results"][5]["direction"] == "SELL");
    BOOST_TEST(api.client().get("/api/patterns/catalog/", "").status == 401);
}

BOOST_AUTO_TEST_CASE(the_feed_pages_newest_first_and_filters) {
    ApiFixture api;
    std::vector<std::int64_t> ids;  // oldest first
    for (int minutes = 50; minutes >= 10; minutes -= 10) {
        ids.push_back(insertPattern(api,
                                    "FEEDUSDT",
                                    "HAMMER",
                                    "15m",
                                    "DETECTED",
                                    "now() - interval '" + std::to_string(minutes) + " minutes'"));
    }
    const auto engulfing = insertPattern(api, "FEEDUSDT", "BEARISH_ENGULFING", "1h", "CONFIRMED");
    const auto elsewhere = insertPattern(api, "OTHERUSDT", "HAMMER", "15m", "DETECTED");
    const auto token = api.aliceToken();

    const auto first = api.client().get("/api/patterns/?symbol=FEEDUSDT&page_size=2", token);
    BOOST_TEST_REQUIRE(first.status == 200, first.body);
    BOOST_TEST(first.json["count"] == 6);
    BOOST_TEST(first.json["page"] == 1);
    BOOST_TEST(first.json["page_size"] == 2);
    BOOST_REQUIRE(first.json["results"].size() == 2U);
    BOOST_TEST(first.json["results"][0]["id"] == engulfing);
    BOOST_TEST(first.json["results"][1]["id"] == ids[4]);
    const auto third = api.client().get("/api/patterns/?symbol=FEEDUSDT&page_size=2&page=3", token);
    BOOST_REQUIRE(third.json["results"].size() == 2U);
    BOOST_TEST(third.json["results"][1]["id"] == ids[0]);
    BOOST_TEST(api.client()
                   .get("/api/patterns/?symbol=FEEDUSDT&page_size=2&page=4", token)
                   .json["results"]
                   .empty());

    const auto by_timeframe =
        api.client().get("/api/patterns/?symbol=FEEDUSDT&timeframe=1h", token);
    BOOST_TEST(by_timeframe.json["count"] == 1);
    BOOST_TEST(by_timeframe.json["results"][0]["id"] == engulfing);
    const auto by_pattern =
        api.client().get("/api/patterns/?symbol=FEEDUSDT&pattern=HAMMER", token);
    BOOST_TEST(by_pattern.json["count"] == 5);
    const auto by_state = api.client().get("/api/patterns/?symbol=FEEDUSDT&state=CONFIRMED", token);
    BOOST_TEST(by_state.json["count"] == 1);
    const auto row = by_state.json["results"][0];
    BOOST_TEST(row["pattern"] == "BEARISH_ENGULFING");
    BOOST_TEST(row["direction"] == "SELL");
    BOOST_TEST(row["symbol"] == "FEEDUSDT");
    BOOST_TEST(row["confidence"] == "0.75");
    BOOST_TEST(row["confirmation_level"] == "100.5");
    BOOST_TEST(row["invalidation_level"] == "90");
    BOOST_TEST(row["trigger_candle"]["high"] == "100.5");
    BOOST_TEST(row["trigger_open_time"].get<std::string>().starts_with("2026-01-01T"));
    BOOST_TEST(row["trigger_open_time"].get<std::string>().ends_with(":00Z"));
    BOOST_TEST(row["confirmed_at"].is_string());
    BOOST_TEST(row["decided_at"].is_null());
    BOOST_TEST(row["explanation"] == "a hammer on the 15m");
    BOOST_TEST(row["intents"] == json::array());

    const auto one = api.client().get("/api/patterns/" + std::to_string(elsewhere) + "/", token);
    BOOST_TEST(one.status == 200);
    BOOST_TEST(one.json["symbol"] == "OTHERUSDT");
    BOOST_TEST(api.client().get("/api/patterns/999999999/", token).status == 404);
    BOOST_TEST(api.client().get("/api/patterns/abc/", token).status == 404);
}

BOOST_AUTO_TEST_CASE(the_feed_refuses_bad_filters) {
    const ApiFixture api;
    const auto token = api.aliceToken();
    for (const std::string query : {"symbol=btc",
                                    "timeframe=7m",
                                    "pattern=HEAD_AND_SHOULDERS",
                                    "state=FORMING",
                                    "page=0",
                                    "page_size=101"}) {
        const auto reply = api.client().get("/api/patterns/?" + query, token);
        BOOST_TEST(reply.status == 400, query);
        BOOST_TEST(reply.code() == "invalid_field", query);
    }
    BOOST_TEST(api.client().get("/api/patterns/?sort=new", token).code() == "unknown_field");
}

BOOST_AUTO_TEST_CASE(a_pattern_lists_only_the_callers_intents) {
    ApiFixture api;
    const auto pattern = insertPattern(api, "SHAREUSDT", "HAMMER", "15m", "CONSUMED");
    const auto alice_config = insertConfig(api, seed().alpha_tenant);
    const auto bob_config = insertConfig(api, seed().beta_tenant);
    const auto alices = insertPatternIntent(api, "VALIDATED", pattern);
    const auto bobs = insertPatternIntent(api, "EXECUTED", pattern, seed().beta_tenant);
    api.exec("INSERT INTO pattern_triggers (pattern_id, config_id, intent_id) VALUES (" +
             std::to_string(pattern) + ", " + std::to_string(alice_config) + ", '" + alices +
             "'), (" + std::to_string(pattern) + ", " + std::to_string(bob_config) + ", '" + bobs +
             "')");
    const std::string target = "/api/patterns/" + std::to_string(pattern) + "/";
    BOOST_TEST(api.client().get(target, api.aliceToken()).json["intents"] ==
               json::parse(R"([{"id": ")" + alices + R"(", "status": "VALIDATED"}])"));
    BOOST_TEST(api.client().get(target, api.bobToken()).json["intents"] ==
               json::parse(R"([{"id": ")" + bobs + R"(", "status": "EXECUTED"}])"));
    const auto feed = api.client().get("/api/patterns/?symbol=SHAREUSDT", api.bobToken());
    BOOST_TEST(feed.json["results"][0]["intents"].size() == 1U);
    BOOST_TEST(feed.json["results"][0]["intents"][0]["id"] == bobs);
}

BOOST_AUTO_TEST_CASE(
    pending_confirmation_lists_the_tenants_validated_pattern_intents_oldest_first) {
    ApiFixture api;
    std::int64_t tenant = 0;
    const auto token = loginFreshTenant(api, "pending", &tenant);
    const auto pattern = insertPattern(api, "PENDUSDT");
    const auto older =
        insertPatternIntent(api, "VALIDATED", pattern, tenant, "now() - interval '2 hours'");
    const auto newer =
        insertPatternIntent(api, "VALIDATED", pattern, tenant, "now() - interval '1 hour'");
    (void)insertPatternIntent(api, "PENDING", pattern, tenant);
    (void)insertPatternIntent(api, "EXECUTED", pattern, tenant);
    (void)insertPatternIntent(api, "VALIDATED", pattern, seed().beta_tenant);
    // A person's own intent whose metadata merely says "pattern" is not a pattern's.
    api.exec(
        "INSERT INTO trading_intents (id, tenant_id, strategy_id, symbol, side, timeframe, "
        "entry_mode, capital, metadata, status) VALUES ('spoof-" +
        std::to_string(::getpid()) + "', " + std::to_string(tenant) +
        ", 1, 'BTCUSDT', 'BUY', '15m', 'manual', 100, '{\"source\": \"pattern\"}', "
        "'VALIDATED')");

    const auto reply = api.client().get("/api/intents/pending-confirmation/", token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    BOOST_TEST(reply.json["count"] == 2);
    BOOST_REQUIRE(reply.json["results"].size() == 2U);
    const auto& first = reply.json["results"][0];
    BOOST_TEST(first["intent_id"] == older);
    BOOST_TEST(reply.json["results"][1]["intent_id"] == newer);
    BOOST_TEST(first["status"] == "VALIDATED");
    BOOST_TEST(first["source"] == "pattern");
    BOOST_TEST(first["pattern"]["id"] == pattern);
    BOOST_TEST(first["pattern"]["kind"] == "HAMMER");
    BOOST_TEST(first["pattern"]["confidence"] == "0.85");
    BOOST_TEST(first["pattern"]["config_id"] == 3);
    BOOST_TEST(first["pattern"]["auto_mode"] == "manual");
    BOOST_TEST(first["metadata"]["source"] == "pattern");
    BOOST_TEST(!first.contains("plan"));

    // Matched by its own route, never as an intent id; other methods are 405.
    BOOST_TEST(
        api.client().request("POST", "/api/intents/pending-confirmation/", "{}", token).status ==
        405);
    BOOST_TEST(api.client().get("/api/intents/pending-confirmation/?page=1", token).code() ==
               "unknown_field");
}

BOOST_AUTO_TEST_CASE(intent_lists_say_where_an_intent_came_from) {
    ApiFixture api;
    std::int64_t tenant = 0;
    const auto token = loginFreshTenant(api, "source", &tenant);
    const auto pattern = insertPattern(api, "SRCUSDT");
    const auto from_pattern = insertPatternIntent(api, "VALIDATED", pattern, tenant);
    const auto from_person = api.insertIntent("PENDING", tenant);
    const auto history = api.client().get("/api/intents/", token);
    BOOST_REQUIRE(history.json["results"].size() == 2U);
    for (const auto& intent : history.json["results"]) {
        if (intent["intent_id"] == from_pattern) {
            BOOST_TEST(intent["source"] == "pattern");
            BOOST_TEST(intent["entry_mode"] == "pattern");
            BOOST_TEST(intent["pattern"]["kind"] == "HAMMER");
        } else {
            BOOST_TEST(intent["intent_id"] == from_person);
            BOOST_TEST(intent["source"] == "user");
            BOOST_TEST(intent["pattern"].is_null());
        }
    }
    const auto whole = api.client().get("/api/intents/" + from_pattern + "/status/", token);
    BOOST_TEST(whole.json["source"] == "pattern");
    BOOST_TEST(whole.json["pattern"]["direction"] == "BUY");
}

BOOST_AUTO_TEST_SUITE_END()
