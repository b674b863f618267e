#include "robson/exchange/order_state.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::Decimal;
using robson::exchange::Fill;
using robson::exchange::OrderState;
using robson::exchange::OrderStatus;

BOOST_AUTO_TEST_SUITE(order_state)

BOOST_AUTO_TEST_CASE(every_status_round_trips_through_its_binance_spelling) {
    for (const auto status : {OrderStatus::New,
                              OrderStatus::PendingNew,
                              OrderStatus::PartiallyFilled,
                              OrderStatus::Filled,
                              OrderStatus::Canceled,
                              OrderStatus::PendingCancel,
                              OrderStatus::Rejected,
                              OrderStatus::Expired,
                              OrderStatus::ExpiredInMatch}) {
        BOOST_TEST((robson::exchange::parseOrderStatus(toString(status)) == status));
    }
    BOOST_TEST(toString(OrderStatus::PartiallyFilled) == "PARTIALLY_FILLED");
    BOOST_TEST(!robson::exchange::parseOrderStatus("filled").has_value());
}

BOOST_AUTO_TEST_CASE(only_closed_statuses_are_terminal) {
    BOOST_TEST(isTerminal(OrderStatus::Filled));
    BOOST_TEST(isTerminal(OrderStatus::Expired));
    BOOST_TEST(!isTerminal(OrderStatus::New));
    BOOST_TEST(!isTerminal(OrderStatus::PartiallyFilled));
}

BOOST_AUTO_TEST_CASE(average_price_is_quote_over_executed_and_absent_before_a_fill) {
    OrderState state;
    BOOST_TEST(!state.averagePrice().has_value());
    state.executed_quantity = Decimal::fromString("0.003");
    state.cumulative_quote_quantity = Decimal::fromString("286.2963");
    BOOST_TEST(*state.averagePrice() == Decimal::fromString("95432.1"));
}

BOOST_AUTO_TEST_CASE(commission_sums_the_fills_in_one_asset) {
    OrderState state;
    state.fills.push_back(Fill{Decimal::fromString("1"),
                               Decimal::fromString("1"),
                               Decimal::fromString("0.001"),
                               "BTC",
                               1});
    state.fills.push_back(Fill{Decimal::fromString("1"),
                               Decimal::fromString("1"),
                               Decimal::fromString("0.002"),
                               "BTC",
                               2});
    state.fills.push_back(Fill{
        Decimal::fromString("1"), Decimal::fromString("1"), Decimal::fromString("5"), "BNB", 3});
    BOOST_TEST(state.commissionIn("BTC") == Decimal::fromString("0.003"));
    BOOST_TEST(state.commissionIn("USDT") == Decimal());
}

BOOST_AUTO_TEST_SUITE_END()
