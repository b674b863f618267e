#include "api_fixture.hpp"
#include "auth/jwt.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::api::test;
using robson::api::auth::JwtCodec;
using robson::api::auth::TokenType;

BOOST_AUTO_TEST_SUITE(auth_api)

BOOST_AUTO_TEST_CASE(login_with_the_right_password_returns_access_and_refresh_tokens) {
    const ApiFixture api;
    const auto reply = api.client().post("/api/auth/token/",
                                         {{"username", "alice"}, {"password", kAlicePassword}});
    BOOST_TEST(reply.status == 200);
    BOOST_TEST(reply.json["token_type"] == "Bearer");
    BOOST_TEST(reply.json["expires_in"] == 900);
    BOOST_TEST(reply.json["access"].is_string());
    BOOST_TEST(reply.json["refresh"].is_string());
    const auto strategies = api.client().get("/api/strategies/", reply.json["access"]);
    BOOST_TEST(strategies.status == 200);
}

BOOST_AUTO_TEST_CASE(login_with_a_wrong_password_or_unknown_user_is_invalid_credentials) {
    const ApiFixture api;
    for (const auto& body : {nlohmann::json{{"username", "alice"}, {"password", "nope"}},
                             nlohmann::json{{"username", "nobody"}, {"password", kAlicePassword}},
                             nlohmann::json{{"username", "alice"}, {"password", kBobPassword}}}) {
        const auto reply = api.client().post("/api/auth/token/", body);
        BOOST_TEST(reply.status == 401);
        BOOST_TEST(reply.code() == "invalid_credentials");
    }
}

BOOST_AUTO_TEST_CASE(login_input_errors_are_400_with_the_field) {
    const ApiFixture api;
    BOOST_TEST(api.client().post("/api/auth/token/", {{"username", "alice"}}).code() ==
               "missing_field");
    BOOST_TEST(api.client()
                   .post("/api/auth/token/",
                         {{"username", "alice"}, {"password", "x"}, {"remember", true}})
                   .code() == "unknown_field");
    BOOST_TEST(api.client().post("/api/auth/token/", {{"username", 5}, {"password", "x"}}).code() ==
               "invalid_field");
    BOOST_TEST(api.client().request("POST", "/api/auth/token/", "{oops").code() == "invalid_json");
}

BOOST_AUTO_TEST_CASE(refresh_gives_a_working_access_token) {
    const ApiFixture api;
    const auto tokens =
        api.client().post("/api/auth/token/", {{"username", "bob"}, {"password", kBobPassword}});
    const auto reply =
        api.client().post("/api/auth/token/refresh/", {{"refresh", tokens.json["refresh"]}});
    BOOST_TEST(reply.status == 200);
    BOOST_TEST(!reply.json.contains("refresh"));
    BOOST_TEST(api.client().get("/api/intents/", reply.json["access"]).status == 200);
}

BOOST_AUTO_TEST_CASE(refresh_refuses_garbage_access_tokens_and_expired_tokens) {
    const ApiFixture api;
    BOOST_TEST(api.client().post("/api/auth/token/refresh/", {{"refresh", "garbage"}}).code() ==
               "invalid_token");
    BOOST_TEST(
        api.client().post("/api/auth/token/refresh/", {{"refresh", api.aliceToken()}}).code() ==
        "invalid_token");
    const JwtCodec past(kTestSecret, [] { return std::int64_t{1'000'000}; });
    const auto expired =
        past.issue(seed().alpha_user, seed().alpha_tenant, "alice", TokenType::Refresh);
    const auto reply = api.client().post("/api/auth/token/refresh/", {{"refresh", expired}});
    BOOST_TEST(reply.status == 401);
    BOOST_TEST(reply.code() == "token_expired");
}

BOOST_AUTO_TEST_CASE(protected_endpoints_need_a_valid_unexpired_access_token) {
    const ApiFixture api;
    const auto none = api.client().get("/api/intents/");
    BOOST_TEST(none.status == 401);
    BOOST_TEST(none.code() == "not_authenticated");
    BOOST_TEST(none.headers.count("WWW-Authenticate") == 1U);
    BOOST_TEST(api.client().get("/api/intents/", "not.a.token").code() == "invalid_token");
    const JwtCodec other("some-other-secret-some-other-secret");
    BOOST_TEST(
        api.client()
            .get("/api/intents/",
                 other.issue(seed().alpha_user, seed().alpha_tenant, "alice", TokenType::Access))
            .code() == "invalid_token");
    const JwtCodec past(kTestSecret, [] { return std::int64_t{1'000'000}; });
    const auto expired =
        past.issue(seed().alpha_user, seed().alpha_tenant, "alice", TokenType::Access);
    const auto reply = api.client().get("/api/intents/", expired);
    BOOST_TEST(reply.status == 401);
    BOOST_TEST(reply.code() == "token_expired");
    for (const std::string path : {"/api/strategies/",
                                   "/api/symbols/",
                                   "/api/candles/?symbol=BTCUSDT",
                                   "/api/intents/x/status/",
                                   "/api/intents/x/audit/"}) {
        BOOST_TEST(api.client().get(path).code() == "not_authenticated", path);
    }
    BOOST_TEST(api.client().post("/api/intents/create/", nlohmann::json::object()).code() ==
               "not_authenticated");
    BOOST_TEST(api.client().post("/api/intents/x/execute/", nlohmann::json::object()).code() ==
               "not_authenticated");
    BOOST_TEST(api.client().post("/api/intents/x/cancel/", nlohmann::json::object()).code() ==
               "not_authenticated");
}

BOOST_AUTO_TEST_SUITE_END()
