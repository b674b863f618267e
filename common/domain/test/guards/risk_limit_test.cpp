#include "robson/domain/guards/risk_limit.hpp"

#include "guard_test_context.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::checkRiskLimit;
using robson::domain::GuardLimits;
using robson::domain::GuardStatus;
using robson::domain::Side;
using robson::domain::testing::planExampleContext;
using namespace robson::domain::decimal_literals;

// Bare loss at the stop in the plan example: 0.000517 × (95432.10 − 93500.00) = 0.000517 ×
// 1932.10 = 0.9988957.

BOOST_AUTO_TEST_SUITE(risk_limit)

BOOST_AUTO_TEST_CASE(passes_the_plan_example_at_one_percent) {
    const auto result = checkRiskLimit(planExampleContext(), GuardLimits{});  // 1.00 ÷ 100
    BOOST_TEST(result.name == "risk_limit");
    BOOST_TEST(result.status == GuardStatus::Pass);
    BOOST_TEST(result.message == "Risk 1% <= 2% limit");
    BOOST_TEST(result.code.empty());
}

BOOST_AUTO_TEST_CASE(formats_the_risk_compactly) {
    auto context = planExampleContext();
    context.trade.quantity = "0.000512"_d;  // bare loss 0.9892352
    context.trade.planned_risk = "0.99"_d;
    BOOST_TEST(checkRiskLimit(context, GuardLimits{}).message == "Risk 0.99% <= 2% limit");
    context.trade.planned_risk = "1.5"_d;
    BOOST_TEST(checkRiskLimit(context, GuardLimits{}).message == "Risk 1.5% <= 2% limit");
}

BOOST_AUTO_TEST_CASE(passes_exactly_at_the_limit) {
    auto context = planExampleContext();
    context.trade.planned_risk = "2"_d;
    BOOST_TEST(checkRiskLimit(context, GuardLimits{}).message == "Risk 2% <= 2% limit");
}

BOOST_AUTO_TEST_CASE(fails_above_the_limit) {
    auto context = planExampleContext();
    context.trade.planned_risk = "2.5"_d;
    const auto result = checkRiskLimit(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Fail);
    BOOST_TEST(result.message == "Risk 2.5% > 2% limit");
    BOOST_TEST(result.code == "RISK_LIMIT_EXCEEDED");
}

BOOST_AUTO_TEST_CASE(rounds_the_risk_rate_up_so_a_hair_over_never_passes) {
    // 20.000001 ÷ 1000 = 0.020000001: half-even to 8 decimals would give 0.02 (a PASS).
    auto context = planExampleContext();
    context.trade.capital = "1000"_d;
    context.trade.quantity = "0.01"_d;  // bare loss 19.321
    context.trade.planned_risk = "20.000001"_d;
    const auto result = checkRiskLimit(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Fail);
    BOOST_TEST(result.message == "Risk 2.000001% > 2% limit");
}

BOOST_AUTO_TEST_CASE(honours_a_custom_limit) {
    GuardLimits limits;
    limits.max_risk_rate = "0.01"_d;
    auto context = planExampleContext();
    BOOST_TEST(checkRiskLimit(context, limits).message == "Risk 1% <= 1% limit");
    // What P's auto mode really risked; 1.0047% prints with the fewest decimals (3) that tell
    // it apart from 1%.
    context.trade.planned_risk = "1.0047"_d;
    BOOST_TEST(checkRiskLimit(context, limits).message == "Risk 1.005% > 1% limit");
}

BOOST_AUTO_TEST_CASE(fails_without_positive_capital) {
    auto context = planExampleContext();
    context.trade.capital = "0"_d;
    const auto result = checkRiskLimit(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Fail);
    BOOST_TEST(result.message == "Capital must be positive (got 0)");
    BOOST_TEST(result.code == "INVALID_CAPITAL");
    context.trade.capital = "-100"_d;
    BOOST_TEST(checkRiskLimit(context, GuardLimits{}).code == "INVALID_CAPITAL");
}

BOOST_AUTO_TEST_CASE(fails_when_the_stop_is_on_the_wrong_side) {
    auto context = planExampleContext();
    context.trade.stop_price = "95432.10"_d;
    const auto level = checkRiskLimit(context, GuardLimits{});
    BOOST_TEST(level.message == "Stop 95432.1 must be below entry 95432.1 for a BUY");
    BOOST_TEST(level.code == "INVALID_STOP");
    context.trade.side = Side::Sell;
    context.trade.stop_price = "93500"_d;
    BOOST_TEST(checkRiskLimit(context, GuardLimits{}).message ==
               "Stop 93500 must be above entry 95432.1 for a SELL");
    context.trade.stop_price = "0"_d;
    BOOST_TEST(checkRiskLimit(context, GuardLimits{}).message ==
               "Stop price must be positive (got 0)");
}

BOOST_AUTO_TEST_CASE(judges_a_sell_with_its_stop_above) {
    auto context = planExampleContext();
    context.trade.side = Side::Sell;
    context.trade.stop_price = "97364.20"_d;  // 1932.10 above: the same bare loss 0.9988957
    BOOST_TEST(checkRiskLimit(context, GuardLimits{}).message == "Risk 1% <= 2% limit");
}

BOOST_AUTO_TEST_CASE(fails_a_risk_below_the_bare_loss_at_the_stop) {
    auto context = planExampleContext();
    context.trade.planned_risk = "0.99"_d;  // < 0.9988957: the costs, and more, were left out
    const auto result = checkRiskLimit(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Fail);
    BOOST_TEST(result.message ==
               "Planned risk 0.99 USDT is below the loss at the stop 0.9988957 USDT");
    BOOST_TEST(result.code == "INVALID_RISK");
    context.trade.planned_risk = "0.9988957"_d;
    BOOST_TEST(checkRiskLimit(context, GuardLimits{}).status == GuardStatus::Pass);
    context.trade.planned_risk = "0"_d;
    BOOST_TEST(checkRiskLimit(context, GuardLimits{}).message ==
               "Planned risk must be positive (got 0)");
}

BOOST_AUTO_TEST_SUITE_END()
