#include "api_fixture.hpp"
#include "pattern_fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::api::test;
using nlohmann::json;

namespace {

json configBody() {
    return {{"strategy_id", 2},
            {"pattern", "MA_CROSSOVER"},
            {"symbols", {"BTCUSDT", "ETHUSDT"}},
            {"timeframes", {"15m", "1h"}},
            {"min_confidence", "0.80"},
            {"capital", "1000.50"},
            {"mode", "manual"},
            {"acknowledge_risk", false},
            {"enabled", true}};
}

json with(json body, const std::string& key, const json& value) {
    body[key] = value;
    return body;
}

json without(json body, const std::string& key) {
    body.erase(key);
    return body;
}

HttpReply patch(const ApiFixture& api,
                std::int64_t id,
                const json& body,
                const std::string& token) {
    return api.client().request(
        "PATCH", "/api/pattern-configs/" + std::to_string(id) + "/", body.dump(), token);
}

std::string path(std::int64_t id) {
    return "/api/pattern-configs/" + std::to_string(id) + "/";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pattern_config_api)

BOOST_AUTO_TEST_CASE(a_configuration_is_created_read_changed_and_deleted) {
    ApiFixture api;
    const auto token = api.aliceToken();
    const auto created = api.client().post("/api/pattern-configs/", configBody(), token);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const auto& config = created.json;
    const auto id = config["id"].get<std::int64_t>();
    BOOST_TEST(created.headers.at("Location") == path(id));
    BOOST_TEST(config["strategy_id"] == 2);
    BOOST_TEST(config["strategy_name"] == "Rescue Forces");
    BOOST_TEST(config["pattern"] == "MA_CROSSOVER");
    BOOST_TEST(config["symbols"] == json({"BTCUSDT", "ETHUSDT"}));
    BOOST_TEST(config["timeframes"] == json({"15m", "1h"}));
    BOOST_TEST(config["min_confidence"] == "0.8");
    BOOST_TEST(config["capital"] == "1000.5");
    BOOST_TEST(config["mode"] == "manual");
    BOOST_TEST(config["risk_acknowledged_at"].is_null());
    BOOST_TEST(config["enabled"] == true);
    BOOST_TEST(config["created_at"].get<std::string>().ends_with("Z"));

    BOOST_TEST(api.client().get(path(id), token).json == config);
    const auto listed = api.client().get("/api/pattern-configs/", token);
    BOOST_TEST(listed.status == 200);
    bool found = false;
    for (const auto& row : listed.json["results"]) {
        found = found || row == config;
    }
    BOOST_TEST(found);
    BOOST_TEST(listed.json["count"] == listed.json["results"].size());

    const auto changed = patch(api,
                               id,
                               {{"symbols", {"SOLUSDT"}},
                                {"min_confidence", "0.655"},
                                {"enabled", false},
                                {"mode", "auto_dry_run"}},
                               token);
    BOOST_TEST_REQUIRE(changed.status == 200, changed.body);
    BOOST_TEST(changed.json["symbols"] == json({"SOLUSDT"}));
    BOOST_TEST(changed.json["min_confidence"] == "0.655");
    BOOST_TEST(changed.json["enabled"] == false);
    BOOST_TEST(changed.json["mode"] == "auto_dry_run");
    BOOST_TEST(changed.json["timeframes"] == json({"15m", "1h"}));  // untouched
    BOOST_TEST(changed.json["capital"] == "1000.5");

    const auto deleted = api.client().request("DELETE", path(id), "", token);
    BOOST_TEST(deleted.status == 204);
    BOOST_TEST(deleted.body.empty());
    BOOST_TEST(api.client().get(path(id), token).status == 404);
    BOOST_TEST(api.client().request("DELETE", path(id), "", token).status == 404);

    // Each change is in the audit trail with the person who made it.
    const auto audit = api.exec(
        "SELECT action, actor FROM audit_trail WHERE intent_id IS NULL AND "
        "(details->>'config_id')::bigint = " +
        std::to_string(id) + " ORDER BY id");
    BOOST_REQUIRE(audit.size() == 3U);
    BOOST_TEST(audit[0][0].c_str() == std::string("PATTERN_CONFIG_CREATED"));
    BOOST_TEST(audit[1][0].c_str() == std::string("PATTERN_CONFIG_UPDATED"));
    BOOST_TEST(audit[2][0].c_str() == std::string("PATTERN_CONFIG_DELETED"));
    BOOST_TEST(audit[0][1].c_str() == std::string("user:alice"));
}

BOOST_AUTO_TEST_CASE(a_minimal_configuration_takes_the_defaults) {
    ApiFixture api;
    const auto created = api.client().post("/api/pattern-configs/",
                                           {{"strategy_id", 1},
                                            {"pattern", "HAMMER"},
                                            {"symbols", {"BTCUSDT"}},
                                            {"timeframes", {"4h"}},
                                            {"capital", 250}},
                                           api.aliceToken());
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    BOOST_TEST(created.json["mode"] == "manual");
    BOOST_TEST(created.json["min_confidence"] == "0.7");
    BOOST_TEST(created.json["enabled"] == true);
    BOOST_TEST(created.json["capital"] == "250");
}

BOOST_AUTO_TEST_CASE(every_field_is_validated_with_a_clear_400) {
    ApiFixture api;
    const auto token = api.aliceToken();
    api.exec("INSERT INTO strategies (tenant_id, name, config) VALUES (" +
             std::to_string(seed().beta_tenant) + ", 'Beta Own', '{}') ON CONFLICT DO NOTHING");
    const auto beta_strategy =
        api.exec("SELECT id FROM strategies WHERE name = 'Beta Own'")[0][0].as<std::int64_t>();
    const json base = configBody();
    struct Case {
        json body;
        std::string code;
        std::string mentions;
    };
    const std::vector<Case> cases{
        {without(base, "strategy_id"), "missing_field", "strategy_id"},
        {without(base, "pattern"), "missing_field", "pattern"},
        {without(base, "symbols"), "missing_field", "symbols"},
        {without(base, "timeframes"), "missing_field", "timeframes"},
        {without(base, "capital"), "missing_field", "capital"},
        {with(base, "strategy_id", 99999), "invalid_field", "strategy_id"},
        {with(base, "strategy_id", beta_strategy), "invalid_field", "strategy_id"},
        {with(base, "strategy_id", "2"), "invalid_field", "strategy_id"},
        {with(base, "pattern", "HEAD_AND_SHOULDERS"), "invalid_field", "pattern"},
        {with(base, "pattern", "hammer"), "invalid_field", "pattern"},
        {with(base, "symbols", json::array()), "invalid_field", "symbols"},
        {with(base, "symbols", "BTCUSDT"), "invalid_field", "symbols"},
        {with(base, "symbols", {"DOGEUSDT"}), "invalid_field", "DOGEUSDT"},
        {with(base, "symbols", {"btcusdt"}), "invalid_field", "btcusdt"},
        {with(base, "symbols", {"BTCUSDT", "BTCUSDT"}), "invalid_field", "twice"},
        {with(base, "symbols", {1}), "invalid_field", "symbols"},
        {with(base, "symbols", json(std::vector<std::string>(51, "BTCUSDT"))),
         "invalid_field",
         "symbols"},
        {with(base, "timeframes", {"7m"}), "invalid_field", "7m"},
        {with(base, "timeframes", json::array()), "invalid_field", "timeframes"},
        {with(base, "min_confidence", "1.5"), "invalid_field", "min_confidence"},
        {with(base, "min_confidence", "-0.1"), "invalid_field", "min_confidence"},
        {with(base, "min_confidence", "0.7001"), "invalid_field", "min_confidence"},
        {with(base, "min_confidence", 0.7), "invalid_decimal", "min_confidence"},
        {with(base, "min_confidence", "high"), "invalid_decimal", "min_confidence"},
        {with(base, "capital", "0"), "invalid_field", "capital"},
        {with(base, "capital", "-5"), "invalid_field", "capital"},
        {with(base, "capital", 10.5), "invalid_decimal", "capital"},
        {with(base, "capital", "1e3"), "invalid_decimal", "capital"},
        {with(base, "mode", "auto"), "invalid_field", "mode"},
        {with(base, "enabled", "yes"), "invalid_field", "enabled"},
        {with(base, "acknowledge_risk", "true"), "invalid_field", "acknowledge_risk"},
        {with(base, "acknowledge_risks", true), "unknown_field", "acknowledge_risks"},
    };
    for (const auto& [body, code, mentions] : cases) {
        const auto reply = api.client().post("/api/pattern-configs/", body, token);
        BOOST_TEST(reply.status == 400, body.dump());
        BOOST_TEST(reply.code() == code, body.dump() + " -> " + reply.body);
        BOOST_TEST(reply.isErrorDocument(), body.dump());
        BOOST_TEST(reply.json["detail"].get<std::string>().find(mentions) != std::string::npos,
                   reply.body);
    }
    BOOST_TEST(api.client().request("POST", "/api/pattern-configs/", "[]", token).code() ==
               "invalid_json");
    // Nothing was stored by any refused request.
    const auto stored = api.exec("SELECT count(*) FROM pattern_configs WHERE capital = 1000.5");
    BOOST_TEST(stored[0][0].as<int>() == 0);
}

BOOST_AUTO_TEST_CASE(auto_live_needs_the_risk_acknowledged_in_the_same_request) {
    ApiFixture api;
    const auto token = api.aliceToken();
    const auto refused =
        api.client().post("/api/pattern-configs/", with(configBody(), "mode", "auto_live"), token);
    BOOST_TEST(refused.status == 400);
    BOOST_TEST(refused.code() == "risk_not_acknowledged");

    const auto manual = api.client().post("/api/pattern-configs/", configBody(), token);
    const auto id = manual.json["id"].get<std::int64_t>();
    const auto switch_refused = patch(api, id, {{"mode", "auto_live"}}, token);
    BOOST_TEST(switch_refused.status == 400);
    BOOST_TEST(switch_refused.code() == "risk_not_acknowledged");
    BOOST_TEST(api.client().get(path(id), token).json["mode"] == "manual");

    const auto live = patch(api, id, {{"mode", "auto_live"}, {"acknowledge_risk", true}}, token);
    BOOST_TEST_REQUIRE(live.status == 200, live.body);
    BOOST_TEST(live.json["mode"] == "auto_live");
    BOOST_TEST(live.json["risk_acknowledged_at"].is_string());

    // Leaving LIVE forgets the acknowledgement; coming back asks for it again.
    const auto dry = patch(api, id, {{"mode", "auto_dry_run"}}, token);
    BOOST_TEST(dry.json["mode"] == "auto_dry_run");
    BOOST_TEST(dry.json["risk_acknowledged_at"].is_null());
    BOOST_TEST(patch(api, id, {{"mode", "auto_live"}}, token).code() == "risk_not_acknowledged");

    const auto created_live =
        api.client().post("/api/pattern-configs/",
                          with(with(configBody(), "mode", "auto_live"), "acknowledge_risk", true),
                          token);
    BOOST_TEST(created_live.status == 201);
    BOOST_TEST(created_live.json["risk_acknowledged_at"].is_string());
    // An acknowledgement without auto_live records nothing.
    const auto acknowledged_manual = api.client().post(
        "/api/pattern-configs/", with(configBody(), "acknowledge_risk", true), token);
    BOOST_TEST(acknowledged_manual.json["risk_acknowledged_at"].is_null());
}

BOOST_AUTO_TEST_CASE(a_patch_must_change_something_and_validates_like_a_create) {
    ApiFixture api;
    const auto token = api.aliceToken();
    const auto id = api.client()
                        .post("/api/pattern-configs/", configBody(), token)
                        .json["id"]
                        .get<std::int64_t>();
    BOOST_TEST(patch(api, id, json::object(), token).code() == "missing_field");
    BOOST_TEST(patch(api, id, {{"acknowledge_risk", true}}, token).code() == "missing_field");
    BOOST_TEST(patch(api, id, {{"symbols", {"NOPEUSDT"}}}, token).code() == "invalid_field");
    BOOST_TEST(patch(api, id, {{"timeframes", {"2d"}}}, token).code() == "invalid_field");
    BOOST_TEST(patch(api, id, {{"strategy_id", 424242}}, token).code() == "invalid_field");
    BOOST_TEST(patch(api, id, {{"capital", "0"}}, token).code() == "invalid_field");
    BOOST_TEST(patch(api, id, {{"colour", "red"}}, token).code() == "unknown_field");
    BOOST_TEST(api.client().get(path(id), token).json["symbols"] == json({"BTCUSDT", "ETHUSDT"}));
    const auto strategy = patch(api, id, {{"strategy_id", 4}, {"pattern", "BOLLINGER_RSI"}}, token);
    BOOST_TEST(strategy.json["strategy_name"] == "Bounce Back");
    BOOST_TEST(strategy.json["pattern"] == "BOLLINGER_RSI");
}

BOOST_AUTO_TEST_CASE(another_tenants_configuration_is_404_and_never_listed) {
    ApiFixture api;
    const auto alice = api.aliceToken();
    const auto bob = api.bobToken();
    const auto id = api.client()
                        .post("/api/pattern-configs/", configBody(), alice)
                        .json["id"]
                        .get<std::int64_t>();
    BOOST_TEST(api.client().get(path(id), bob).status == 404);
    BOOST_TEST(api.client().get(path(id), bob).code() == "not_found");
    BOOST_TEST(patch(api, id, {{"enabled", false}}, bob).status == 404);
    BOOST_TEST(api.client().request("DELETE", path(id), "", bob).status == 404);
    // Held in a local: a range-for over a member of a temporary would dangle.
    const auto bobs = api.client().get("/api/pattern-configs/", bob);
    for (const auto& row : bobs.json.at("results")) {
        BOOST_TEST(row["id"] != id);
    }
    // Untouched by bob's attempts.
    const auto still = api.client().get(path(id), alice);
    BOOST_TEST(still.status == 200);
    BOOST_TEST(still.json["enabled"] == true);
}

BOOST_AUTO_TEST_CASE(ids_that_cannot_exist_are_404_without_a_query) {
    const ApiFixture api;
    const auto token = api.aliceToken();
    for (const std::string id : {"0", "-1", "abc", "1.5", "99999999999999999999", "%20"}) {
        BOOST_TEST(api.client().get("/api/pattern-configs/" + id + "/", token).status == 404, id);
    }
    BOOST_TEST(api.client().get("/api/pattern-configs/", "").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
