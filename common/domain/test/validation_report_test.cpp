#include "robson/domain/validation_report.hpp"

#include "guards/guard_test_context.hpp"
#include "robson/domain/guards/run_guards.hpp"
#include "robson/domain/utc_time.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

using robson::domain::addFinding;
using robson::domain::ExecutionMode;
using robson::domain::formatUtc;
using robson::domain::GuardLimits;
using robson::domain::GuardResult;
using robson::domain::GuardStatus;
using robson::domain::intentAfterValidation;
using robson::domain::IntentStatus;
using robson::domain::requireValidLimits;
using robson::domain::runGuards;
using robson::domain::SymbolStatus;
using robson::domain::validate;
using robson::domain::testing::kNowMs;
using robson::domain::testing::planExampleContext;
using namespace robson::domain::decimal_literals;

BOOST_AUTO_TEST_SUITE(validation_report)

BOOST_AUTO_TEST_CASE(the_plan_example_passes_all_five_guards_in_order) {
    const auto report = validate(planExampleContext(), GuardLimits{}, kNowMs);
    BOOST_TEST(report.status == GuardStatus::Pass);
    BOOST_REQUIRE_EQUAL(report.guards.size(), 5U);
    const std::vector<std::string> names{
        "balance_check", "risk_limit", "daily_loss", "position_limit", "market_hours"};
    const std::vector<std::string> messages{
        "Balance sufficient: need 49.39 USDT, free 1000.00 USDT",
        "Risk 1% <= 2% limit",
        "0% of daily limit used",
        "0/5 positions open",
        "Market is open"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        BOOST_TEST(report.guards.at(i).name == names.at(i));
        BOOST_TEST(report.guards.at(i).status == GuardStatus::Pass);
        BOOST_TEST(report.guards.at(i).message == messages.at(i));
    }
    BOOST_TEST(report.warnings.empty());
    BOOST_TEST(formatUtc(report.validated_at_ms) == "2026-01-01T10:00:05Z");
    BOOST_TEST(intentAfterValidation(report) == IntentStatus::Validated);
}

BOOST_AUTO_TEST_CASE(a_warning_is_reported_but_does_not_block) {
    auto context = planExampleContext();
    context.open_position_symbols = {"ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT"};
    context.market.last_data_ms = kNowMs - 75'000;
    const auto report = validate(context, GuardLimits{}, kNowMs);
    BOOST_TEST(report.status == GuardStatus::Warning);
    const std::vector<std::string> expected{"4/5 positions open", "Market data is 75s old"};
    BOOST_TEST(report.warnings == expected, boost::test_tools::per_element());
    BOOST_TEST(intentAfterValidation(report) == IntentStatus::Validated);
}

BOOST_AUTO_TEST_CASE(one_failure_rejects_yet_every_guard_still_reports) {
    auto context = planExampleContext();
    context.account.free_quote = "20"_d;
    context.market.symbol_status = SymbolStatus::Break;
    context.market.last_data_ms = kNowMs - 75'000;
    context.open_position_symbols = {"ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT"};
    const auto report = validate(context, GuardLimits{}, kNowMs);
    BOOST_TEST(report.status == GuardStatus::Fail);
    BOOST_TEST(report.guards.size() == 5U);
    BOOST_TEST(report.guards.at(0).status == GuardStatus::Fail);
    BOOST_TEST(report.guards.at(1).status == GuardStatus::Pass);
    BOOST_TEST(report.guards.at(4).message == "Market closed: BTCUSDT status BREAK");
    // The position warning is still listed; the failed market guard's message is not a warning.
    BOOST_TEST(report.warnings == std::vector<std::string>{"4/5 positions open"},
               boost::test_tools::per_element());
    BOOST_TEST(intentAfterValidation(report) == IntentStatus::Rejected);
}

BOOST_AUTO_TEST_CASE(a_dry_run_with_unknown_data_validates_with_warnings) {
    auto context = planExampleContext();
    context.mode = ExecutionMode::DryRun;
    context.account.free_quote.reset();
    context.losses.month.reset();
    const auto report = validate(context, GuardLimits{}, kNowMs);
    BOOST_TEST(report.status == GuardStatus::Warning);
    BOOST_TEST(report.warnings.size() == 2U);
    BOOST_TEST(intentAfterValidation(report) == IntentStatus::Validated);
    context.mode = ExecutionMode::Live;
    BOOST_TEST(intentAfterValidation(validate(context, GuardLimits{}, kNowMs)) ==
               IntentStatus::Rejected);
}

