// Every endpoint the adapter uses, against robson-exchange-sim on loopback.
#include "sim_fixture.hpp"

using robson::binance::testing::limitBuy;
using robson::binance::testing::plannedOrder;
using robson::binance::testing::SimFixture;
using robson::domain::Decimal;
using robson::domain::OrderType;
using robson::domain::Side;
using robson::exchange::ExchangeErrorKind;
using robson::exchange::ExchangeException;
using robson::exchange::OrderStatus;

namespace {
Decimal d(const char* text) {
    return Decimal::fromString(text);
}
Decimal freeOf(const std::vector<robson::exchange::Balance>& balances, const char* asset) {
    for (const auto& balance : balances) {
        if (balance.asset == asset) {
            return balance.free;
        }
    }
    return {};
}
Decimal lockedOf(const std::vector<robson::exchange::Balance>& balances, const char* asset) {
    for (const auto& balance : balances) {
        if (balance.asset == asset) {
            return balance.locked;
        }
    }
    return {};
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(gateway_against_simulator,
                         SimFixture,
                         *boost::unit_test::precondition(robson::binance::testing::simulatorBuilt))

BOOST_AUTO_TEST_CASE(ping_and_time_sync_give_a_small_offset) {
    gateway.ping();
    gateway.syncTime();
    BOOST_TEST(std::abs(gateway.clockOffsetMs()) < 1000);
}

BOOST_AUTO_TEST_CASE(symbol_rules_come_from_exchange_info_and_are_cached) {
    const auto rules = gateway.symbolRules("BTCUSDT");
    const auto expected = robson::domain::defaultSpotRules("BTCUSDT");
    BOOST_TEST(rules.tick_size == expected.tick_size);
    BOOST_TEST(rules.step_size == expected.step_size);
    BOOST_TEST(rules.min_notional == expected.min_notional);
    BOOST_TEST(rules.max_num_orders.value_or(0) == 200);     // what the execute stage counts to
    BOOST_TEST(rules.max_num_algo_orders.value_or(0) == 5);  // and its stops to
    BOOST_TEST(rules.base_asset == "BTC");
    BOOST_TEST(rules.allows(OrderType::StopLossLimit));
    const int weight_after_first = gateway.usedWeight();
    (void)gateway.symbolRules("BTCUSDT");
    BOOST_TEST(gateway.usedWeight() == weight_after_first);  // no second request
}

BOOST_AUTO_TEST_CASE(candles_are_well_formed_and_oldest_first) {
    const auto candles = gateway.candles("BTCUSDT", "15m", 20);
    BOOST_REQUIRE_EQUAL(candles.size(), 20U);
    for (std::size_t i = 0; i < candles.size(); ++i) {
        BOOST_TEST(robson::domain::isWellFormed(candles[i]), "candle " << i);
        if (i > 0) {
            BOOST_TEST(candles[i].open_time_ms - candles[i - 1].open_time_ms == 900'000);
        }
    }
}

BOOST_AUTO_TEST_CASE(candles_until_an_end_time_are_the_window_opened_at_or_before_it) {
    const auto latest = gateway.candles("BTCUSDT", "15m", 100);
    BOOST_REQUIRE_EQUAL(latest.size(), 100U);
    // An end time inside an older candle (not on its open): that candle is the last one.
    const std::int64_t end = latest[39].open_time_ms + 60'000;
    const auto window = gateway.candlesUntil("BTCUSDT", "15m", 10, end);
    BOOST_REQUIRE_EQUAL(window.size(), 10U);
    BOOST_TEST(window.back().open_time_ms == latest[39].open_time_ms);
    BOOST_TEST(window.front().open_time_ms == latest[30].open_time_ms);
    BOOST_TEST(window.back().close == latest[39].close);
}

BOOST_AUTO_TEST_CASE(last_price_and_book_ticker_follow_the_admin_price) {
    admin.setPrice("BTCUSDT", "95432.10");
    BOOST_TEST(gateway.lastPrice("BTCUSDT") == d("95432.1"));
    const auto book = gateway.bookTicker("BTCUSDT");
    BOOST_TEST(book.symbol == "BTCUSDT");
    BOOST_TEST(book.bid_price <= d("95432.1"));
    BOOST_TEST(book.ask_price >= d("95432.1"));
    BOOST_TEST(book.bid_price < book.ask_price);
}

BOOST_AUTO_TEST_CASE(balances_start_at_the_documented_defaults) {
    const auto balances = gateway.balances();
    BOOST_TEST(freeOf(balances, "USDT") == d("10000"));
    BOOST_TEST(freeOf(balances, "BTC") == d("0.5"));
}

BOOST_AUTO_TEST_CASE(a_market_buy_fills_and_its_trades_and_query_agree) {
    admin.setPrice("BTCUSDT", "95000");
    const auto result =
        gateway.placeOrder(plannedOrder("it-mkt-1", Side::Buy, OrderType::Market, "0.001"));
    BOOST_REQUIRE(result.placed());
    const auto& order = result.order();
    BOOST_TEST((order.status == OrderStatus::Filled));
    BOOST_TEST(order.client_order_id == "it-mkt-1");
    BOOST_TEST(order.executed_quantity == d("0.001"));
    BOOST_TEST(!order.fills.empty());
    BOOST_TEST(order.commissionIn("BTC") == d("0.000001"));
    const auto trades = gateway.trades("BTCUSDT", order.order_id);
    BOOST_REQUIRE(!trades.empty());
    BOOST_TEST(trades.front().order_id == order.order_id);
    const auto queried = gateway.queryOrder("BTCUSDT", "it-mkt-1");
    BOOST_REQUIRE(queried.has_value());
    BOOST_TEST(queried->order_id == order.order_id);
    BOOST_TEST((queried->status == OrderStatus::Filled));
    BOOST_TEST(freeOf(gateway.balances(), "BTC") == d("0.500999"));
}

BOOST_AUTO_TEST_CASE(a_limit_order_rests_locks_quote_and_cancels) {
    admin.setPrice("BTCUSDT", "95000");
    const auto result = gateway.placeOrder(limitBuy("it-lim-1", "0.01", "90000"));
    BOOST_REQUIRE(result.placed());
    BOOST_TEST((result.order().status == OrderStatus::New));
    const auto open = gateway.openOrders("BTCUSDT");
    BOOST_REQUIRE_EQUAL(open.size(), 1U);
    BOOST_TEST(open.front().client_order_id == "it-lim-1");
    BOOST_TEST(lockedOf(gateway.balances(), "USDT") == d("900"));
    const auto cancelled = gateway.cancelOrder("BTCUSDT", "it-lim-1");
    BOOST_TEST((cancelled.status == OrderStatus::Canceled));
    BOOST_TEST(cancelled.client_order_id == "it-lim-1");
    BOOST_TEST(gateway.openOrders("BTCUSDT").empty());
    BOOST_TEST(lockedOf(gateway.balances(), "USDT") == Decimal());
}

BOOST_AUTO_TEST_CASE(a_stop_loss_limit_is_accepted_with_its_stop_price) {
    admin.setPrice("BTCUSDT", "95000");
    auto stop = plannedOrder("it-stop-1", Side::Sell, OrderType::StopLossLimit, "0.001");
    stop.stop_price = d("93000");
    stop.price = d("92900");
    stop.time_in_force = robson::domain::TimeInForce::Gtc;
    const auto result = gateway.placeOrder(stop);
    BOOST_REQUIRE(result.placed());
    const auto queried = gateway.queryOrder("BTCUSDT", "it-stop-1");
    BOOST_REQUIRE(queried.has_value());
    BOOST_TEST((queried->type == OrderType::StopLossLimit));
    BOOST_TEST(queried->stop_price == d("93000"));
    BOOST_TEST(queried->price == d("92900"));
    BOOST_TEST((queried->status == OrderStatus::New));
}

BOOST_AUTO_TEST_CASE(querying_an_unknown_client_id_gives_nothing) {
    BOOST_TEST(!gateway.queryOrder("BTCUSDT", "it-never-sent").has_value());
}

BOOST_AUTO_TEST_CASE(cancelling_an_unknown_order_is_unknown_order) {
    BOOST_CHECK_EXCEPTION(gateway.cancelOrder("BTCUSDT", "it-never-sent"),
                          ExchangeException,
                          [](const ExchangeException& e) {
                              return e.kind() == ExchangeErrorKind::UnknownOrder &&
                                     e.error().code == -2011;
                          });
}

BOOST_AUTO_TEST_SUITE_END()
