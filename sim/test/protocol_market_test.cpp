#include "sim_client.hpp"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace robson::sim::test;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(sim_protocol_market)

BOOST_AUTO_TEST_CASE(ping_and_time_answer_binance_shapes_with_the_weight_header) {
    SimFixture sim;
    const Answer ping = sim.request("GET", "/api/v3/ping");
    BOOST_TEST(ping.status == 200);
    BOOST_TEST(ping.body == json::object());
    BOOST_TEST(ping.headers.at("X-MBX-USED-WEIGHT-1M") == "1");
    const Answer time = sim.request("GET", "/api/v3/time");
    BOOST_TEST(std::abs(time.body.at("serverTime").get<std::int64_t>() - wallNowMs()) < 5000);
    BOOST_TEST(time.headers.at("X-MBX-USED-WEIGHT-1M") == "2");
}

BOOST_AUTO_TEST_CASE(exchange_info_lists_status_precisions_order_types_and_filters) {
    SimFixture sim;
    const Answer info = sim.request("GET", "/api/v3/exchangeInfo?symbol=BTCUSDT");
    BOOST_TEST(info.status == 200);
    BOOST_TEST(info.body.at("timezone") == "UTC");
    BOOST_TEST(info.body.at("rateLimits")[0].at("limit") == 6000);
    const json& symbol = info.body.at("symbols")[0];
    BOOST_TEST(symbol.at("status") == "TRADING");
    BOOST_TEST(symbol.at("baseAsset") == "BTC");
    BOOST_TEST(symbol.at("quoteAssetPrecision") == 8);
    BOOST_TEST(symbol.at("orderTypes").size() == 5U);
    std::set<std::string> filters;
    for (const json& filter : symbol.at("filters")) {
        filters.insert(filter.at("filterType").get<std::string>());
        if (filter.at("filterType") == "LOT_SIZE") {
            BOOST_TEST(filter.at("stepSize") == "0.00001000");
        }
        if (filter.at("filterType") == "PRICE_FILTER") {
            BOOST_TEST(filter.at("tickSize") == "0.01000000");
        }
    }
    for (const char* name :
         {"PRICE_FILTER", "LOT_SIZE", "MARKET_LOT_SIZE", "NOTIONAL", "MAX_NUM_ORDERS"}) {
        BOOST_TEST(filters.contains(name), name);
    }
    const Answer all = sim.request("GET", "/api/v3/exchangeInfo");
    BOOST_TEST(all.body.at("symbols").size() == 3U);
    const Answer two =
        sim.request("GET", "/api/v3/exchangeInfo?symbols=%5B%22BTCUSDT%22,%22ETHUSDT%22%5D");
    BOOST_TEST(two.body.at("symbols").size() == 2U);
}

BOOST_AUTO_TEST_CASE(an_unknown_symbol_answers_1121_and_an_illegal_one_1100) {
    SimFixture sim;
    const Answer unknown = sim.request("GET", "/api/v3/exchangeInfo?symbol=NOPEUSDT");
    BOOST_TEST(unknown.status == 400);
    BOOST_TEST(unknown.body == (json{{"code", -1121}, {"msg", "Invalid symbol."}}));
    BOOST_TEST(sim.request("GET", "/api/v3/ticker/price?symbol=btc%20usdt").body.at("code") ==
               -1100);
}

BOOST_AUTO_TEST_CASE(klines_are_arrays_of_twelve_ending_with_the_forming_candle) {
    SimFixture sim;
    const Answer rows = sim.request("GET", "/api/v3/klines?symbol=BTCUSDT&interval=15m&limit=3");
    BOOST_TEST(rows.status == 200);
    BOOST_REQUIRE(rows.body.size() == 1U);  // random walk: only the forming candle exists yet
    const json& row = rows.body[0];
    BOOST_TEST(row.size() == 12U);
    BOOST_TEST(row[0].is_number_integer());
    BOOST_TEST(row[1].is_string());
    BOOST_TEST(row[6].get<std::int64_t>() == row[0].get<std::int64_t>() + 900'000 - 1);
    BOOST_TEST(row[8].is_number_integer());
    BOOST_TEST(row[11] == "0");
    BOOST_TEST(sim.request("GET", "/api/v3/klines?symbol=BTCUSDT&interval=7m").body.at("code") ==
               -1120);
    BOOST_TEST(sim.request("GET", "/api/v3/klines?symbol=BTCUSDT").body.at("msg") ==
               "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.");
}

BOOST_AUTO_TEST_CASE(tickers_depth_and_avg_price_quote_around_the_last_price) {
    SimFixture sim;
    sim.price("100");
    BOOST_TEST(sim.request("GET", "/api/v3/ticker/price?symbol=BTCUSDT").body ==
               (json{{"symbol", "BTCUSDT"}, {"price", "100.00000000"}}));
    const Answer book = sim.request("GET", "/api/v3/ticker/bookTicker?symbol=BTCUSDT");
    BOOST_TEST(book.body.at("bidPrice") == "99.99000000");
    BOOST_TEST(book.body.at("askPrice") == "100.01000000");
    const Answer depth = sim.request("GET", "/api/v3/depth?symbol=BTCUSDT&limit=5");
    BOOST_TEST(depth.body.at("bids").size() == 5U);
    BOOST_TEST(depth.body.at("asks")[0][0] == "100.01000000");
    BOOST_TEST(depth.headers.at("X-MBX-USED-WEIGHT-1M") == "9");  // 2 + 2 + 5; admin is free
    BOOST_TEST(sim.request("GET", "/api/v3/avgPrice?symbol=BTCUSDT").body.at("price") ==
               "100.00000000");
    const Answer day = sim.request("GET", "/api/v3/ticker/24hr?symbol=BTCUSDT");
    BOOST_TEST(day.body.at("lastPrice") == "100.00000000");
    BOOST_TEST(sim.request("GET", "/api/v3/ticker/price").body.size() == 3U);
}

BOOST_AUTO_TEST_CASE(unknown_paths_answer_404_and_wrong_methods_405) {
    SimFixture sim;
    BOOST_TEST(sim.request("GET", "/api/v3/nothing").status == 404);
    BOOST_TEST(sim.request("PUT", "/api/v3/ping").status == 405);
}

BOOST_AUTO_TEST_SUITE_END()
