#include "api_fixture.hpp"
#include "auth/jwt.hpp"

#include <boost/test/unit_test.hpp>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <random>

using namespace robson::api::test;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(robustness_api)

BOOST_AUTO_TEST_CASE(a_body_over_64_kib_is_413_body_too_large_and_counted_as_a_gate_answer) {
    auto config = testConfig();
    config.metrics_registry = std::make_shared<prometheus::Registry>();
    const ApiFixture api(config);
    const std::string big = "{\"username\":\"" + std::string(70 * 1024, 'a') + "\"}";
    const auto reply = api.client().request("POST", "/api/auth/token/", big);
    BOOST_TEST(reply.status == 413);
    BOOST_TEST(reply.code() == "body_too_large");
    const auto create = api.client().request("POST", "/api/intents/create/", big, api.aliceToken());
    BOOST_TEST(create.code() == "body_too_large");
    // Just under the limit is read (and refused for what it says, not for its size).
    const std::string fits = "{\"username\":\"" + std::string(60 * 1024, 'a') + "\"}";
    BOOST_TEST(api.client().request("POST", "/api/auth/token/", fits).code() == "invalid_field");
    BOOST_TEST(api.client().get("/healthz").status == 200);
    // The gate answered both 413s before any route: its own counter has them, the router's
    // does not.
    const std::string text =
        prometheus::TextSerializer().Serialize(config.metrics_registry->Collect());
    BOOST_TEST(text.find(R"(robson_http_gate_answers_total{code="413"} 2)") != std::string::npos,
               text);
    BOOST_TEST(
        text.find(
            R"(robson_http_requests_total{code="4xx",method="POST",route="/api/auth/token/"} 1)") !=
        std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_json_is_400_invalid_json_everywhere) {
    const ApiFixture api;
    const auto token = api.aliceToken();
    const std::string id = "intent-0000000000000000";
    for (const std::string& target : std::vector<std::string>{"/api/auth/token/",
                                                              "/api/auth/token/refresh/",
                                                              "/api/intents/create/",
                                                              "/api/intents/" + id + "/execute/",
                                                              "/api/intents/" + id + "/cancel/",
                                                              "/api/pattern-configs/",
                                                              "/api/scans/"}) {
        for (const std::string body : {"{", "[]", "{\"a\":1,}", "\xff\xfe", "{\"a\":1}{"}) {
            const auto reply = api.client().request("POST", target, body, token);
            BOOST_TEST(reply.status == 400, target + " " + body);
            BOOST_TEST(reply.code() == "invalid_json", target + " " + body);
        }
    }
    for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
             {"PUT", "/api/autotrigger/"}, {"PATCH", "/api/pattern-configs/1/"}}) {
        for (const std::string body : {"{", "[]", "\xff\xfe", ""}) {
            const auto reply = api.client().request(method, target, body, token);
            BOOST_TEST(reply.status == 400, target + " " + body);
            BOOST_TEST(reply.code() == "invalid_json", target + " " + body);
        }
    }
}

BOOST_AUTO_TEST_CASE(unknown_paths_are_404_and_wrong_methods_405_as_json) {
    const ApiFixture api;
    const auto token = api.aliceToken();
    for (const std::string target : {"/api/nothing/",
                                     "/api/intents/x/explode/",
                                     "/nope",
                                     "/api/intents/a/b/c/d/",
                                     "/%2e%2e/etc/passwd",
                                     "/api/intents/%zz/status/"}) {
        const auto reply = api.client().get(target, token);
        BOOST_TEST(reply.status == 404, target);
        BOOST_TEST(reply.code() == "not_found", target);
    }
    const std::vector<std::pair<std::string, std::string>> wrong{
        {"GET", "/api/intents/create/"},
        {"DELETE", "/api/intents/x/status/"},
        {"PUT", "/api/intents/"},
        {"GET", "/api/intents/x/execute/"},
        {"POST", "/api/strategies/"},
        {"PATCH", "/api/auth/token/"},
        {"POST", "/healthz"}};
    for (const auto& [method, target] : wrong) {
        const auto reply = api.client().request(method, target, "", token);
        BOOST_TEST(reply.status == 405, method + " " + target);
        BOOST_TEST(reply.code() == "method_not_allowed", method + " " + target);
        BOOST_TEST(reply.headers.count("Allow") == 1U, method + " " + target);
    }
}

