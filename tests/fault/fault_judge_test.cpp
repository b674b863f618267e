// The judge on hand-built evidence: each invariant it guards, broken on purpose, is reported.
#include "judge.hpp"
#include "robson/domain/client_order_id.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::Decimal;
using robson::domain::OrderRole;
using namespace robson::fault;

namespace {

const std::string kId = "intent-0123456789abcdef";

std::string idOf(OrderRole role) {
    return robson::domain::clientOrderId(kId, role);
}

ExchangeOrder order(OrderRole role,
                    const std::string& type,
                    const std::string& status,
                    const std::string& executed) {
    return {idOf(role), type, status, Decimal::fromString(executed)};
}

/// A LIVE BUY that went well: entry filled, stop open, every audit row once.
Evidence cleanLive() {
    Evidence evidence;
    evidence.acknowledged = {kId};
    evidence.intents = {{kId, "EXECUTED", "LIVE", "BUY"}};
    evidence.orders = {order(OrderRole::entry(), "MARKET", "FILLED", "0.001"),
                       order(OrderRole::stop(), "STOP_LOSS_LIMIT", "NEW", "0")};
    evidence.audit = {{kId, "INTENT_PLANNED", ""},
                      {kId, "INTENT_VALIDATED", ""},
                      {kId, "SPOT_BUY", idOf(OrderRole::entry())},
                      {kId, "STOP_LOSS_PLACED", idOf(OrderRole::stop())},
                      {kId, "INTENT_EXECUTED", ""}};
    return evidence;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fault_judge)

BOOST_AUTO_TEST_CASE(a_protected_live_execution_with_its_audit_trail_is_clean) {
    const Verdict verdict = judge(cleanLive());
    BOOST_TEST(verdict.clean());
    BOOST_TEST(verdict.problems.empty());
    BOOST_TEST(verdict.live == 1U);
    BOOST_TEST(verdict.by_status.at("EXECUTED") == 1U);
}

BOOST_AUTO_TEST_CASE(an_acknowledged_intent_missing_from_the_database_is_lost) {
    Evidence evidence = cleanLive();
    evidence.acknowledged.push_back("intent-ffffffffffffffff");
    const Verdict verdict = judge(evidence);
    BOOST_TEST(verdict.lost == 1U);
    BOOST_TEST(!verdict.clean());
}

BOOST_AUTO_TEST_CASE(an_intent_still_working_is_not_terminal) {
    Evidence evidence = cleanLive();
    evidence.intents[0].status = "EXECUTING";
    const Verdict verdict = judge(evidence);
    BOOST_TEST(verdict.not_terminal == 1U);
    BOOST_TEST(!verdict.clean());
}

BOOST_AUTO_TEST_CASE(an_entry_accepted_twice_is_a_duplicate) {
    Evidence evidence = cleanLive();
    evidence.orders.push_back(order(OrderRole::entry(), "MARKET", "FILLED", "0.001"));
    const Verdict verdict = judge(evidence);
    BOOST_TEST(verdict.duplicates == 1U);
    BOOST_TEST(!verdict.clean());
}

BOOST_AUTO_TEST_CASE(two_open_stops_for_one_position_are_a_duplicate) {
    Evidence evidence = cleanLive();
    evidence.orders.push_back(order(OrderRole::stopRetry(1), "STOP_LOSS_LIMIT", "NEW", "0"));
    evidence.audit.push_back({kId, "STOP_LOSS_PLACED", idOf(OrderRole::stopRetry(1))});
    BOOST_TEST(judge(evidence).duplicates == 1U);
}

BOOST_AUTO_TEST_CASE(a_filled_entry_without_stop_or_exit_is_unprotected) {
    Evidence evidence = cleanLive();
    evidence.orders.pop_back();  // no stop
    evidence.intents[0].status = "FAILED";
    evidence.audit.back() = {kId, "INTENT_FAILED", ""};
    const Verdict verdict = judge(evidence);
    BOOST_TEST(verdict.unprotected == 1U);
    BOOST_TEST(!verdict.clean());
}

BOOST_AUTO_TEST_CASE(a_filled_market_exit_protects_and_a_stop_left_open_beside_it_is_stray) {
    Evidence evidence = cleanLive();
    evidence.intents[0].status = "FAILED";
    evidence.orders[1].status = "CANCELED";
    evidence.orders.push_back(order(OrderRole::exitMarket(), "MARKET", "FILLED", "0.001"));
    evidence.audit = {{kId, "INTENT_PLANNED", ""},
                      {kId, "INTENT_VALIDATED", ""},
                      {kId, "SPOT_BUY", idOf(OrderRole::entry())},
                      {kId, "STOP_LOSS_CANCELLED", idOf(OrderRole::stop())},
                      {kId, "POSITION_FLATTENED", idOf(OrderRole::exitMarket())},
                      {kId, "INTENT_FAILED", ""}};
    BOOST_TEST(judge(evidence).clean());
    evidence.orders[1].status = "NEW";  // the unconfirmed stop was never cancelled
    const Verdict verdict = judge(evidence);
    BOOST_TEST(verdict.stray_orders == 1U);
    BOOST_TEST(verdict.unprotected == 0U);
}

BOOST_AUTO_TEST_CASE(an_adopted_entry_without_its_audit_row_is_a_gap) {
    Evidence evidence = cleanLive();
    evidence.audit.erase(evidence.audit.begin() + 2);  // SPOT_BUY
    const Verdict verdict = judge(evidence);
    BOOST_TEST(verdict.audit_gaps == 1U);
    BOOST_TEST(!verdict.clean());
}

BOOST_AUTO_TEST_CASE(a_stop_audited_twice_is_an_audit_duplicate) {
    Evidence evidence = cleanLive();
    evidence.audit.push_back({kId, "STOP_LOSS_PLACED", idOf(OrderRole::stop())});
    const Verdict verdict = judge(evidence);
    BOOST_TEST(verdict.audit_duplicates == 1U);
    BOOST_TEST(!verdict.clean());
}

BOOST_AUTO_TEST_CASE(a_terminal_state_without_the_row_that_explains_it_is_a_gap) {
    Evidence evidence;
    evidence.acknowledged = {kId};
    evidence.intents = {{kId, "FAILED", "", "BUY"}};  // e.g. a buried plan job
    BOOST_TEST(judge(evidence).audit_gaps == 1U);
    evidence.audit = {{kId, "INTENT_FAILED", ""}};
    BOOST_TEST(judge(evidence).clean());
    evidence.intents[0].status = "REJECTED";
    evidence.audit = {{kId, "PLAN_REFUSED", ""}};
    BOOST_TEST(judge(evidence).clean());
}

BOOST_AUTO_TEST_CASE(a_dry_run_with_an_order_on_the_exchange_is_stray) {
    Evidence evidence = cleanLive();
    evidence.intents[0].mode = "DRY_RUN";
    const Verdict verdict = judge(evidence);
    BOOST_TEST(verdict.stray_orders == 2U);
    BOOST_TEST(!verdict.clean());
}

BOOST_AUTO_TEST_CASE(an_order_no_intent_explains_is_stray) {
    Evidence evidence = cleanLive();
    evidence.orders.push_back({"rb-someone-else-e", "MARKET", "FILLED", Decimal::fromString("1")});
    BOOST_TEST(judge(evidence).stray_orders == 1U);
}

BOOST_AUTO_TEST_SUITE_END()
