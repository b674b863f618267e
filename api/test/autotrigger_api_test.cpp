#include "api_fixture.hpp"
#include "pattern_fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::api::test;
using nlohmann::json;

namespace {

HttpReply put(const ApiFixture& api, const json& body, const std::string& token) {
    return api.client().request("PUT", "/api/autotrigger/", body.dump(), token);
}

/// A guardrail_decisions row for `tenant`; `created_at` is SQL.
void insertDecision(ApiFixture& api,
                    std::int64_t tenant,
                    const std::string& intent_id,
                    const std::string& guardrail,
                    bool allowed,
                    const std::string& created_at = "now()") {
    pqxx::work txn(api.sql());
    txn.exec_params(
        "INSERT INTO guardrail_decisions (tenant_id, intent_id, symbol, guardrail, allowed, "
        "reason, created_at) VALUES ($1, NULLIF($2, ''), 'BTCUSDT', $3, $4, 'because', " +
            created_at + ")",
        tenant,
        intent_id,
        guardrail,
        allowed);
    txn.commit();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(autotrigger_api)

BOOST_AUTO_TEST_CASE(a_tenant_that_changed_nothing_sees_the_defaults) {
    ApiFixture api;
    const auto token = loginFreshTenant(api, "defaults", nullptr);
    const auto reply = api.client().get("/api/autotrigger/", token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    BOOST_TEST(reply.json["enabled"] == true);
    BOOST_TEST(reply.json["daily_cap"] == 10);
    BOOST_TEST(reply.json["cooldown_minutes"] == 60);
    BOOST_TEST(reply.json["auto_executions_today"] == 0);
    BOOST_TEST(reply.json["updated_by"].is_null());
}

BOOST_AUTO_TEST_CASE(the_kill_switch_goes_off_and_on_again_with_an_audit_row_each_time) {
    ApiFixture api;
    std::int64_t tenant = 0;
    const auto token = loginFreshTenant(api, "killswitch", &tenant);
    const auto off = put(api, {{"enabled", false}}, token);
    BOOST_TEST_REQUIRE(off.status == 200, off.body);
    BOOST_TEST(off.json["enabled"] == false);
    BOOST_TEST(off.json["daily_cap"] == 10);  // untouched
    BOOST_TEST(off.json["updated_by"].get<std::string>().starts_with("user:killswitch-"));
    BOOST_TEST(off.json["updated_at"].get<std::string>().ends_with("Z"));
    BOOST_TEST(api.client().get("/api/autotrigger/", token).json["enabled"] == false);
    // The workers read the row itself.
    BOOST_TEST(api.exec("SELECT enabled FROM autotrigger_settings WHERE tenant_id = " +
                        std::to_string(tenant))[0][0]
                   .as<bool>() == false);

    const auto on = put(api, {{"enabled", true}, {"daily_cap", 3}, {"cooldown_minutes", 0}}, token);
    BOOST_TEST(on.json["enabled"] == true);
    BOOST_TEST(on.json["daily_cap"] == 3);
    BOOST_TEST(on.json["cooldown_minutes"] == 0);

    const auto audit = api.exec(
        "SELECT actor, action, details::text FROM audit_trail WHERE intent_id IS NULL AND "
        "tenant_id = " +
        std::to_string(tenant) + " ORDER BY id");
    BOOST_REQUIRE(audit.size() == 2U);
    BOOST_TEST(std::string(audit[0][0].c_str()).starts_with("user:killswitch-"));
    BOOST_TEST(audit[0][1].c_str() == std::string("AUTOTRIGGER_UPDATED"));
    const auto first = json::parse(audit[0][2].c_str());
    BOOST_TEST(first["before"]["enabled"] == true);
    BOOST_TEST(first["after"]["enabled"] == false);
    const auto second = json::parse(audit[1][2].c_str());
    BOOST_TEST(second["before"]["enabled"] == false);
    BOOST_TEST(second["after"] ==
               json({{"enabled", true}, {"daily_cap", 3}, {"cooldown_minutes", 0}}));
}

BOOST_AUTO_TEST_CASE(settings_are_per_tenant) {
    ApiFixture api;
    const auto first = loginFreshTenant(api, "first", nullptr);
    const auto second = loginFreshTenant(api, "second", nullptr);
    BOOST_TEST(put(api, {{"enabled", false}}, first).status == 200);
    BOOST_TEST(api.client().get("/api/autotrigger/", second).json["enabled"] == true);
}

BOOST_AUTO_TEST_CASE(bad_settings_are_refused_and_change_nothing) {
    ApiFixture api;
    const auto token = loginFreshTenant(api, "bounds", nullptr);
    const std::vector<std::pair<json, std::string>> cases{
        {{{"daily_cap", -1}}, "invalid_field"},
        {{{"daily_cap", 1001}}, "invalid_field"},
        {{{"daily_cap", "5"}}, "invalid_field"},
        {{{"daily_cap", 2.5}}, "invalid_field"},
        {{{"cooldown_minutes", 10081}}, "invalid_field"},
        {{{"cooldown_minutes", -5}}, "invalid_field"},
        {{{"enabled", "false"}}, "invalid_field"},
        {{{"enabled", 0}}, "invalid_field"},
        {{{"kill", true}}, "unknown_field"},
        {json::object(), "missing_field"},
    };
    for (const auto& [body, code] : cases) {
        const auto reply = put(api, body, token);
        BOOST_TEST(reply.status == 400, body.dump());
        BOOST_TEST(reply.code() == code, body.dump());
    }
    BOOST_TEST(api.client().request("PUT", "/api/autotrigger/", "", token).code() ==
               "invalid_json");
    const auto after = api.client().get("/api/autotrigger/", token).json;
    BOOST_TEST(after["enabled"] == true);
    BOOST_TEST(after["daily_cap"] == 10);
    BOOST_TEST(put(api, {{"daily_cap", 0}, {"cooldown_minutes", 10080}}, token).status == 200);
}

BOOST_AUTO_TEST_CASE(auto_executions_today_counts_the_automatic_executions_started_today) {
    ApiFixture api;
    std::int64_t tenant = 0;
    const auto token = loginFreshTenant(api, "counted", &tenant);
    const auto pattern = insertPattern(api, "CNTUSDT");
    // What the validate worker writes when it starts an automatic execution (robson::store).
    const auto started = [&](const std::string& intent,
                             std::int64_t owner,
                             const std::string& action,
                             const std::string& when) {
        api.exec(
            "INSERT INTO audit_trail (tenant_id, intent_id, actor, action, created_at) "
            "VALUES (" +
            std::to_string(owner) + ", '" + intent + "', 'worker:validate', '" + action + "', " +
            when + ")");
    };
    for (int i = 0; i < 2; ++i) {
        started(insertPatternIntent(api, "EXECUTED", pattern, tenant),
                tenant,
                "AUTO_EXECUTION_REQUESTED",
                "now()");
    }
    // Yesterday's, a person's execution and another tenant's do not count.
    started(insertPatternIntent(api, "EXECUTED", pattern, tenant),
            tenant,
            "AUTO_EXECUTION_REQUESTED",
            "now() - interval '2 days'");
    started(insertPatternIntent(api, "EXECUTED", pattern, tenant),
            tenant,
            "EXECUTION_REQUESTED",
            "now()");
    started(insertPatternIntent(api, "EXECUTED", pattern, seed().beta_tenant),
            seed().beta_tenant,
            "AUTO_EXECUTION_REQUESTED",
            "now()");
    BOOST_TEST(api.client().get("/api/autotrigger/", token).json["auto_executions_today"] == 2);
}

BOOST_AUTO_TEST_CASE(decisions_page_newest_first_and_only_the_tenants_own) {
    ApiFixture api;
    std::int64_t tenant = 0;
    const auto token = loginFreshTenant(api, "decisions", &tenant);
    const auto pattern = insertPattern(api, "DECUSDT");
    const auto intent = insertPatternIntent(api, "VALIDATED", pattern, tenant);
    insertDecision(api, tenant, intent, "kill_switch", false);
    insertDecision(api, tenant, intent, "daily_cap", true);
    insertDecision(api, tenant, "", "min_confidence", false);
    insertDecision(api, seed().beta_tenant, "", "min_confidence", false);

    const auto page = api.client().get("/api/autotrigger/decisions/?page_size=2", token);
    BOOST_TEST_REQUIRE(page.status == 200, page.body);
    BOOST_TEST(page.json["count"] == 3);
    BOOST_REQUIRE(page.json["results"].size() == 2U);
    const auto& newest = page.json["results"][0];
    BOOST_TEST(newest["guardrail"] == "min_confidence");
    BOOST_TEST(newest["intent_id"].is_null());
    BOOST_TEST(newest["allowed"] == false);
    BOOST_TEST(newest["reason"] == "because");
    BOOST_TEST(newest["symbol"] == "BTCUSDT");
    BOOST_TEST(page.json["results"][1]["guardrail"] == "daily_cap");
    BOOST_TEST(page.json["results"][1]["intent_id"] == intent);
    const auto last = api.client().get("/api/autotrigger/decisions/?page_size=2&page=2", token);
    BOOST_REQUIRE(last.json["results"].size() == 1U);
    BOOST_TEST(last.json["results"][0]["guardrail"] == "kill_switch");
    BOOST_TEST(api.client().get("/api/autotrigger/decisions/?page=0", token).code() ==
               "invalid_field");
    BOOST_TEST(api.client().get("/api/autotrigger/decisions/?symbol=X", token).code() ==
               "unknown_field");
}

BOOST_AUTO_TEST_SUITE_END()
