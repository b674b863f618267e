#include "robson/domain/intent_status.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <vector>

using robson::domain::allowedNext;
using robson::domain::canTransition;
using robson::domain::IllegalTransition;
using robson::domain::IntentStatus;
using robson::domain::isTerminal;
using robson::domain::kIntentStatuses;
using robson::domain::parseIntentStatus;
using robson::domain::requireTransition;
using robson::domain::toString;
namespace bdata = boost::unit_test::data;

namespace {

// Written out independently of kIntentTransitions, from the brief's table:
//   PLANNING → PENDING | REJECTED | FAILED | CANCELLED;
//   PENDING → VALIDATED | REJECTED | CANCELLED; VALIDATED → EXECUTING | CANCELLED;
//   EXECUTING → EXECUTED | FAILED; nothing else.
// Rows are "from", columns are "to", both in declaration order; 1 = allowed.
constexpr std::size_t kCount = 8;
constexpr std::array<std::array<int, kCount>, kCount> kExpectedAllowed{{
    // to PLANNING, PENDING, VALIDATED, REJECTED, EXECUTING, EXECUTED, FAILED, CANCELLED
    {0, 1, 0, 1, 0, 0, 1, 1},  // PLANNING
    {0, 0, 1, 1, 0, 0, 0, 1},  // PENDING
    {0, 0, 0, 0, 1, 0, 0, 1},  // VALIDATED
    {0, 0, 0, 0, 0, 0, 0, 0},  // REJECTED
    {0, 0, 0, 0, 0, 1, 1, 0},  // EXECUTING
    {0, 0, 0, 0, 0, 0, 0, 0},  // EXECUTED
    {0, 0, 0, 0, 0, 0, 0, 0},  // FAILED
    {0, 0, 0, 0, 0, 0, 0, 0},  // CANCELLED
}};

bool expectedAllowed(std::size_t from_index, std::size_t to_index) {
    return kExpectedAllowed.at(from_index).at(to_index) == 1;
}

IntentStatus statusAt(std::size_t index) {
    return kIntentStatuses.at(index);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intent_status)

BOOST_DATA_TEST_CASE(allows_exactly_the_listed_transitions_over_the_whole_grid,
                     bdata::xrange(kCount) * bdata::xrange(kCount),
                     from_index,
                     to_index) {
    const IntentStatus from = statusAt(from_index);
    const IntentStatus to = statusAt(to_index);
    BOOST_TEST_CONTEXT(toString(from) << " -> " << toString(to)) {
        const bool expected = expectedAllowed(from_index, to_index);
        BOOST_TEST(canTransition(from, to) == expected);
        if (expected) {
            BOOST_CHECK_NO_THROW(requireTransition(from, to));
        } else {
            BOOST_CHECK_THROW(requireTransition(from, to), IllegalTransition);
        }
    }
}

BOOST_DATA_TEST_CASE(lists_the_allowed_next_statuses_in_table_order,
                     bdata::xrange(kCount),
                     from_index) {
    std::vector<IntentStatus> expected;
    for (std::size_t to_index = 0; to_index < kCount; ++to_index) {
        if (expectedAllowed(from_index, to_index)) {
            expected.push_back(statusAt(to_index));
        }
    }
    const auto next = allowedNext(statusAt(from_index));
    BOOST_TEST(next == expected, boost::test_tools::per_element());
    BOOST_TEST(isTerminal(statusAt(from_index)) == expected.empty());
}

BOOST_AUTO_TEST_CASE(only_rejected_executed_failed_and_cancelled_are_terminal) {
    BOOST_TEST(!isTerminal(IntentStatus::Planning));
    BOOST_TEST(!isTerminal(IntentStatus::Pending));
    BOOST_TEST(!isTerminal(IntentStatus::Validated));
    BOOST_TEST(!isTerminal(IntentStatus::Executing));
    BOOST_TEST(isTerminal(IntentStatus::Rejected));
    BOOST_TEST(isTerminal(IntentStatus::Executed));
    BOOST_TEST(isTerminal(IntentStatus::Failed));
    BOOST_TEST(isTerminal(IntentStatus::Cancelled));
}

BOOST_AUTO_TEST_CASE(an_illegal_move_names_both_statuses) {
    try {
        requireTransition(IntentStatus::Executed, IntentStatus::Cancelled);
        BOOST_FAIL("EXECUTED -> CANCELLED must throw");
    } catch (const IllegalTransition& error) {
        BOOST_TEST(std::string(error.what()) == "cannot move an intent from EXECUTED to CANCELLED");
        BOOST_TEST(error.from() == IntentStatus::Executed);
        BOOST_TEST(error.to() == IntentStatus::Cancelled);
    }
}

BOOST_AUTO_TEST_CASE(an_illegal_move_is_a_logic_error) {
    BOOST_CHECK_THROW(requireTransition(IntentStatus::Executing, IntentStatus::Cancelled),
                      std::logic_error);
}

BOOST_AUTO_TEST_CASE(statuses_use_the_wire_spelling_and_round_trip) {
    const std::array<std::string, kCount> names{"PLANNING",
                                                "PENDING",
                                                "VALIDATED",
                                                "REJECTED",
                                                "EXECUTING",
                                                "EXECUTED",
                                                "FAILED",
                                                "CANCELLED"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        BOOST_TEST(toString(statusAt(i)) == names.at(i));
        BOOST_TEST(parseIntentStatus(names.at(i)) == statusAt(i));
    }
}

BOOST_AUTO_TEST_CASE(parsing_rejects_other_spellings) {
    BOOST_TEST(!parseIntentStatus("pending").has_value());
    BOOST_TEST(!parseIntentStatus("CANCELED").has_value());
    BOOST_TEST(!parseIntentStatus("").has_value());
    BOOST_TEST(!parseIntentStatus(" PENDING").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
