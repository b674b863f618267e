#include "sim_client.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::sim::test;
using nlohmann::json;

namespace {
const std::string kVectorPayload =
    "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&"
    "timestamp=1499827319559";
}

BOOST_AUTO_TEST_SUITE(sim_protocol_signed)

BOOST_AUTO_TEST_CASE(hmac_matches_the_published_signing_examples) {
    BOOST_TEST(hmacHex(kApiSecret, kVectorPayload) ==
               "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    BOOST_TEST(hmacHex(kApiSecret,
                       "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=0.1&"
                       "recvWindow=5000&timestamp=1499827319559") ==
               "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
}

BOOST_AUTO_TEST_CASE(the_published_example_passes_the_signature_and_fails_only_on_its_old_time) {
    SimFixture sim;
    const Answer answer = sim.request(
        "POST",
        "/api/v3/order?" + kVectorPayload +
            "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
        "",
        kApiKey);
    BOOST_TEST(answer.status == 400);
    BOOST_TEST(answer.body.at("code") == -1021);
    BOOST_TEST(answer.body.at("msg") == "Timestamp for this request is outside of the recvWindow.");
}

BOOST_AUTO_TEST_CASE(query_and_body_are_signed_concatenated_without_separator) {
    SimFixture sim;
    const std::string query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC";
    const std::string body = "quantity=0.1&price=90&timestamp=" + std::to_string(wallNowMs());
    const std::string signature = hmacHex(kApiSecret, query + body);
    const Answer answer =
        sim.request("POST", "/api/v3/order?" + query, body + "&signature=" + signature, kApiKey);
    BOOST_TEST(answer.status == 200, answer.body.dump());
    BOOST_TEST(answer.body.value("status", "") == "NEW");
}

BOOST_AUTO_TEST_CASE(a_missing_or_malformed_key_is_2014_and_a_wrong_key_2015) {
    SimFixture sim;
    const Answer missing = sim.request("GET", "/api/v3/account?timestamp=1&signature=00");
    BOOST_TEST(missing.status == 401);
    BOOST_TEST(missing.body == (json{{"code", -2014}, {"msg", "API-key format invalid."}}));
    const Answer wrong =
        sim.request("GET", "/api/v3/account?timestamp=1&signature=00", "", "someOtherKey");
    BOOST_TEST(wrong.status == 401);
    BOOST_TEST(wrong.body.at("code") == -2015);
    BOOST_TEST(wrong.body.at("msg") == "Invalid API-key, IP, or permissions for action.");
}

BOOST_AUTO_TEST_CASE(a_bad_signature_is_1022_and_a_missing_one_1102) {
    SimFixture sim;
    const Answer bad =
        sim.request("GET",
                    "/api/v3/account?timestamp=" + std::to_string(wallNowMs()) + "&signature=abcd",
                    "",
                    kApiKey);
    BOOST_TEST(bad.body ==
               (json{{"code", -1022}, {"msg", "Signature for this request is not valid."}}));
    const Answer missing =
        sim.request("GET", "/api/v3/account?timestamp=" + std::to_string(wallNowMs()), "", kApiKey);
    BOOST_TEST(missing.body.at("code") == -1102);
    BOOST_TEST(missing.body.at("msg") ==
               "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
}

BOOST_AUTO_TEST_CASE(timestamps_ahead_or_outside_the_window_are_1021_with_both_texts) {
    SimFixture sim;
    const Answer ahead = sim.sign("GET", "/api/v3/account", "", false, 5000);
    BOOST_TEST(ahead.body.at("code") == -1021);
    BOOST_TEST(ahead.body.at("msg") ==
               "Timestamp for this request was 1000ms ahead of the server's time.");
    const Answer behind = sim.sign("GET", "/api/v3/account", "", false, -6000);
    BOOST_TEST(behind.body.at("msg") == "Timestamp for this request is outside of the recvWindow.");
    const Answer wide = sim.sign("GET", "/api/v3/account", "recvWindow=10000", false, -6000);
    BOOST_TEST(wide.status == 200);
    const Answer too_wide = sim.sign("GET", "/api/v3/account", "recvWindow=60001");
    BOOST_TEST(too_wide.body.at("code") == -1131);
}

BOOST_AUTO_TEST_CASE(the_account_lists_free_and_locked_balances_as_strings) {
    SimFixture sim;
    const Answer account = sim.sign("GET", "/api/v3/account", "");
    BOOST_TEST(account.status == 200);
    BOOST_TEST(account.body.at("accountType") == "SPOT");
    BOOST_TEST(account.body.at("canTrade") == true);
    BOOST_TEST(account.body.at("commissionRates").at("taker") == "0.00100000");
    bool found_usdt = false;
    for (const json& balance : account.body.at("balances")) {
        if (balance.at("asset") == "USDT") {
            found_usdt = true;
            BOOST_TEST(balance.at("free") == "10000.00000000");
            BOOST_TEST(balance.at("locked") == "0.00000000");
        }
    }
    BOOST_TEST(found_usdt);
    BOOST_TEST(account.headers.at("X-MBX-USED-WEIGHT-1M") == "20");
}

BOOST_AUTO_TEST_SUITE_END()
