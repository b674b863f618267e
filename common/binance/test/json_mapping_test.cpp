#include "robson/binance/binance_json.hpp"
#include "robson/testing/domain_printing.hpp"
#include "testdata.hpp"

#include <boost/test/unit_test.hpp>

using robson::binance::testing::readTestdata;
using robson::domain::Decimal;
using robson::domain::OrderType;
using robson::exchange::ExchangeErrorKind;
using robson::exchange::ExchangeException;
using robson::exchange::OrderStatus;

namespace {
Decimal d(const char* text) {
    return Decimal::fromString(text);
}
bool isBadResponse(const ExchangeException& e) {
    return e.kind() == ExchangeErrorKind::BadResponse;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(json_mapping)

BOOST_AUTO_TEST_CASE(exchange_info_maps_filters_status_and_order_types_to_symbol_rules) {
    const auto all = robson::binance::parseExchangeInfo(readTestdata("exchange_info.json"));
    BOOST_REQUIRE_EQUAL(all.size(), 2U);
    const auto& btc = all[0];
    BOOST_TEST(btc.symbol == "BTCUSDT");
    BOOST_TEST(btc.base_asset == "BTC");
    BOOST_TEST(btc.quote_asset == "USDT");
    BOOST_TEST((btc.status == robson::domain::SymbolStatus::Trading));
    BOOST_TEST(btc.tick_size == d("0.01"));
    BOOST_TEST(btc.min_price == d("0.01"));
    BOOST_TEST(btc.max_price == d("1000000"));
    BOOST_TEST(btc.step_size == d("0.00001"));
    BOOST_TEST(btc.min_qty == d("0.00001"));
    BOOST_TEST(btc.max_qty == d("9000"));
    BOOST_TEST(btc.order_types.size() == 5U);
    BOOST_TEST(btc.allows(OrderType::StopLossLimit));
    BOOST_TEST(!btc.allows(OrderType::StopLoss));
}

BOOST_AUTO_TEST_CASE(notional_wins_over_legacy_min_notional_whatever_the_order) {
    const auto all = robson::binance::parseExchangeInfo(readTestdata("exchange_info.json"));
    BOOST_TEST(all[0].min_notional == d("5"));
    BOOST_TEST(all[0].max_notional == d("9000000"));
}

BOOST_AUTO_TEST_CASE(legacy_min_notional_applies_when_notional_is_absent) {
    const auto all = robson::binance::parseExchangeInfo(readTestdata("exchange_info.json"));
    BOOST_TEST(all[1].min_notional == d("0.0001"));
    BOOST_TEST(all[1].max_notional == Decimal());
}

BOOST_AUTO_TEST_CASE(market_lot_size_is_kept_as_sent_with_zeros_meaning_no_limit) {
    const auto all = robson::binance::parseExchangeInfo(readTestdata("exchange_info.json"));
    BOOST_TEST(all[0].market_step_size == Decimal());
    BOOST_TEST(all[0].market_max_qty == d("98.25473541"));
    BOOST_TEST(!all[0].checkQuantity(d("0.00123"), true).has_value());
    BOOST_TEST(all[0].checkQuantity(d("99"), true).has_value());
    BOOST_TEST(all[1].market_step_size == d("0.001"));
    BOOST_TEST(all[1].market_min_qty == d("0.001"));
    BOOST_TEST(all[1].market_max_qty == d("2500"));
}

BOOST_AUTO_TEST_CASE(status_break_and_unknown_order_types_are_handled) {
    const auto all = robson::binance::parseExchangeInfo(readTestdata("exchange_info.json"));
    BOOST_TEST((all[1].status == robson::domain::SymbolStatus::Break));
    BOOST_TEST(all[1].order_types.size() == 3U);  // FUTURE_TYPE ignored
}

BOOST_AUTO_TEST_CASE(max_num_orders_is_the_open_order_limit_and_an_absent_filter_none) {
    const auto all = robson::binance::parseExchangeInfo(readTestdata("exchange_info.json"));
    BOOST_TEST(all[0].max_num_orders.value_or(0) == 200);
    BOOST_TEST(!all[1].max_num_orders.has_value());  // ETHBTC's filters have no MAX_NUM_ORDERS
}

BOOST_AUTO_TEST_CASE(a_max_num_orders_filter_without_a_usable_count_is_a_bad_response) {
    const auto body = [](const std::string& filter) {
        return R"({"symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC",)"
               R"("quoteAsset":"USDT","orderTypes":["MARKET"],"filters":[)" +
               filter + "]}]}";
    };
    const auto parsed = robson::binance::parseExchangeInfo(
        body(R"({"filterType":"MAX_NUM_ORDERS","maxNumOrders":25})"));
    BOOST_TEST(parsed.at(0).max_num_orders.value_or(0) == 25);
    for (const char* filter : {R"({"filterType":"MAX_NUM_ORDERS"})",
                               R"({"filterType":"MAX_NUM_ORDERS","maxNumOrders":"200"})",
                               R"({"filterType":"MAX_NUM_ORDERS","maxNumOrders":-1})",
                               R"({"filterType":"MAX_NUM_ORDERS","maxNumOrders":2.5})"}) {
        BOOST_CHECK_EXCEPTION((void)robson::binance::parseExchangeInfo(body(filter)),
                              ExchangeException,
                              isBadResponse);
    }
}

BOOST_AUTO_TEST_CASE(max_num_algo_orders_is_the_stop_order_limit_and_an_absent_filter_none) {
    const auto all = robson::binance::parseExchangeInfo(readTestdata("exchange_info.json"));
    BOOST_TEST(all[0].max_num_algo_orders.value_or(0) == 5);
    BOOST_TEST(!all[1].max_num_algo_orders.has_value());  // ETHBTC's filters have none
}

BOOST_AUTO_TEST_CASE(a_max_num_algo_orders_filter_without_a_usable_count_is_a_bad_response) {
    const auto body = [](const std::string& filter) {
        return R"({"symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC",)"
               R"("quoteAsset":"USDT","orderTypes":["MARKET"],"filters":[)" +
               filter + "]}]}";
    };
    const auto parsed = robson::binance::parseExchangeInfo(
        body(R"({"filterType":"MAX_NUM_ALGO_ORDERS","maxNumAlgoOrders":10})"));
    BOOST_TEST(parsed.at(0).max_num_algo_orders.value_or(0) == 10);
    BOOST_TEST(!parsed.at(0).max_num_orders.has_value());  // the two limits are distinct
    for (const char* filter :
         {R"({"filterType":"MAX_NUM_ALGO_ORDERS"})",
          R"({"filterType":"MAX_NUM_ALGO_ORDERS","maxNumOrders":5})",
          R"({"filterType":"MAX_NUM_ALGO_ORDERS","maxNumAlgoOrders":"5"})",
          R"({"filterType":"MAX_NUM_ALGO_ORDERS","maxNumAlgoOrders":-1})",
          R"({"filterType":"MAX_NUM_ALGO_ORDERS","maxNumAlgoOrders":2000000})"}) {
        BOOST_CHECK_EXCEPTION((void)robson::binance::parseExchangeInfo(body(filter)),
                              ExchangeException,
                              isBadResponse);
    }
}

BOOST_AUTO_TEST_CASE(an_ack_response_gives_ids_and_time_only) {
    const auto order = robson::binance::parseOrder(readTestdata("order_ack.json"));
    BOOST_TEST(order.order_id == 28);
    BOOST_TEST(order.client_order_id == "rb-42-s");
    BOOST_TEST(order.time_ms == 1507725176595);
    BOOST_TEST((order.status == OrderStatus::New));
    BOOST_TEST(order.executed_quantity == Decimal());
}

BOOST_AUTO_TEST_CASE(a_result_response_gives_status_prices_and_stop) {
    const auto order = robson::binance::parseOrder(readTestdata("order_result.json"));
    BOOST_TEST((order.type == OrderType::StopLossLimit));
    BOOST_TEST((order.side == robson::domain::Side::Sell));
    BOOST_TEST((order.time_in_force == robson::domain::TimeInForce::Gtc));
    BOOST_TEST(order.price == d("93000"));
    BOOST_TEST(order.stop_price == d("93100"));
    BOOST_TEST(order.original_quantity == d("0.0005"));
    BOOST_TEST(order.fills.empty());
}

BOOST_AUTO_TEST_CASE(a_full_response_gives_fills_with_commission_and_average_price) {
    const auto order = robson::binance::parseOrder(readTestdata("order_full.json"));
    BOOST_TEST((order.status == OrderStatus::Filled));
    BOOST_TEST(order.executed_quantity == d("0.003"));
    BOOST_TEST(order.cumulative_quote_quantity == d("286.2963"));
    BOOST_TEST(*order.averagePrice() == d("95432.1"));
    BOOST_REQUIRE_EQUAL(order.fills.size(), 2U);
    BOOST_TEST(order.fills[1].price == d("95432.3"));
    BOOST_TEST(order.fills[1].trade_id == 57);
    BOOST_TEST(order.commissionIn("BTC") == d("0.000003"));
    BOOST_TEST(!order.stop_price.has_value());
}

BOOST_AUTO_TEST_CASE(a_query_response_reads_time_and_treats_a_zero_stop_as_none) {
    const auto order = robson::binance::parseOrder(readTestdata("order_query.json"));
    BOOST_TEST((order.status == OrderStatus::PartiallyFilled));
    BOOST_TEST(order.time_ms == 1499827319559);
    BOOST_TEST(order.update_time_ms == 1499827319560);
    BOOST_TEST(!order.stop_price.has_value());
}

BOOST_AUTO_TEST_CASE(a_cancel_response_names_the_cancelled_orders_client_id) {
    const auto order = robson::binance::parseOrder(readTestdata("order_cancel.json"));
    BOOST_TEST(order.client_order_id == "rb-42-s");
    BOOST_TEST((order.status == OrderStatus::Canceled));
}

BOOST_AUTO_TEST_CASE(account_balances_are_free_and_locked_per_asset) {
    const auto balances = robson::binance::parseAccountBalances(readTestdata("account.json"));
    BOOST_REQUIRE_EQUAL(balances.size(), 2U);
    BOOST_TEST(balances[0].asset == "BTC");
    BOOST_TEST(balances[0].free == d("0.4995"));
    BOOST_TEST(balances[0].locked == d("0.0005"));
}

BOOST_AUTO_TEST_CASE(klines_map_to_candles_oldest_first) {
    const auto candles = robson::binance::parseKlines(readTestdata("klines.json"));
    BOOST_REQUIRE_EQUAL(candles.size(), 2U);
    BOOST_TEST(candles[0].open_time_ms == 1787666400000);
    BOOST_TEST(candles[0].low == d("78531.55"));
    BOOST_TEST(candles[0].volume == d("323.27707"));
    BOOST_TEST(candles[1].close == d("78850.01"));
    BOOST_TEST(candles[1].close_time_ms == 1787668199999);
}

BOOST_AUTO_TEST_CASE(trades_book_ticker_price_and_time_are_read) {
    const auto trades = robson::binance::parseTrades(readTestdata("trades.json"));
    BOOST_REQUIRE_EQUAL(trades.size(), 1U);
    BOOST_TEST(trades[0].order_id == 29);
    BOOST_TEST(trades[0].quote_quantity == d("190.864"));
    BOOST_TEST(trades[0].is_buyer);
    const auto book = robson::binance::parseBookTicker(readTestdata("book_ticker.json"));
    BOOST_TEST(book.bid_price == d("95432.09"));
    BOOST_TEST(book.ask_quantity == d("0.25"));
    BOOST_TEST(robson::binance::parseTickerPrice(R"({"symbol":"BTCUSDT","price":"95432.10"})") ==
               d("95432.1"));
    BOOST_TEST(robson::binance::parseServerTime(R"({"serverTime":1499827319559})") ==
               1499827319559);
}

BOOST_AUTO_TEST_CASE(malformed_bodies_throw_bad_response_without_crashing) {
    BOOST_CHECK_EXCEPTION(
        (void)robson::binance::parseOrder("not json"), ExchangeException, isBadResponse);
    BOOST_CHECK_EXCEPTION(
        (void)robson::binance::parseOrder("[]"), ExchangeException, isBadResponse);
    BOOST_CHECK_EXCEPTION((void)robson::binance::parseTickerPrice(R"({"price":95432.1})"),
                          ExchangeException,
                          isBadResponse);
    BOOST_CHECK_EXCEPTION((void)robson::binance::parseTickerPrice(R"({"price":"1e5"})"),
                          ExchangeException,
                          isBadResponse);
    BOOST_CHECK_EXCEPTION(
        (void)robson::binance::parseKlines(R"([[1,"1","2"]])"), ExchangeException, isBadResponse);
    BOOST_CHECK_EXCEPTION((void)robson::binance::parseExchangeInfo(R"({"symbols":{}})"),
                          ExchangeException,
                          isBadResponse);
    BOOST_CHECK_EXCEPTION((void)robson::binance::parseServerTime(R"({"serverTime":"x"})"),
                          ExchangeException,
                          isBadResponse);
}

BOOST_AUTO_TEST_CASE(api_errors_are_recognised_and_other_bodies_are_not) {
    const auto error = robson::binance::parseApiError(R"({"code":-1121,"msg":"Invalid symbol."})");
    BOOST_REQUIRE(error.has_value());
    BOOST_TEST(error->code == -1121);
    BOOST_TEST(error->message == "Invalid symbol.");
    BOOST_TEST(!robson::binance::parseApiError("<html>").has_value());
    BOOST_TEST(!robson::binance::parseApiError(R"({"code":"x","msg":"y"})").has_value());
    BOOST_TEST(!robson::binance::parseApiError(R"({"code":99999999999,"msg":"y"})").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
