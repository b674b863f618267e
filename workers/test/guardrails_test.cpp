// The guardrails of automatic execution as pure decisions over counts and times.
#include "guardrails.hpp"

#include <boost/test/unit_test.hpp>

using namespace robson::workers;
using robson::domain::Decimal;

namespace {

AutoExecutionFacts openFacts() {
    AutoExecutionFacts facts;
    facts.automation_enabled = true;
    facts.daily_cap = 10;
    facts.cooldown_minutes = 60;
    facts.executions_today = 0;
    facts.symbol = "BTCUSDT";
    return facts;
}

const GuardrailDecision& decisionOf(const std::vector<GuardrailDecision>& decisions,
                                    Guardrail guardrail) {
    for (const auto& decision : decisions) {
        if (decision.guardrail == guardrail) {
            return decision;
        }
    }
    throw std::logic_error("no decision for " + std::string(toString(guardrail)));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(guardrails)

BOOST_AUTO_TEST_CASE(every_guardrail_is_decided_and_all_allow_when_nothing_stands_in_the_way) {
    const auto decisions = evaluateAutoExecution(openFacts());
    BOOST_TEST(decisions.size() == 3U);
    BOOST_TEST(decisionOf(decisions, Guardrail::KillSwitch).allowed);
    BOOST_TEST(decisionOf(decisions, Guardrail::DailyCap).allowed);
    BOOST_TEST(decisionOf(decisions, Guardrail::Cooldown).allowed);
    BOOST_TEST(allAllowed(decisions));
}

BOOST_AUTO_TEST_CASE(the_kill_switch_blocks_and_the_other_reasons_are_still_given) {
    auto facts = openFacts();
    facts.automation_enabled = false;
    const auto decisions = evaluateAutoExecution(facts);
    BOOST_TEST(!decisionOf(decisions, Guardrail::KillSwitch).allowed);
    BOOST_TEST(decisionOf(decisions, Guardrail::DailyCap).allowed);
    BOOST_TEST(!allAllowed(decisions));
    BOOST_TEST(decisionOf(decisions, Guardrail::KillSwitch).reason.find("switched off") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_daily_cap_allows_below_it_and_blocks_at_it) {
    auto facts = openFacts();
    facts.daily_cap = 2;
    facts.executions_today = 1;
    BOOST_TEST(decisionOf(evaluateAutoExecution(facts), Guardrail::DailyCap).allowed);
    facts.executions_today = 2;
    const auto blocked = decisionOf(evaluateAutoExecution(facts), Guardrail::DailyCap);
    BOOST_TEST(!blocked.allowed);
    BOOST_TEST(blocked.reason == "daily cap reached: 2 of 2 automatic executions used today (UTC)");
}

BOOST_AUTO_TEST_CASE(a_daily_cap_of_zero_blocks_every_automatic_execution) {
    auto facts = openFacts();
    facts.daily_cap = 0;
    BOOST_TEST(!decisionOf(evaluateAutoExecution(facts), Guardrail::DailyCap).allowed);
}

BOOST_AUTO_TEST_CASE(the_cooldown_blocks_within_its_window_and_allows_from_its_end) {
    auto facts = openFacts();
    facts.cooldown_minutes = 60;
    facts.ms_since_last_on_symbol = 59 * 60'000 + 59'999;
    const auto blocked = decisionOf(evaluateAutoExecution(facts), Guardrail::Cooldown);
    BOOST_TEST(!blocked.allowed);
    BOOST_TEST(blocked.reason ==
               "cooldown: the last automatic execution on BTCUSDT was 59 min ago, within the "
               "60-minute cooldown");
    facts.ms_since_last_on_symbol = 60 * 60'000;
    BOOST_TEST(decisionOf(evaluateAutoExecution(facts), Guardrail::Cooldown).allowed);
}

BOOST_AUTO_TEST_CASE(no_earlier_execution_or_a_zero_cooldown_never_blocks) {
    auto facts = openFacts();
    facts.ms_since_last_on_symbol.reset();
    BOOST_TEST(decisionOf(evaluateAutoExecution(facts), Guardrail::Cooldown).allowed);
    facts.cooldown_minutes = 0;
    facts.ms_since_last_on_symbol = 0;
    BOOST_TEST(decisionOf(evaluateAutoExecution(facts), Guardrail::Cooldown).allowed);
}

BOOST_AUTO_TEST_CASE(min_confidence_allows_at_the_minimum_and_blocks_below_it) {
    const auto at = minConfidenceDecision(Decimal::fromString("0.7"), Decimal::fromString("0.7"));
    BOOST_TEST(at.allowed);
    const auto below =
        minConfidenceDecision(Decimal::fromString("0.69"), Decimal::fromString("0.7"));
    BOOST_TEST(!below.allowed);
    BOOST_TEST((below.guardrail == Guardrail::MinConfidence));
    BOOST_TEST(below.reason == "below the configuration's minimum: confidence 0.69, minimum 0.7");
}

BOOST_AUTO_TEST_CASE(a_rejected_intent_is_a_blocked_validation_decision_with_its_reasons) {
    const auto decision = validationDecision("balance_check: not enough USDT");
    BOOST_TEST(!decision.allowed);
    BOOST_TEST((decision.guardrail == Guardrail::Validation));
    BOOST_TEST(decision.reason == "validation rejected the intent: balance_check: not enough USDT");
}

BOOST_AUTO_TEST_CASE(the_execute_time_recheck_blocks_only_when_switched_off) {
    BOOST_TEST(killSwitchAtExecution(true).allowed);
    BOOST_TEST(!killSwitchAtExecution(false).allowed);
}

BOOST_AUTO_TEST_CASE(guardrail_names_are_the_tables_names) {
    BOOST_TEST(toString(Guardrail::KillSwitch) == "kill_switch");
    BOOST_TEST(toString(Guardrail::DailyCap) == "daily_cap");
    BOOST_TEST(toString(Guardrail::Cooldown) == "cooldown");
    BOOST_TEST(toString(Guardrail::MinConfidence) == "min_confidence");
    BOOST_TEST(toString(Guardrail::Validation) == "validation");
}

BOOST_AUTO_TEST_SUITE_END()
