// The gateway with no exchange listening: typed Network failures, no leaked keys.
#include "robson/binance/binance_gateway.hpp"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <boost/test/unit_test.hpp>

#include <string>

using robson::binance::BinanceConfig;
using robson::binance::BinanceGateway;
using robson::exchange::ExchangeErrorKind;
using robson::exchange::ExchangeException;

namespace {
constexpr const char* kKey = "offline-key-that-must-not-leak";
constexpr const char* kSecret = "offline-secret-that-must-not-leak";

/// A loopback URL on which nothing listens (a port that was just free).
std::string closedPortUrl() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    const auto port = socket.address().port();
    socket.close();
    return "http://127.0.0.1:" + std::to_string(port);
}

bool isNetworkWithoutSecrets(const ExchangeException& e) {
    const std::string text = e.what();
    return e.kind() == ExchangeErrorKind::Network && text.find(kKey) == std::string::npos &&
           text.find(kSecret) == std::string::npos && text.find("signature") == std::string::npos;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(gateway_offline)

BOOST_AUTO_TEST_CASE(an_unreachable_exchange_is_a_network_error_naming_no_key) {
    auto config = BinanceConfig::forUrl(closedPortUrl(), kKey, kSecret);
    BinanceGateway gateway(config);
    BOOST_CHECK_EXCEPTION(
        (void)gateway.lastPrice("BTCUSDT"), ExchangeException, isNetworkWithoutSecrets);
    BOOST_CHECK_EXCEPTION((void)gateway.balances(), ExchangeException, isNetworkWithoutSecrets);
}

BOOST_AUTO_TEST_CASE(an_order_that_could_not_be_sent_is_rejected_not_unknown) {
    auto config = BinanceConfig::forUrl(closedPortUrl(), kKey, kSecret);
    BinanceGateway gateway(config);
    robson::domain::PlannedOrder order;
    order.client_order_id = "rb-1-e";
    order.symbol = "BTCUSDT";
    order.quantity = robson::domain::Decimal::fromString("0.001");
    const auto result = gateway.placeOrder(order);
    BOOST_REQUIRE(result.rejected());
    BOOST_TEST((result.error().kind == ExchangeErrorKind::Network));
}

BOOST_AUTO_TEST_CASE(a_url_with_another_scheme_is_refused_at_construction) {
    BOOST_CHECK_THROW(BinanceGateway(BinanceConfig::forUrl("ftp://127.0.0.1:1", "k", "s")),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
