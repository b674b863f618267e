// Connection reuse: a gateway sends all its calls, signed and public, time syncs included,
// over one keep-alive connection (Binance counts connections, and a TLS handshake per call
// would cost more than the call).
#include "fake_exchange.hpp"
#include "robson/binance/binance_gateway.hpp"
#include "robson/testing/domain_printing.hpp"
#include "testdata.hpp"

#include <boost/test/unit_test.hpp>

using robson::binance::BinanceConfig;
using robson::binance::BinanceGateway;
using robson::binance::testing::FakeExchange;
using robson::binance::testing::FakeReply;
using robson::binance::testing::readTestdata;

namespace {
FakeReply ok(std::string body) {
    return FakeReply{200, std::move(body), {}, false};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(gateway_keepalive)

BOOST_AUTO_TEST_CASE(several_calls_reuse_one_keep_alive_connection) {
    FakeExchange exchange;
    exchange.push(ok(R"({"symbol":"BTCUSDT","price":"95432.10"})"));
    exchange.push(ok(readTestdata("account.json")));
    exchange.push(ok(readTestdata("book_ticker.json")));
    exchange.push(ok(readTestdata("account.json")));
    BinanceGateway gateway(BinanceConfig::forUrl(exchange.url(), "fake-key", "fake-secret"));
    BOOST_TEST(gateway.lastPrice("BTCUSDT").isPositive());
    BOOST_TEST(gateway.balances().size() == 2U);  // syncs the time first: three more requests
    BOOST_TEST(gateway.bookTicker("BTCUSDT").bid_price.isPositive());
    BOOST_TEST(gateway.balances().size() == 2U);
    BOOST_TEST(exchange.requests().size() == 4U);
    BOOST_TEST(exchange.acceptedConnections() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
