// The gateway's wire behaviour against a scripted server: exact signed bytes, -1021 re-sync,
// rate limits, lost connections, no HTTP-layer resend of orders.
#include "fake_exchange.hpp"
#include "robson/binance/binance_gateway.hpp"
#include "robson/binance/signer.hpp"
#include "robson/testing/domain_printing.hpp"
#include "testdata.hpp"

#include <boost/test/unit_test.hpp>

using robson::binance::BinanceConfig;
using robson::binance::BinanceGateway;
using robson::binance::testing::FakeExchange;
using robson::binance::testing::FakeReply;
using robson::binance::testing::readTestdata;
using robson::exchange::ExchangeErrorKind;
using robson::exchange::ExchangeException;

namespace {
constexpr const char* kKey = "fake-key";
constexpr const char* kSecret = "fake-secret";

struct FakeFixture {
    FakeExchange exchange;
    BinanceConfig config = [this] {
        auto c = BinanceConfig::forUrl(exchange.url(), kKey, kSecret);
        c.read_timeout = std::chrono::milliseconds(3000);
        c.order_read_timeout = std::chrono::milliseconds(3000);
        return c;
    }();
};

FakeReply ok(std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
    return FakeReply{200, std::move(body), std::move(headers), false};
}

FakeReply error(int status, int code, const char* msg) {
    return FakeReply{
        status, R"({"code":)" + std::to_string(code) + R"(,"msg":")" + msg + R"("})", {}, false};
}

robson::domain::PlannedOrder limitBuy(const char* client_id) {
    robson::domain::PlannedOrder order;
    order.client_order_id = client_id;
    order.symbol = "BTCUSDT";
    order.type = robson::domain::OrderType::Limit;
    order.quantity = robson::domain::Decimal::fromString("0.0005");
    order.price = robson::domain::Decimal::fromString("93000.5");
    order.time_in_force = robson::domain::TimeInForce::Gtc;
    return order;
}

/// True when the target's signature is the HMAC of everything before "&signature=".
bool signatureMatches(const std::string& target) {
    const auto query_start = target.find('?') + 1;
    const auto signature_at = target.find("&signature=");
    const std::string signed_part = target.substr(query_start, signature_at - query_start);
    return target.substr(signature_at + 11) == robson::binance::hmacSha256Hex(kSecret, signed_part);
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(gateway_wire, FakeFixture)

BOOST_AUTO_TEST_CASE(a_signed_request_sends_exactly_the_bytes_it_signed) {
    exchange.push(ok(readTestdata("account.json")));
    BinanceGateway gateway(config);
    BOOST_TEST(gateway.balances().size() == 2U);
    const auto requests = exchange.requests();
    BOOST_REQUIRE_EQUAL(requests.size(), 1U);
    BOOST_TEST(requests[0].api_key == kKey);
    BOOST_TEST(requests[0].target.rfind("/api/v3/account?recvWindow=5000&timestamp=", 0) == 0);
    BOOST_TEST(signatureMatches(requests[0].target));
}

BOOST_AUTO_TEST_CASE(an_order_is_encoded_once_and_asks_for_the_full_response) {
    exchange.push(ok(readTestdata("order_result.json")));
    BinanceGateway gateway(config);
    BOOST_TEST(gateway.placeOrder(limitBuy("rb-7:e/1")).placed());
    const auto target = exchange.requests().at(0).target;
    BOOST_TEST(exchange.requests().at(0).method == "POST");
    BOOST_TEST(target.find("/api/v3/order?symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&"
                           "quantity=0.0005&price=93000.5&newClientOrderId=rb-7%3Ae%2F1&"
                           "newOrderRespType=FULL&recvWindow=5000&timestamp=") == 0);
    BOOST_TEST(signatureMatches(target));
}

BOOST_AUTO_TEST_CASE(public_requests_carry_neither_key_nor_signature) {
    exchange.push(ok(R"({"symbol":"BTCUSDT","price":"95432.10"})"));
    BinanceGateway gateway(config);
    BOOST_TEST(gateway.lastPrice("BTCUSDT") == robson::domain::Decimal::fromString("95432.1"));
    const auto request = exchange.requests().at(0);
    BOOST_TEST(request.api_key.empty());
    BOOST_TEST(request.target == "/api/v3/ticker/price?symbol=BTCUSDT");
}

BOOST_AUTO_TEST_CASE(candles_until_asks_for_klines_ending_at_the_end_time) {
    exchange.push(ok(readTestdata("klines.json")));
    exchange.push(ok(readTestdata("klines.json")));
    BinanceGateway gateway(config);
    const auto window = gateway.candlesUntil("BTCUSDT", "15m", 50, 1787667300000);
    BOOST_REQUIRE_EQUAL(window.size(), 2U);
    BOOST_TEST(window[1].open_time_ms == 1787667300000);
    (void)gateway.candles("BTCUSDT", "15m", 50);
    const auto requests = exchange.requests();
    BOOST_REQUIRE_EQUAL(requests.size(), 2U);
    BOOST_TEST(requests[0].target ==
               "/api/v3/klines?symbol=BTCUSDT&interval=15m&limit=50&endTime=1787667300000");
    // The latest candles stay a request without endTime (the exchange's "now").
    BOOST_TEST(requests[1].target == "/api/v3/klines?symbol=BTCUSDT&interval=15m&limit=50");
}

BOOST_AUTO_TEST_CASE(the_timestamp_follows_the_server_clock) {
    exchange.setServerSkewMs(-7'200'000);
    exchange.push(ok(readTestdata("account.json")));
    BinanceGateway gateway(config);
    (void)gateway.balances();
    BOOST_TEST(gateway.clockOffsetMs() < -7'100'000);
    BOOST_TEST(gateway.clockOffsetMs() > -7'300'000);
}

BOOST_AUTO_TEST_CASE(minus_1021_resyncs_and_resends_once_then_gives_up) {
    exchange.push(error(400, -1021, "Timestamp for this request is outside of the recvWindow."));
    exchange.push(ok(readTestdata("account.json")));
    BinanceGateway gateway(config);
    BOOST_TEST(gateway.balances().size() == 2U);
    BOOST_TEST(exchange.requests().size() == 2U);
    exchange.push(error(400, -1021, "outside"));
    exchange.push(error(400, -1021, "outside"));
    BOOST_CHECK_EXCEPTION(
        (void)gateway.balances(), ExchangeException, [](const ExchangeException& e) {
            return e.kind() == ExchangeErrorKind::ClockSkew;
        });
    BOOST_TEST(exchange.requests().size() == 4U);
}

BOOST_AUTO_TEST_CASE(a_429_beyond_the_allowed_wait_is_rate_limited_and_blocks_later_calls) {
    config.max_rate_limit_wait = std::chrono::milliseconds(500);
    exchange.push(FakeReply{429,
                            R"({"code":-1003,"msg":"Too much request weight used"})",
                            {{"Retry-After", "30"}},
                            false});
    BinanceGateway gateway(config);
    BOOST_CHECK_EXCEPTION(
        (void)gateway.lastPrice("BTCUSDT"), ExchangeException, [](const ExchangeException& e) {
            return e.kind() == ExchangeErrorKind::RateLimited &&
                   e.error().retry_after == std::chrono::seconds(30);
        });
    BOOST_CHECK_EXCEPTION(
        (void)gateway.lastPrice("BTCUSDT"), ExchangeException, [](const ExchangeException& e) {
            return e.kind() == ExchangeErrorKind::RateLimited && e.error().http_status == 0;
        });
    BOOST_TEST(exchange.requests().size() == 1U);  // the second call was never sent
}

BOOST_AUTO_TEST_CASE(a_short_retry_after_is_waited_out_and_the_call_succeeds) {
    config.max_rate_limit_wait = std::chrono::milliseconds(2000);
    exchange.push(
        FakeReply{429, R"({"code":-1003,"msg":"Too many"})", {{"Retry-After", "1"}}, false});
    exchange.push(ok(R"({"symbol":"BTCUSDT","price":"1.5"})"));
    BinanceGateway gateway(config);
    BOOST_TEST(gateway.lastPrice("BTCUSDT") == robson::domain::Decimal::fromString("1.5"));
    BOOST_TEST(exchange.requests().size() == 2U);
}

BOOST_AUTO_TEST_CASE(used_weight_near_the_limit_holds_the_next_call) {
    config.max_weight_per_minute = 100;
    config.max_rate_limit_wait = std::chrono::milliseconds(0);
    exchange.push(ok(R"({"symbol":"BTCUSDT","price":"1.5"})", {{"X-MBX-USED-WEIGHT-1M", "99"}}));
    BinanceGateway gateway(config);
    (void)gateway.lastPrice("BTCUSDT");
    BOOST_TEST(gateway.usedWeight() == 99);
    BOOST_CHECK_EXCEPTION(
        (void)gateway.lastPrice("BTCUSDT"), ExchangeException, [](const ExchangeException& e) {
            return e.kind() == ExchangeErrorKind::RateLimited;
        });
    BOOST_TEST(exchange.requests().size() == 1U);
}

BOOST_AUTO_TEST_CASE(an_order_whose_connection_drops_is_unknown_and_never_resent) {
    exchange.push(FakeReply{0, "", {}, true});
    BinanceGateway gateway(config);
    const auto result = gateway.placeOrder(limitBuy("rb-8-e"));
    BOOST_REQUIRE(result.unknown());
    BOOST_TEST((result.error().kind == ExchangeErrorKind::UnknownStatus));
    BOOST_TEST(exchange.requests().size() == 1U);
    BOOST_TEST(result.error().describe().find("signature") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_order_timeout_applies_on_a_reused_connection) {
    config.read_timeout = std::chrono::milliseconds(3000);
    config.order_read_timeout = std::chrono::milliseconds(200);
    exchange.push(ok(R"({"symbol":"BTCUSDT","price":"2"})"));
    auto slow = ok(readTestdata("order_full.json"));
    slow.delay = std::chrono::milliseconds(800);
    exchange.push(slow);
    BinanceGateway gateway(config);
    (void)gateway.lastPrice("BTCUSDT");  // connects with the 3 s read timeout
    const auto result = gateway.placeOrder(limitBuy("rb-12-e"));
    BOOST_REQUIRE(result.unknown());
    BOOST_TEST((result.error().kind == ExchangeErrorKind::UnknownStatus));
}

BOOST_AUTO_TEST_CASE(a_read_whose_connection_drops_is_resent_once) {
    exchange.push(FakeReply{0, "", {}, true});
    exchange.push(ok(R"({"symbol":"BTCUSDT","price":"2"})"));
    BinanceGateway gateway(config);
    BOOST_TEST(gateway.lastPrice("BTCUSDT") == robson::domain::Decimal::fromString("2"));
    BOOST_TEST(exchange.requests().size() == 2U);
}

BOOST_AUTO_TEST_CASE(a_5xx_order_answer_is_unknown_and_a_5xx_read_throws_unknown_status) {
    exchange.push(FakeReply{503, "Service Unavailable", {}, false});
    exchange.push(error(500, -1007, "Timeout waiting for response from backend server."));
    BinanceGateway gateway(config);
    BOOST_TEST(gateway.placeOrder(limitBuy("rb-9-e")).unknown());
    BOOST_CHECK_EXCEPTION(
        (void)gateway.lastPrice("BTCUSDT"), ExchangeException, [](const ExchangeException& e) {
            return e.kind() == ExchangeErrorKind::UnknownStatus && e.error().code == -1007;
        });
    BOOST_TEST(exchange.requests().size() == 2U);
}

BOOST_AUTO_TEST_CASE(an_unreadable_success_answer_to_an_order_is_unknown) {
    exchange.push(ok("<html>proxy</html>"));
    BinanceGateway gateway(config);
    const auto result = gateway.placeOrder(limitBuy("rb-10-e"));
    BOOST_REQUIRE(result.unknown());
    BOOST_TEST((result.error().kind == ExchangeErrorKind::UnknownStatus));
}

BOOST_AUTO_TEST_CASE(a_minus_2013_query_is_absent_and_a_cancel_maps_its_answer) {
    exchange.push(error(400, -2013, "Order does not exist."));
    exchange.push(ok(readTestdata("order_cancel.json")));
    BinanceGateway gateway(config);
    BOOST_TEST(!gateway.queryOrder("BTCUSDT", "rb-11-e").has_value());
    const auto cancelled = gateway.cancelOrder("BTCUSDT", "rb-42-s");
    BOOST_TEST(cancelled.client_order_id == "rb-42-s");
    BOOST_TEST(exchange.requests().at(1).method == "DELETE");
    BOOST_TEST(exchange.requests().at(1).target.find("origClientOrderId=rb-42-s") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(exchange_info_is_fetched_once_per_ttl) {
    exchange.push(ok(readTestdata("exchange_info.json")));
    BinanceGateway gateway(config);
    BOOST_TEST(gateway.symbolRules("BTCUSDT").tick_size ==
               robson::domain::Decimal::fromString("0.01"));
    BOOST_TEST(gateway.symbolRules("ETHBTC").step_size ==
               robson::domain::Decimal::fromString("0.0001"));
    BOOST_TEST(exchange.requests().size() == 1U);
}

BOOST_AUTO_TEST_SUITE_END()
