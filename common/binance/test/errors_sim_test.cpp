// Every error code the adapter maps, provoked on the simulator.
#include "sim_fixture.hpp"

#include <atomic>
#include <memory>

using robson::binance::BinanceGateway;
using robson::binance::testing::limitBuy;
using robson::binance::testing::plannedOrder;
using robson::binance::testing::SimFixture;
using robson::binance::testing::testConfig;
using robson::domain::OrderType;
using robson::domain::Side;
using robson::exchange::ExchangeErrorKind;
using robson::exchange::ExchangeException;

namespace {
auto isKind(ExchangeErrorKind kind, int code) {
    return [kind, code](const ExchangeException& e) {
        return e.kind() == kind && e.error().code == code && SimFixture::leaksNoKey(e.what());
    };
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(errors_against_simulator,
                         SimFixture,
                         *boost::unit_test::precondition(robson::binance::testing::simulatorBuilt))

BOOST_AUTO_TEST_CASE(a_quantity_off_the_lot_step_is_a_filter_failure) {
    const auto result =
        gateway.placeOrder(plannedOrder("it-f-1", Side::Buy, OrderType::Market, "0.000001"));
    BOOST_REQUIRE(result.rejected());
    BOOST_TEST((result.error().kind == ExchangeErrorKind::FilterFailure));
    BOOST_TEST(result.error().code == -1013);
    BOOST_TEST(result.error().message.find("LOT_SIZE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(too_little_quote_is_insufficient_balance) {
    admin.setBalance("USDT", "1");
    admin.setPrice("BTCUSDT", "95000");
    const auto result =
        gateway.placeOrder(plannedOrder("it-f-2", Side::Buy, OrderType::Market, "0.01"));
    BOOST_REQUIRE(result.rejected());
    BOOST_TEST((result.error().kind == ExchangeErrorKind::InsufficientBalance));
    BOOST_TEST(result.error().code == -2010);
}

BOOST_AUTO_TEST_CASE(an_open_client_id_is_a_duplicate_and_reconcile_adopts_it) {
    admin.setPrice("BTCUSDT", "95000");
    const auto first = gateway.placeOrder(limitBuy("it-dup-1", "0.001", "90000"));
    BOOST_REQUIRE(first.placed());
    const auto second = gateway.placeOrder(limitBuy("it-dup-1", "0.001", "90000"));
    BOOST_REQUIRE(second.rejected());
    BOOST_TEST((second.error().kind == ExchangeErrorKind::DuplicateOrder));
    const auto adopted = gateway.placeOrReconcile(limitBuy("it-dup-1", "0.001", "90000"));
    BOOST_REQUIRE(adopted.placed());
    BOOST_TEST(adopted.order().order_id == first.order().order_id);
    BOOST_TEST(gateway.openOrders("BTCUSDT").size() == 1U);
}

BOOST_AUTO_TEST_CASE(an_unknown_symbol_is_a_bad_request) {
    BOOST_CHECK_EXCEPTION((void)gateway.lastPrice("NOPEUSDT"),
                          ExchangeException,
                          isKind(ExchangeErrorKind::BadRequest, -1121));
    BOOST_CHECK_EXCEPTION((void)gateway.symbolRules("NOPEUSDT"),
                          ExchangeException,
                          isKind(ExchangeErrorKind::BadRequest, -1121));
}

BOOST_AUTO_TEST_CASE(a_wrong_secret_is_an_auth_error_naming_no_key) {
    auto config = testConfig(sim.url());
    config.api_secret = robson::binance::Secret("not-the-secret");
    BinanceGateway wrong(config);
    BOOST_CHECK_EXCEPTION(
        (void)wrong.balances(), ExchangeException, isKind(ExchangeErrorKind::Auth, -1022));
    const auto result =
        wrong.placeOrder(plannedOrder("it-auth-1", Side::Buy, OrderType::Market, "0.001"));
    BOOST_REQUIRE(result.rejected());
    BOOST_TEST((result.error().kind == ExchangeErrorKind::Auth));
    BOOST_TEST(SimFixture::leaksNoKey(result.error().describe()));
    BOOST_TEST(result.error().describe().find("not-the-secret") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_key_is_an_auth_error) {
    auto config = testConfig(sim.url());
    config.api_key = robson::binance::Secret("unknown-key");
    BinanceGateway wrong(config);
    BOOST_CHECK_EXCEPTION(
        (void)wrong.balances(), ExchangeException, isKind(ExchangeErrorKind::Auth, -2015));
}

BOOST_AUTO_TEST_CASE(clock_skew_is_resynced_and_the_request_resent_once) {
    // A local clock that jumps an hour ahead after the first sync: the next signed request
    // is answered -1021, the gateway re-syncs and succeeds.
    auto shift = std::make_shared<std::atomic<std::int64_t>>(0);
    BinanceGateway skewed(testConfig(sim.url()), [shift] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count() +
               shift->load();
    });
    skewed.syncTime();
    shift->store(3'600'000);
    const auto balances = skewed.balances();
    BOOST_TEST(!balances.empty());
    BOOST_TEST(skewed.clockOffsetMs() < -3'500'000);
}

BOOST_AUTO_TEST_CASE(a_rate_limit_burst_is_rate_limited_and_retry_after_is_honoured) {
    auto config = testConfig(sim.url());
    config.max_rate_limit_wait = std::chrono::milliseconds(0);
    BinanceGateway strict(config);
    admin.armFaults({{"rate_limit_burst", 1}});
    BOOST_CHECK_EXCEPTION(
        (void)strict.lastPrice("BTCUSDT"), ExchangeException, [](const ExchangeException& e) {
            return e.kind() == ExchangeErrorKind::RateLimited && e.error().http_status == 429 &&
                   e.error().retry_after;
        });
    // Until Retry-After has passed the gateway does not send at all (code 0: refused locally).
    BOOST_CHECK_EXCEPTION(
        (void)strict.lastPrice("BTCUSDT"), ExchangeException, [](const ExchangeException& e) {
            return e.kind() == ExchangeErrorKind::RateLimited && e.error().http_status == 0;
        });
}

BOOST_AUTO_TEST_SUITE_END()
