#include "robson/domain/guards/daily_loss.hpp"

#include "guard_test_context.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::checkDailyLoss;
using robson::domain::Decimal;
using robson::domain::ExecutionMode;
using robson::domain::GuardLimits;
using robson::domain::GuardResult;
using robson::domain::GuardStatus;
using robson::domain::testing::planExampleContext;
using namespace robson::domain::decimal_literals;

namespace {

// Capital is 100, so a loss of X is X% of capital; the limits are 2% a day and 4% a month.
GuardResult withLosses(Decimal today, Decimal month) {
    auto context = planExampleContext();
    context.losses.today = today;
    context.losses.month = month;
    return checkDailyLoss(context, GuardLimits{});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(daily_loss)

BOOST_AUTO_TEST_CASE(passes_with_no_loss_and_says_how_much_of_the_limit_is_used) {
    const auto result = withLosses("0"_d, "0"_d);
    BOOST_TEST(result.name == "daily_loss");
    BOOST_TEST(result.status == GuardStatus::Pass);
    BOOST_TEST(result.message == "0% of daily limit used");
    BOOST_TEST(result.code.empty());
    BOOST_TEST(withLosses("0.5"_d, "0.5"_d).message == "25% of daily limit used");  // 0.5% ÷ 2%
}

BOOST_AUTO_TEST_CASE(rounds_the_share_used_down_so_a_pass_never_reads_75_percent) {
    // 1.4999 ÷ 100 = 1.4999% = 74.995% of the 2% limit: below the 75% warning.
    BOOST_TEST(withLosses("1.4999"_d, "1.4999"_d).message == "74.99% of daily limit used");
}

BOOST_AUTO_TEST_CASE(warns_once_three_quarters_of_the_daily_limit_is_used) {
    const auto result = withLosses("1.5"_d, "1.5"_d);
    BOOST_TEST(result.status == GuardStatus::Warning);
    BOOST_TEST(result.message == "75% of daily limit used (1.5% of 2%)");
    BOOST_TEST(result.code == "LOSS_LIMIT_NEAR");
}

BOOST_AUTO_TEST_CASE(warns_once_three_quarters_of_the_monthly_limit_is_used) {
    BOOST_TEST(withLosses("0"_d, "3"_d).message == "75% of monthly limit used (3% of 4%)");
    BOOST_TEST(withLosses("1.6"_d, "3.2"_d).message ==
               "80% of daily limit used (1.6% of 2%); 80% of monthly limit used (3.2% of 4%)");
}

BOOST_AUTO_TEST_CASE(fails_at_or_above_the_daily_limit) {
    const auto over = withLosses("2.1"_d, "2.1"_d);
    BOOST_TEST(over.status == GuardStatus::Fail);
    BOOST_TEST(over.message == "Daily loss limit reached (2.1% of 2%)");
    BOOST_TEST(over.code == "DAILY_LOSS_LIMIT");
    BOOST_TEST(withLosses("2"_d, "2"_d).message == "Daily loss limit reached (2% of 2%)");
}

BOOST_AUTO_TEST_CASE(fails_at_or_above_the_monthly_limit) {
    const auto over = withLosses("0"_d, "4.2"_d);
    BOOST_TEST(over.status == GuardStatus::Fail);
    BOOST_TEST(over.message == "Monthly loss limit reached (4.2% > 4%)");
    BOOST_TEST(over.code == "MONTHLY_LOSS_LIMIT");
    BOOST_TEST(withLosses("0"_d, "4"_d).message == "Monthly loss limit reached (4% >= 4%)");
}

BOOST_AUTO_TEST_CASE(reports_both_limits_when_both_are_reached) {
    const auto result = withLosses("2.5"_d, "5"_d);
    BOOST_TEST(result.message ==
               "Daily loss limit reached (2.5% of 2%); Monthly loss limit reached (5% > 4%)");
    BOOST_TEST(result.code == "DAILY_LOSS_LIMIT");
}

BOOST_AUTO_TEST_CASE(a_net_gain_uses_none_of_the_limit) {
    BOOST_TEST(withLosses("-5"_d, "-10"_d).message == "0% of daily limit used");
}

BOOST_AUTO_TEST_CASE(measures_losses_against_the_declared_capital) {
    auto context = planExampleContext();
    context.trade.capital = "1000"_d;
    context.losses.today = "15"_d;  // 1.5% of 1000
    context.losses.month = "15"_d;
    BOOST_TEST(checkDailyLoss(context, GuardLimits{}).message ==
               "75% of daily limit used (1.5% of 2%)");
}

BOOST_AUTO_TEST_CASE(unknown_pnl_fails_in_live_and_warns_in_a_dry_run) {
    auto context = planExampleContext();
    context.losses.today.reset();
    const auto live = checkDailyLoss(context, GuardLimits{});
    BOOST_TEST(live.status == GuardStatus::Fail);
    BOOST_TEST(live.message == "Realized P&L unknown for today");
    BOOST_TEST(live.code == "PNL_UNKNOWN");
    context.losses.month.reset();
    BOOST_TEST(checkDailyLoss(context, GuardLimits{}).message ==
               "Realized P&L unknown for today and this month");
    context.losses.today = "0"_d;
    BOOST_TEST(checkDailyLoss(context, GuardLimits{}).message ==
               "Realized P&L unknown for this month");
    context.mode = ExecutionMode::DryRun;
    BOOST_TEST(checkDailyLoss(context, GuardLimits{}).status == GuardStatus::Warning);
}

BOOST_AUTO_TEST_CASE(fails_without_positive_capital) {
    auto context = planExampleContext();
    context.trade.capital = "0"_d;
    BOOST_TEST(checkDailyLoss(context, GuardLimits{}).code == "INVALID_CAPITAL");
}

BOOST_AUTO_TEST_CASE(honours_custom_limits_and_warning_share) {
    GuardLimits limits;
    limits.daily_loss_limit_rate = "0.05"_d;
    limits.loss_warning_rate = "0.5"_d;
    auto context = planExampleContext();
    context.losses.today = "2.5"_d;  // 2.5% = 50% of 5%
    BOOST_TEST(checkDailyLoss(context, limits).message == "50% of daily limit used (2.5% of 5%)");
    context.losses.today = "2.4"_d;
    BOOST_TEST(checkDailyLoss(context, limits).message == "48% of daily limit used");
}

BOOST_AUTO_TEST_SUITE_END()
