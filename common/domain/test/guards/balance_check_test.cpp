#include "robson/domain/guards/balance_check.hpp"

#include "guard_test_context.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::checkBalance;
using robson::domain::ExecutionMode;
using robson::domain::GuardLimits;
using robson::domain::GuardStatus;
using robson::domain::Side;
using robson::domain::testing::planExampleContext;
using namespace robson::domain::decimal_literals;

// Need for the plan example: 0.000517 × 95432.10 = 49.3383957, × 1.001 = 49.3877340957,
// rounded up to 8 decimals 49.38773410 ("49.39"). 105% of it: 51.857120805 → 51.85712081.

BOOST_AUTO_TEST_SUITE(balance_check)

BOOST_AUTO_TEST_CASE(passes_with_ample_balance_and_shows_the_figures) {
    const auto result = checkBalance(planExampleContext(), GuardLimits{});
    BOOST_TEST(result.name == "balance_check");
    BOOST_TEST(result.status == GuardStatus::Pass);
    BOOST_TEST(result.message == "Balance sufficient: need 49.39 USDT, free 1000.00 USDT");
    BOOST_TEST(result.code.empty());
}

BOOST_AUTO_TEST_CASE(fails_when_the_free_quote_balance_is_short) {
    auto context = planExampleContext();
    context.account.free_quote = "20"_d;
    const auto result = checkBalance(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Fail);
    BOOST_TEST(result.message == "Insufficient balance: need 49.39 USDT, free 20.00 USDT");
    BOOST_TEST(result.code == "INSUFFICIENT_BALANCE");
}

BOOST_AUTO_TEST_CASE(counts_the_taker_fee_in_the_need) {
    // 49.34 covers the notional 49.3383957 but not the fee: short by 0.0477341.
    auto context = planExampleContext();
    context.account.free_quote = "49.34"_d;
    BOOST_TEST(checkBalance(context, GuardLimits{}).status == GuardStatus::Fail);
    context.trade.taker_fee_rate = "0"_d;
    BOOST_TEST(checkBalance(context, GuardLimits{}).status != GuardStatus::Fail);
}

BOOST_AUTO_TEST_CASE(shows_exact_figures_when_two_decimals_would_hide_the_shortfall) {
    auto context = planExampleContext();
    context.account.free_quote = "49.3877"_d;
    BOOST_TEST(checkBalance(context, GuardLimits{}).message ==
               "Insufficient balance: need 49.3877341 USDT, free 49.3877 USDT");
}

BOOST_AUTO_TEST_CASE(warns_when_free_is_below_105_percent_of_need) {
    auto context = planExampleContext();
    context.account.free_quote = "51.85"_d;  // < 51.85712081
    const auto result = checkBalance(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Warning);
    BOOST_TEST(result.message ==
               "Balance tight: need 49.39 USDT, free 51.85 USDT (below 105% of need)");
    BOOST_TEST(result.code == "LOW_BALANCE_HEADROOM");
    context.account.free_quote = "49.3877341"_d;  // exactly the need: enough, but tight
    BOOST_TEST(checkBalance(context, GuardLimits{}).status == GuardStatus::Warning);
    context.account.free_quote = "51.86"_d;
    BOOST_TEST(checkBalance(context, GuardLimits{}).status == GuardStatus::Pass);
}

BOOST_AUTO_TEST_CASE(an_unknown_balance_fails_in_live_and_warns_in_a_dry_run) {
    auto context = planExampleContext();
    context.account.free_quote.reset();
    const auto live = checkBalance(context, GuardLimits{});
    BOOST_TEST(live.status == GuardStatus::Fail);
    BOOST_TEST(live.message == "Balance unknown: no free USDT balance reported");
    BOOST_TEST(live.code == "BALANCE_UNKNOWN");
    context.mode = ExecutionMode::DryRun;
    BOOST_TEST(checkBalance(context, GuardLimits{}).status == GuardStatus::Warning);
}

BOOST_AUTO_TEST_CASE(a_zero_balance_is_known_and_insufficient) {
    auto context = planExampleContext();
    context.account.free_quote = "0"_d;
    context.mode = ExecutionMode::DryRun;
    BOOST_TEST(checkBalance(context, GuardLimits{}).code == "INSUFFICIENT_BALANCE");
}

BOOST_AUTO_TEST_CASE(a_sell_needs_the_base_asset_without_headroom) {
    auto context = planExampleContext();
    context.trade.side = Side::Sell;
    context.account.free_quote = "0"_d;
    context.account.free_base = "0.0001"_d;
    const auto short_result = checkBalance(context, GuardLimits{});
    BOOST_TEST(short_result.status == GuardStatus::Fail);
    BOOST_TEST(short_result.message == "Insufficient balance: need 0.000517 BTC, free 0.0001 BTC");
    context.account.free_base = "0.000517"_d;  // selling the whole holding is normal
    const auto exact = checkBalance(context, GuardLimits{});
    BOOST_TEST(exact.status == GuardStatus::Pass);
    BOOST_TEST(exact.message == "Balance sufficient: need 0.000517 BTC, free 0.000517 BTC");
    context.account.free_base.reset();
    BOOST_TEST(checkBalance(context, GuardLimits{}).message ==
               "Balance unknown: no free BTC balance reported");
}

BOOST_AUTO_TEST_CASE(a_nonpositive_quantity_or_entry_fails_instead_of_needing_nothing) {
    auto context = planExampleContext();
    context.trade.quantity = "0"_d;
    const auto result = checkBalance(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Fail);
    BOOST_TEST(result.message == "Quantity must be positive (got 0)");
    BOOST_TEST(result.code == "INVALID_ORDER");
    context = planExampleContext();
    context.trade.entry_price = "-1"_d;
    BOOST_TEST(checkBalance(context, GuardLimits{}).message ==
               "Entry price must be positive (got -1)");
    context = planExampleContext();
    context.trade.taker_fee_rate = "-0.001"_d;
    BOOST_TEST(checkBalance(context, GuardLimits{}).code == "INVALID_ORDER");
}

BOOST_AUTO_TEST_CASE(omits_the_unit_when_the_asset_is_not_named) {
    auto context = planExampleContext();
    context.trade.quote_asset.clear();
    BOOST_TEST(checkBalance(context, GuardLimits{}).message ==
               "Balance sufficient: need 49.39, free 1000.00");
}

BOOST_AUTO_TEST_SUITE_END()