BOOST_AUTO_TEST_CASE(validate_equals_run_guards_plus_the_summary) {
    const auto context = planExampleContext();
    BOOST_TEST(
        (validate(context, GuardLimits{}, kNowMs).guards == runGuards(context, GuardLimits{})));
}

BOOST_AUTO_TEST_CASE(a_guard_that_overflows_fails_and_the_others_still_run) {
    // 1000 ÷ 0.00000001 = 1e11, beyond Decimal's ±9.2e10.
    auto context = planExampleContext();
    context.trade.capital = "0.00000001"_d;
    context.losses.today = "1000"_d;
    const auto report = validate(context, GuardLimits{}, kNowMs);
    BOOST_REQUIRE_EQUAL(report.guards.size(), 5U);
    BOOST_TEST(report.guards.at(2).name == "daily_loss");
    BOOST_TEST(report.guards.at(2).status == GuardStatus::Fail);
    BOOST_TEST(report.guards.at(2).code == "UNCOMPUTABLE");
    BOOST_TEST(report.guards.at(2).message.starts_with("Cannot evaluate: "));
    BOOST_TEST(report.guards.at(4).message == "Market is open");
    BOOST_TEST(intentAfterValidation(report) == IntentStatus::Rejected);
}

BOOST_AUTO_TEST_CASE(an_added_warning_finding_downgrades_a_pass_to_warning) {
    auto report = validate(planExampleContext(), GuardLimits{}, kNowMs);
    addFinding(report,
               GuardResult::warning("paper_simulation", "Estimated slippage 0.12%", "SLIPPAGE"));
    BOOST_TEST(report.status == GuardStatus::Warning);
    BOOST_TEST(report.guards.size() == 6U);
    BOOST_TEST(report.guards.back().name == "paper_simulation");
    BOOST_TEST(report.warnings == std::vector<std::string>{"Estimated slippage 0.12%"},
               boost::test_tools::per_element());
    BOOST_TEST(intentAfterValidation(report) == IntentStatus::Validated);
}

BOOST_AUTO_TEST_CASE(an_added_failure_rejects_and_a_pass_changes_nothing) {
    auto report = validate(planExampleContext(), GuardLimits{}, kNowMs);
    addFinding(report, GuardResult::pass("paper_simulation", "Fill within the plan"));
    BOOST_TEST(report.status == GuardStatus::Pass);
    addFinding(
        report,
        GuardResult::fail("paper_simulation", "Stop price is above the bid", "STOP_ABOVE_BID"));
    BOOST_TEST(report.status == GuardStatus::Fail);
    BOOST_TEST(report.warnings.empty());
    BOOST_TEST(intentAfterValidation(report) == IntentStatus::Rejected);
}

BOOST_AUTO_TEST_CASE(nonsensical_limits_are_a_programming_error) {
    using Change = std::function<void(GuardLimits&)>;
    const std::vector<std::pair<std::string, Change>> changes{
        {"max_risk_rate 0", [](GuardLimits& l) { l.max_risk_rate = "0"_d; }},
        {"daily limit 0", [](GuardLimits& l) { l.daily_loss_limit_rate = "0"_d; }},
        {"monthly limit -1", [](GuardLimits& l) { l.monthly_loss_limit_rate = "-0.01"_d; }},
        {"max positions 0", [](GuardLimits& l) { l.max_open_positions = 0; }},
        {"data age 0", [](GuardLimits& l) { l.max_data_age_ms = 0; }},
        {"headroom 99%", [](GuardLimits& l) { l.balance_headroom_rate = "0.99"_d; }},
        {"warning share 0", [](GuardLimits& l) { l.loss_warning_rate = "0"_d; }},
        {"warning share 101%", [](GuardLimits& l) { l.loss_warning_rate = "1.01"_d; }},
        {"warning margin -1", [](GuardLimits& l) { l.position_warning_margin = -1; }},
    };
    BOOST_CHECK_NO_THROW(requireValidLimits(GuardLimits{}));
    for (const auto& [label, change] : changes) {
        BOOST_TEST_CONTEXT(label) {
            GuardLimits limits;
            change(limits);
            BOOST_CHECK_THROW(requireValidLimits(limits), std::invalid_argument);
            BOOST_CHECK_THROW(static_cast<void>(validate(planExampleContext(), limits, kNowMs)),
                              std::invalid_argument);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
