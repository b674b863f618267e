#include "api_fixture.hpp"
#include "robson/sim/http/sim_server.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::api::test;

namespace {

/// The exchange simulator in-process on a free port, with the shipped candle data.
struct Simulator {
    Simulator() : server(config()) { server.start(); }
    static robson::sim::SimConfig config() {
        robson::sim::SimConfig sim;
        sim.port = 0;
        sim.data_dir = std::string(ROBSON_SOURCE_DIR) + "/sim/data";
        return sim;
    }
    robson::sim::SimServer server;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(reference_api)

BOOST_AUTO_TEST_CASE(strategies_lists_the_builtins_with_the_domain_parameters) {
    const ApiFixture api;
    const auto reply = api.client().get("/api/strategies/", api.bobToken());
    BOOST_TEST(reply.status == 200);
    BOOST_TEST(reply.json["count"] == 4);
    const auto& all_in = reply.json["results"][0];
    BOOST_TEST(all_in["id"] == 1);
    BOOST_TEST(all_in["name"] == "All In");
    BOOST_TEST(all_in["mode"] == "manual");
    BOOST_TEST(all_in["timeframe"] == "15m");
    BOOST_TEST(all_in["default_side"] == "BUY");
    BOOST_TEST(all_in["risk_percent"] == "1");
    BOOST_TEST(all_in["stop_level"] == 2);
    BOOST_TEST(all_in["builtin"] == true);
    BOOST_TEST(!all_in["description"].get<std::string>().empty());
    BOOST_TEST(reply.json["results"][2]["timeframe"] == "1h");
}

BOOST_AUTO_TEST_CASE(a_tenants_own_strategy_is_listed_for_that_tenant_only) {
    ApiFixture api;
    api.exec("INSERT INTO strategies (tenant_id, name, config) VALUES (" +
             std::to_string(seed().alpha_tenant) +
             ", 'Alpha Only', '{\"timeframe\": \"4h\", \"default_side\": \"SELL\"}') "
             "ON CONFLICT DO NOTHING");
    const auto alice = api.client().get("/api/strategies/", api.aliceToken());
    const auto bob = api.client().get("/api/strategies/", api.bobToken());
    BOOST_TEST(alice.json["count"] == 5);
    BOOST_TEST(alice.json["results"][4]["name"] == "Alpha Only");
    BOOST_TEST(alice.json["results"][4]["timeframe"] == "4h");
    BOOST_TEST(alice.json["results"][4]["builtin"] == false);
    BOOST_TEST(bob.json["count"] == 4);
}

BOOST_AUTO_TEST_CASE(symbols_lists_the_offered_symbols) {
    const ApiFixture api;
    const auto reply = api.client().get("/api/symbols/", api.aliceToken());
    BOOST_TEST(reply.status == 200);
    BOOST_TEST(reply.json["count"] == 3);
    BOOST_TEST(
        reply.json["results"][0] ==
        (nlohmann::json{{"symbol", "BTCUSDT"}, {"base_asset", "BTC"}, {"quote_asset", "USDT"}}));
}

BOOST_AUTO_TEST_CASE(candles_come_from_the_exchange_as_decimal_strings) {
    Simulator sim;
    auto config = testConfig();
    config.exchange_url = sim.server.baseUrl();
    const ApiFixture api(config);
    const auto reply =
        api.client().get("/api/candles/?symbol=BTCUSDT&interval=15m&limit=5", api.aliceToken());
    BOOST_TEST(reply.status == 200, reply.body);
    BOOST_TEST(reply.json["symbol"] == "BTCUSDT");
    BOOST_TEST(reply.json["interval"] == "15m");
    BOOST_REQUIRE(reply.json["candles"].size() == 5U);
    const auto& candle = reply.json["candles"][0];
    BOOST_TEST(candle["open_time"].is_number_integer());
    for (const char* field : {"open", "high", "low", "close", "volume"}) {
        BOOST_TEST(candle[field].is_string(), field);
    }
}

BOOST_AUTO_TEST_CASE(candles_for_an_intent_add_its_plan_levels_and_prices) {
    Simulator sim;
    auto config = testConfig();
    config.exchange_url = sim.server.baseUrl();
    ApiFixture api(config);
    const std::string id = api.insertIntent("PENDING");
    api.exec(
        "UPDATE trading_intents SET entry_price = 95432.1, stop_price = 93500, plan = "
        "'{\"stop\": {\"levels\": [{\"price\": \"93500\"}]}}' WHERE id = '" +
        id + "'");
    const auto reply =
        api.client().get("/api/candles/?intent=" + id + "&limit=3", api.aliceToken());
    BOOST_TEST(reply.status == 200, reply.body);
    BOOST_TEST(reply.json["symbol"] == "BTCUSDT");
    BOOST_TEST(reply.json["interval"] == "15m");
    BOOST_TEST(reply.json["entry_price"] == "95432.1");
    BOOST_TEST(reply.json["stop_price"] == "93500");
    BOOST_TEST(reply.json["levels"].size() == 1U);
    BOOST_TEST(reply.json["candles"].size() == 3U);
    // Another tenant cannot read it through candles either.
    BOOST_TEST(api.client().get("/api/candles/?intent=" + id, api.bobToken()).status == 404);
}

BOOST_AUTO_TEST_CASE(candles_with_an_end_time_are_the_older_window_opened_at_or_before_it) {
    Simulator sim;
    auto config = testConfig();
    config.exchange_url = sim.server.baseUrl();
    ApiFixture api(config);
    const auto token = api.aliceToken();
    const auto latest =
        api.client().get("/api/candles/?symbol=BTCUSDT&interval=15m&limit=100", token);
    BOOST_REQUIRE_MESSAGE(latest.status == 200, latest.body);
    BOOST_REQUIRE(latest.json["candles"].size() == 100U);
    const auto open_time = [](const nlohmann::json& reply, std::size_t i) {
        return reply["candles"][i]["open_time"].get<std::int64_t>();
    };
    // One minute into candle 40 of the latest 100: it is the window's last candle.
    const std::int64_t end_time = open_time(latest.json, 40) + 60'000;
    const auto older = api.client().get(
        "/api/candles/?symbol=BTCUSDT&interval=15m&limit=5&end_time=" + std::to_string(end_time),
        token);
    BOOST_TEST(older.status == 200, older.body);
    BOOST_REQUIRE(older.json["candles"].size() == 5U);
    BOOST_TEST(open_time(older.json, 0) == open_time(latest.json, 36));
    BOOST_TEST(open_time(older.json, 4) == open_time(latest.json, 40));
    BOOST_TEST(older.json["candles"][4] == latest.json["candles"][40]);

    // The same window for an intent's symbol and timeframe.
    const std::string id = api.insertIntent("PENDING");
    const auto for_intent = api.client().get(
        "/api/candles/?intent=" + id + "&limit=5&end_time=" + std::to_string(end_time), token);
    BOOST_TEST(for_intent.status == 200, for_intent.body);
    BOOST_TEST(for_intent.json["candles"] == older.json["candles"]);
}

BOOST_AUTO_TEST_CASE(candles_refuse_a_bad_end_time_naming_it) {
    const ApiFixture api;  // refused before the exchange is asked: none is needed
    const auto token = api.aliceToken();
    for (const std::string bad : {"0",
                                  "-1",
                                  "abc",
                                  "1.5",
                                  "",
                                  "1e12",
                                  "%201787666400000",
                                  // past 9999-12-31T23:59:59.999Z: microseconds, not ms
                                  "253402300800000",
                                  "1787666400000000",
                                  "99999999999999999999"}) {
        const auto reply = api.client().get("/api/candles/?symbol=BTCUSDT&end_time=" + bad, token);
        BOOST_TEST(reply.status == 400, bad);
        BOOST_TEST(reply.code() == "invalid_field", bad);
        BOOST_TEST(reply.isErrorDocument(), bad);
        BOOST_TEST(reply.json["detail"].get<std::string>().find("end_time") != std::string::npos,
                   bad);
    }
    const auto repeated =
        api.client().get("/api/candles/?symbol=BTCUSDT&end_time=1&end_time=2", token);
    BOOST_TEST(repeated.code() == "invalid_field");
    // The bounds themselves are accepted: the request goes on to the (absent) exchange.
    for (const std::string edge : {"1", "253402300799999"}) {
        const auto reply = api.client().get("/api/candles/?symbol=BTCUSDT&end_time=" + edge, token);
        BOOST_TEST(reply.code() == "exchange_unavailable", edge);
    }
}

BOOST_AUTO_TEST_CASE(candles_with_the_exchange_down_is_502_exchange_unavailable) {
    const ApiFixture api;  // exchange_url points at a closed port
    const auto reply = api.client().get("/api/candles/?symbol=BTCUSDT", api.aliceToken());
    BOOST_TEST(reply.status == 502);
    BOOST_TEST(reply.code() == "exchange_unavailable");
    BOOST_TEST(reply.isErrorDocument());
}

BOOST_AUTO_TEST_CASE(candles_refuse_bad_parameters) {
    const ApiFixture api;
    const auto token = api.aliceToken();
    BOOST_TEST(api.client().get("/api/candles/?symbol=DOGEUSDT", token).code() ==
               "symbol_not_found");
    BOOST_TEST(api.client().get("/api/candles/?symbol=btc", token).code() == "invalid_field");
    BOOST_TEST(api.client().get("/api/candles/?symbol=BTCUSDT&interval=7m", token).code() ==
               "invalid_field");
    BOOST_TEST(api.client().get("/api/candles/?symbol=BTCUSDT&limit=0", token).code() ==
               "invalid_field");
    BOOST_TEST(api.client().get("/api/candles/?symbol=BTCUSDT&limit=1001", token).code() ==
               "invalid_field");
    BOOST_TEST(api.client().get("/api/candles/", token).code() == "missing_field");
    BOOST_TEST(api.client().get("/api/candles/?symbol=BTCUSDT&foo=1", token).code() ==
               "unknown_field");
    BOOST_TEST(api.client().get("/api/candles/?intent=x&symbol=BTCUSDT", token).code() ==
               "invalid_field");
    BOOST_TEST(api.client().get("/api/candles/?intent=missing", token).code() == "not_found");
}

BOOST_AUTO_TEST_SUITE_END()
