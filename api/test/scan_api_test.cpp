#include "api_fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::api::test;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(scan_api)

BOOST_AUTO_TEST_CASE(a_scan_request_queues_one_scan_and_one_job_per_symbol) {
    ApiFixture api;
    const auto reply = api.client().post("/api/scans/",
                                         {{"symbols", {"ETHUSDT", "BTCUSDT"}}, {"timeframe", "1h"}},
                                         api.aliceToken());
    BOOST_TEST_REQUIRE(reply.status == 202, reply.body);
    const auto& results = reply.json["results"];
    BOOST_REQUIRE(results.size() == 2U);
    BOOST_TEST(results[0]["symbol"] == "ETHUSDT");
    BOOST_TEST(results[1]["symbol"] == "BTCUSDT");
    for (const auto& scan : results) {
        BOOST_TEST(scan["timeframe"] == "1h");
        BOOST_TEST(scan["state"] == "queued");
        const std::string id = std::to_string(scan["id"].get<std::int64_t>());
        const auto row = api.exec(
            "SELECT symbol, timeframe, state, requested_by, candle_close_ms IS NULL FROM scans "
            "WHERE id = " +
            id);
        BOOST_REQUIRE(row.size() == 1U);
        BOOST_TEST(row[0][0].c_str() == scan["symbol"].get<std::string>());
        BOOST_TEST(row[0][1].c_str() == std::string("1h"));
        BOOST_TEST(row[0][2].c_str() == std::string("queued"));
        BOOST_TEST(row[0][3].as<std::int64_t>() == seed().alpha_tenant);
        BOOST_TEST(row[0][4].as<bool>());  // on demand: no candle close
        const auto job = api.exec(
            "SELECT kind, state::text, intent_id IS NULL, tenant_id IS NULL FROM jobs WHERE "
            "scan_id = " +
            id);
        BOOST_REQUIRE(job.size() == 1U);
        BOOST_TEST(job[0][0].c_str() == std::string("scan"));
        BOOST_TEST(job[0][1].c_str() == std::string("ready"));
        BOOST_TEST(job[0][2].as<bool>());
        BOOST_TEST(job[0][3].as<bool>());
    }
    // Asking again scans again: an on-demand scan is never merged with an earlier one.
    const auto again = api.client().post(
        "/api/scans/", {{"symbols", {"ETHUSDT"}}, {"timeframe", "1h"}}, api.aliceToken());
    BOOST_TEST(again.status == 202);
    BOOST_TEST(again.json["results"][0]["id"] != results[0]["id"]);
}

BOOST_AUTO_TEST_CASE(a_scan_request_is_validated_and_a_refused_one_queues_nothing) {
    ApiFixture api;
    const auto token = api.aliceToken();
    const auto before = api.exec("SELECT count(*) FROM scans")[0][0].as<int>();
    std::vector<std::string> twenty_one;
    for (int i = 0; i < 21; ++i) {
        twenty_one.push_back("S" + std::to_string(100 + i) + "USDT");
    }
    const std::vector<std::pair<json, std::string>> cases{
        {{{"timeframe", "15m"}}, "missing_field"},
        {{{"symbols", {"BTCUSDT"}}}, "missing_field"},
        {{{"symbols", json::array()}, {"timeframe", "15m"}}, "invalid_field"},
        {{{"symbols", twenty_one}, {"timeframe", "15m"}}, "invalid_field"},
        {{{"symbols", {"BTCUSDT", "BTCUSDT"}}, {"timeframe", "15m"}}, "invalid_field"},
        {{{"symbols", {"BTCUSDT", "DOGEUSDT"}}, {"timeframe", "15m"}}, "invalid_field"},
        {{{"symbols", {"btcusdt"}}, {"timeframe", "15m"}}, "invalid_field"},
        {{{"symbols", "BTCUSDT"}, {"timeframe", "15m"}}, "invalid_field"},
        {{{"symbols", {"BTCUSDT"}}, {"timeframe", "7m"}}, "invalid_field"},
        {{{"symbols", {"BTCUSDT"}}, {"timeframe", 15}}, "invalid_field"},
        {{{"symbols", {"BTCUSDT"}}, {"timeframe", "15m"}, {"priority", 1}}, "unknown_field"},
    };
    for (const auto& [body, code] : cases) {
        const auto reply = api.client().post("/api/scans/", body, token);
        BOOST_TEST(reply.status == 400, body.dump());
        BOOST_TEST(reply.code() == code, body.dump() + " -> " + reply.body);
    }
    const auto unknown = api.client().post(
        "/api/scans/", {{"symbols", {"BTCUSDT", "DOGEUSDT"}}, {"timeframe", "15m"}}, token);
    BOOST_TEST(unknown.json["detail"].get<std::string>().find("DOGEUSDT") != std::string::npos);
    BOOST_TEST(api.exec("SELECT count(*) FROM scans")[0][0].as<int>() == before);
    BOOST_TEST(
        api.client().post("/api/scans/", {{"symbols", {"BTCUSDT"}}, {"timeframe", "15m"}}).status ==
        401);
}

BOOST_AUTO_TEST_CASE(a_scan_is_read_by_its_tenant_and_a_scheduled_one_by_everyone) {
    ApiFixture api;
    const auto alice = api.aliceToken();
    const auto bob = api.bobToken();
    const auto queued =
        api.client().post("/api/scans/", {{"symbols", {"SOLUSDT"}}, {"timeframe", "4h"}}, alice);
    const auto id = queued.json["results"][0]["id"].get<std::int64_t>();
    // The scan worker's progress, played in SQL.
    api.exec(
        "UPDATE scans SET state = 'done', candles_scanned = 260, detections = 3, new_patterns = "
        "1, finished_at = now() WHERE id = " +
        std::to_string(id));
    const auto mine = api.client().get("/api/scans/" + std::to_string(id) + "/", alice);
    BOOST_TEST_REQUIRE(mine.status == 200, mine.body);
    BOOST_TEST(mine.json["id"] == id);
    BOOST_TEST(mine.json["symbol"] == "SOLUSDT");
    BOOST_TEST(mine.json["timeframe"] == "4h");
    BOOST_TEST(mine.json["state"] == "done");
    BOOST_TEST(mine.json["candles_scanned"] == 260);
    BOOST_TEST(mine.json["detections"] == 3);
    BOOST_TEST(mine.json["new_patterns"] == 1);
    BOOST_TEST(mine.json["error"].is_null());
    BOOST_TEST(mine.json["finished_at"].is_string());
    BOOST_TEST(mine.json["created_at"].is_string());

    const auto theirs = api.client().get("/api/scans/" + std::to_string(id) + "/", bob);
    BOOST_TEST(theirs.status == 404);
    BOOST_TEST(theirs.code() == "not_found");

    const auto scheduled =
        api.exec(
               "INSERT INTO scans (symbol, timeframe, candle_close_ms, state, error) VALUES "
               "('BTCUSDT', "
               "'15m', 1767225600000, 'failed', 'exchange unreachable') RETURNING id")[0][0]
            .as<std::int64_t>();
    const auto seen = api.client().get("/api/scans/" + std::to_string(scheduled) + "/", bob);
    BOOST_TEST(seen.status == 200);
    BOOST_TEST(seen.json["state"] == "failed");
    BOOST_TEST(seen.json["error"] == "exchange unreachable");
    BOOST_TEST(api.client().get("/api/scans/0/", alice).status == 404);
    BOOST_TEST(api.client().get("/api/scans/x/", alice).status == 404);
    BOOST_TEST(api.client().get("/api/scans/", alice).status == 405);
}

BOOST_AUTO_TEST_SUITE_END()
