#include "robson/domain/guards/guard_result.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

#include <vector>

using robson::domain::ExecutionMode;
using robson::domain::GuardResult;
using robson::domain::GuardStatus;
using robson::domain::parseExecutionMode;
using robson::domain::parseGuardStatus;
using robson::domain::toString;
using robson::domain::worse;
using robson::domain::worstStatus;

BOOST_AUTO_TEST_SUITE(guard_result)

BOOST_AUTO_TEST_CASE(statuses_use_the_wire_spelling_and_round_trip) {
    BOOST_TEST(toString(GuardStatus::Pass) == "PASS");
    BOOST_TEST(toString(GuardStatus::Warning) == "WARNING");
    BOOST_TEST(toString(GuardStatus::Fail) == "FAIL");
    for (const auto status : {GuardStatus::Pass, GuardStatus::Warning, GuardStatus::Fail}) {
        BOOST_TEST(parseGuardStatus(toString(status)) == status);
    }
    BOOST_TEST(!parseGuardStatus("pass").has_value());
    BOOST_TEST(!parseGuardStatus("WARN").has_value());
}

BOOST_AUTO_TEST_CASE(execution_modes_use_the_wire_spelling_and_round_trip) {
    BOOST_TEST(toString(ExecutionMode::DryRun) == "DRY_RUN");
    BOOST_TEST(toString(ExecutionMode::Live) == "LIVE");
    BOOST_TEST(parseExecutionMode("DRY_RUN") == ExecutionMode::DryRun);
    BOOST_TEST(parseExecutionMode("LIVE") == ExecutionMode::Live);
    BOOST_TEST(!parseExecutionMode("dry-run").has_value());
    static_assert(parseExecutionMode("LIVE") == ExecutionMode::Live);
}

BOOST_AUTO_TEST_CASE(fail_outranks_warning_outranks_pass) {
    BOOST_TEST(worse(GuardStatus::Pass, GuardStatus::Warning) == GuardStatus::Warning);
    BOOST_TEST(worse(GuardStatus::Fail, GuardStatus::Warning) == GuardStatus::Fail);
    BOOST_TEST(worse(GuardStatus::Pass, GuardStatus::Pass) == GuardStatus::Pass);
    const std::vector<GuardResult> results{GuardResult::pass("a", "ok"),
                                           GuardResult::warning("b", "hm", "X"),
                                           GuardResult::pass("c", "ok")};
    BOOST_TEST(worstStatus(results) == GuardStatus::Warning);
    BOOST_TEST(worstStatus({}) == GuardStatus::Pass);
}

BOOST_AUTO_TEST_CASE(a_pass_carries_no_code) {
    const auto result = GuardResult::pass("balance_check", "Balance sufficient");
    BOOST_TEST(result.name == "balance_check");
    BOOST_TEST(result.status == GuardStatus::Pass);
    BOOST_TEST(result.message == "Balance sufficient");
    BOOST_TEST(result.code.empty());
    BOOST_TEST(GuardResult::fail("x", "m", "CODE").code == "CODE");
}

BOOST_AUTO_TEST_CASE(unknown_data_fails_in_live_and_warns_in_a_dry_run) {
    const auto live =
        GuardResult::unknownData(ExecutionMode::Live, "g", "Balance unknown", "BALANCE_UNKNOWN");
    const auto dry =
        GuardResult::unknownData(ExecutionMode::DryRun, "g", "Balance unknown", "BALANCE_UNKNOWN");
    BOOST_TEST(live.status == GuardStatus::Fail);
    BOOST_TEST(dry.status == GuardStatus::Warning);
    BOOST_TEST(dry.code == "BALANCE_UNKNOWN");
}

BOOST_AUTO_TEST_SUITE_END()