BOOST_AUTO_TEST_CASE(hostile_ids_and_query_strings_never_reach_sql) {
    const ApiFixture api;
    const auto token = api.aliceToken();
    for (const std::string& id : std::vector<std::string>{
             "x'%20OR%201=1--", std::string(300, 'a'), "%00", "..", "%E2%82%AC"}) {
        BOOST_TEST(api.client().get("/api/intents/" + id + "/status/", token).status == 404, id);
    }
    BOOST_TEST(api.client().get("/api/intents/?status=%zz", token).code() == "invalid_field");
    BOOST_TEST(api.client().get("/api/intents/?symbol=BTC'--", token).code() == "invalid_field");
}

BOOST_AUTO_TEST_CASE(random_bodies_never_cause_a_server_error) {
    const ApiFixture api;
    const auto token = api.aliceToken();
    std::mt19937 random(12345);
    const std::vector<std::string> pieces{"{",           "}",
                                          "[",           "]",
                                          ",",           ":",
                                          "\"capital\"", "\"strategy_id\"",
                                          "\"symbol\"",  "1",
                                          "-1",          "1e999",
                                          "0.1",         "null",
                                          "true",        "\"BTCUSDT\"",
                                          "\"\\u0000\"", "\"mode\"",
                                          "\"LIVE\"",    "\"metadata\"",
                                          "{\"a\":{}}",  "\"\xc3\x28\"",
                                          " ",           "18446744073709551616"};
    const std::vector<std::string> targets{"/api/intents/create/",
                                           "/api/auth/token/",
                                           "/api/auth/token/refresh/",
                                           "/api/intents/intent-0000000000000000/execute/"};
    for (int i = 0; i < 300; ++i) {
        std::string body;
        const auto length = random() % 12;
        for (std::uint32_t j = 0; j < length; ++j) {
            body += pieces[random() % pieces.size()];
        }
        const auto reply = api.client().request(
            "POST", targets[static_cast<std::size_t>(i) % targets.size()], body, token);
        BOOST_TEST(reply.status < 500, body);
        BOOST_TEST((reply.status < 300 || reply.isErrorDocument()), body);
    }
}

BOOST_AUTO_TEST_CASE(with_the_database_down_requests_answer_503_unavailable_quickly) {
    auto config = testConfig();
    config.database_url = "postgresql://robson@127.0.0.1:1/robson";
    const ApiFixture api(config);
    const robson::api::auth::JwtCodec codec(kTestSecret);
    const auto token = codec.issue(
        seed().alpha_user, seed().alpha_tenant, "alice", robson::api::auth::TokenType::Access);
    const auto started = std::chrono::steady_clock::now();
    BOOST_TEST(api.client().get("/healthz").status == 200);
    const auto ready = api.client().get("/readyz");
    BOOST_TEST(ready.status == 503);
    BOOST_TEST(ready.code() == "unavailable");
    BOOST_TEST(api.client()
                   .post("/api/auth/token/", {{"username", "alice"}, {"password", kAlicePassword}})
                   .code() == "unavailable");
    BOOST_TEST(api.client().get("/api/strategies/", token).code() == "unavailable");
    const auto create =
        api.client().post("/api/intents/create/",
                          {{"strategy_id", 1}, {"symbol", "BTCUSDT"}, {"capital", "1"}},
                          token);
    BOOST_TEST(create.status == 503);
    BOOST_TEST(create.code() == "unavailable");
    BOOST_TEST(api.client().post("/api/intents/x/execute/", json::object(), token).code() ==
               "unavailable");
    BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(10)));
}

BOOST_AUTO_TEST_SUITE_END()
