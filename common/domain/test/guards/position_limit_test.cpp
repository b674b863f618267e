#include "robson/domain/guards/position_limit.hpp"

#include "guard_test_context.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using robson::domain::checkPositionLimit;
using robson::domain::ExecutionMode;
using robson::domain::GuardLimits;
using robson::domain::GuardStatus;
using robson::domain::testing::planExampleContext;
namespace bdata = boost::unit_test::data;

namespace {

const std::vector<std::string> kOtherSymbols{
    "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "ADAUSDT", "DOGEUSDT"};

std::vector<std::string> firstOpen(std::size_t count) {
    return {kOtherSymbols.begin(), kOtherSymbols.begin() + static_cast<std::ptrdiff_t>(count)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(position_limit)

// open count → expected status and message with the default maximum of 5.
BOOST_DATA_TEST_CASE(counts_open_positions_against_the_maximum,
                     bdata::make(std::vector<std::size_t>{0, 3, 4, 5, 6}) ^
                         bdata::make(std::vector<std::string>{
                             "PASS", "PASS", "WARNING", "FAIL", "FAIL"}) ^
                         bdata::make(std::vector<std::string>{"0/5 positions open",
                                                              "3/5 positions open",
                                                              "4/5 positions open",
                                                              "5/5 positions open",
                                                              "6/5 positions open"}),
                     open_count,
                     status,
                     message) {
    auto context = planExampleContext();
    context.open_position_symbols = firstOpen(open_count);
    const auto result = checkPositionLimit(context, GuardLimits{});
    BOOST_TEST(result.name == "position_limit");
    BOOST_TEST(toString(result.status) == status);
    BOOST_TEST(result.message == message);
}

BOOST_AUTO_TEST_CASE(names_the_reason_in_the_code) {
    auto context = planExampleContext();
    context.open_position_symbols = firstOpen(4);
    BOOST_TEST(checkPositionLimit(context, GuardLimits{}).code == "POSITION_LIMIT_NEAR");
    context.open_position_symbols = firstOpen(5);
    BOOST_TEST(checkPositionLimit(context, GuardLimits{}).code == "MAX_POSITIONS");
    context.open_position_symbols = firstOpen(0);
    BOOST_TEST(checkPositionLimit(context, GuardLimits{}).code.empty());
}

BOOST_AUTO_TEST_CASE(fails_when_the_symbol_already_has_a_position) {
    auto context = planExampleContext();
    context.open_position_symbols = {"ETHUSDT", "BTCUSDT"};
    const auto result = checkPositionLimit(context, GuardLimits{});
    BOOST_TEST(result.status == GuardStatus::Fail);
    BOOST_TEST(result.message == "A BTCUSDT position is already open");
    BOOST_TEST(result.code == "DUPLICATE_POSITION");
}

BOOST_AUTO_TEST_CASE(honours_a_custom_maximum_and_warning_margin) {
    GuardLimits limits;
    limits.max_open_positions = 3;
    limits.position_warning_margin = 0;
    auto context = planExampleContext();
    context.open_position_symbols = firstOpen(2);
    BOOST_TEST(checkPositionLimit(context, limits).message == "2/3 positions open");
    BOOST_TEST(checkPositionLimit(context, limits).status == GuardStatus::Pass);
    limits.position_warning_margin = 2;
    context.open_position_symbols = firstOpen(1);
    BOOST_TEST(checkPositionLimit(context, limits).status == GuardStatus::Warning);
}

BOOST_AUTO_TEST_CASE(unknown_open_positions_fail_in_live_and_warn_in_dry_run) {
    auto context = planExampleContext();
    context.open_position_symbols = std::nullopt;
    const auto live = checkPositionLimit(context, GuardLimits{});
    BOOST_TEST(live.status == GuardStatus::Fail);
    BOOST_TEST(live.code == "POSITIONS_UNKNOWN");
    context.mode = ExecutionMode::DryRun;
    BOOST_TEST(checkPositionLimit(context, GuardLimits{}).status == GuardStatus::Warning);
}

BOOST_AUTO_TEST_SUITE_END()
