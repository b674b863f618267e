#include "robson/domain/guards/market_hours.hpp"

#include "guard_test_context.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::checkMarketHours;
using robson::domain::ExecutionMode;
using robson::domain::GuardLimits;
using robson::domain::GuardStatus;
using robson::domain::OrderType;
using robson::domain::SymbolStatus;
using robson::domain::testing::kNowMs;
using robson::domain::testing::planExampleContext;

BOOST_AUTO_TEST_SUITE(market_hours)

BOOST_AUTO_TEST_CASE(passes_when_trading_with_fresh_data) {
    const auto result = checkMarketHours(planExampleContext(), GuardLimits{});
    BOOST_TEST(result.name == "market_hours");
    BOOST_TEST(result.status == GuardStatus::Pass);
    BOOST_TEST(result.message == "Market is open");
    BOOST_TEST(result.code.empty());
}

BOOST_AUTO_TEST_CASE(fails_when_the_symbol_is_not_trading) {
    auto context = planExampleContext();
    context.market.symbol_status = SymbolStatus::Break;
    const auto result = checkMarketHours(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Fail);
    BOOST_TEST(result.message == "Market closed: BTCUSDT status BREAK");
    BOOST_TEST(result.code == "MARKET_CLOSED");
    context.market.symbol_status = SymbolStatus::Halt;
    BOOST_TEST(checkMarketHours(context, GuardLimits{}).message ==
               "Market closed: BTCUSDT status HALT");
}

BOOST_AUTO_TEST_CASE(an_unknown_status_fails_in_live_and_warns_in_a_dry_run) {
    auto context = planExampleContext();
    context.market.symbol_status.reset();
    const auto live = checkMarketHours(context, GuardLimits{});
    BOOST_TEST(live.status == GuardStatus::Fail);
    BOOST_TEST(live.message == "Market status unknown for BTCUSDT");
    BOOST_TEST(live.code == "MARKET_STATUS_UNKNOWN");
    context.mode = ExecutionMode::DryRun;
    BOOST_TEST(checkMarketHours(context, GuardLimits{}).status == GuardStatus::Warning);
}

BOOST_AUTO_TEST_CASE(fails_inside_a_half_open_maintenance_window) {
    auto context = planExampleContext();
    context.market.maintenance_windows = {{kNowMs - 1'000, kNowMs + 3'600'000}};
    const auto result = checkMarketHours(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Fail);
    // 10:00:05 + 1 h
    BOOST_TEST(result.message == "Exchange maintenance until 2026-01-01T11:00:05Z");
    BOOST_TEST(result.code == "MAINTENANCE_WINDOW");
    context.market.maintenance_windows = {{kNowMs, kNowMs + 1}};
    BOOST_TEST(checkMarketHours(context, GuardLimits{}).status == GuardStatus::Fail);
    context.market.maintenance_windows = {{kNowMs - 1'000, kNowMs}};  // ended exactly now
    BOOST_TEST(checkMarketHours(context, GuardLimits{}).status == GuardStatus::Pass);
}

BOOST_AUTO_TEST_CASE(fails_when_a_needed_order_type_is_not_allowed) {
    auto context = planExampleContext();
    context.market.allowed_order_types.erase(OrderType::StopLossLimit);
    const auto result = checkMarketHours(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Fail);
    BOOST_TEST(result.message == "BTCUSDT does not allow STOP_LOSS_LIMIT orders");
    BOOST_TEST(result.code == "ORDER_TYPE_NOT_ALLOWED");
    context.market.allowed_order_types.erase(OrderType::Market);
    BOOST_TEST(checkMarketHours(context, GuardLimits{}).message ==
               "BTCUSDT does not allow MARKET, STOP_LOSS_LIMIT orders");
}

BOOST_AUTO_TEST_CASE(warns_when_market_data_is_as_old_as_the_maximum_or_older) {
    auto context = planExampleContext();
    context.market.last_data_ms = kNowMs - 75'000;
    const auto stale = checkMarketHours(context, GuardLimits{});
    BOOST_TEST(stale.status == GuardStatus::Warning);
    BOOST_TEST(stale.message == "Market data is 75s old");
    BOOST_TEST(stale.code == "STALE_MARKET_DATA");
    context.market.last_data_ms = kNowMs - 60'000;
    BOOST_TEST(checkMarketHours(context, GuardLimits{}).message == "Market data is 60s old");
    context.market.last_data_ms = kNowMs - 59'999;
    BOOST_TEST(checkMarketHours(context, GuardLimits{}).status == GuardStatus::Pass);
}

BOOST_AUTO_TEST_CASE(treats_data_stamped_after_now_as_fresh) {
    auto context = planExampleContext();
    context.market.last_data_ms = kNowMs + 2'000;
    BOOST_TEST(checkMarketHours(context, GuardLimits{}).status == GuardStatus::Pass);
}

BOOST_AUTO_TEST_CASE(warns_when_the_data_time_is_unknown) {
    auto context = planExampleContext();
    context.market.last_data_ms.reset();
    const auto result = checkMarketHours(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Warning);
    BOOST_TEST(result.message == "Market data time unknown");
}

BOOST_AUTO_TEST_CASE(a_closed_market_outranks_stale_data) {
    auto context = planExampleContext();
    context.market.symbol_status = SymbolStatus::Break;
    context.market.last_data_ms = kNowMs - 600'000;
    BOOST_TEST(checkMarketHours(context, GuardLimits{}).status == GuardStatus::Fail);
}

BOOST_AUTO_TEST_CASE(honours_a_custom_data_age) {
    GuardLimits limits;
    limits.max_data_age_ms = 5'000;
    BOOST_TEST(checkMarketHours(planExampleContext(), limits).message == "Market data is 5s old");
}

BOOST_AUTO_TEST_SUITE_END()
