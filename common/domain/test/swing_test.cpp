#include "robson/domain/swing.hpp"

#include "robson/testing/domain_printing.hpp"
#include "technical_stop_test_candles.hpp"

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <vector>

using robson::domain::Decimal;
using robson::domain::Side;
using robson::domain::Swing;
using namespace robson::domain::decimal_literals;
namespace tc = robson::domain::test_candles;

namespace {

std::vector<std::size_t> indices(const std::vector<Swing>& swings) {
    std::vector<std::size_t> out;
    out.reserve(swings.size());
    for (const auto& swing : swings) {
        out.push_back(swing.index);
    }
    return out;
}

std::vector<Swing> swingsAt(const std::vector<std::string>& prices) {
    std::vector<Swing> out;
    out.reserve(prices.size());
    for (const auto& price : prices) {
        out.push_back(Swing{
            out.size(), Decimal::fromString(price), static_cast<std::int64_t>(out.size()) * 1000});
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(swing)

BOOST_AUTO_TEST_CASE(a_swing_low_is_strictly_below_its_neighbours) {
    const auto strict = tc::fromLows({"10", "9", "8", "9", "10"});
    const auto lows = robson::domain::findSwingLows(strict, 2);
    BOOST_REQUIRE(lows.size() == 1U);
    BOOST_TEST(lows[0].index == 2U);
    BOOST_TEST(lows[0].price == "8"_d);
    BOOST_TEST(lows[0].time_ms == 2 * tc::kFifteenMinutesMs);
    BOOST_TEST(robson::domain::findSwingLows(tc::fromLows({"10", "8", "8", "9", "10"}), 2).empty());
}

BOOST_AUTO_TEST_CASE(the_first_and_last_pivot_bars_candles_cannot_be_swings) {
    const auto candles = tc::fromLows({"8", "9", "10", "9", "7"});
    BOOST_TEST(robson::domain::findSwingLows(candles, 1).empty());
    BOOST_TEST(robson::domain::findSwingLows(tc::fromLows({"8"}), 1).empty());
    BOOST_TEST(robson::domain::findSwingLows({}, 2).empty());
}

BOOST_AUTO_TEST_CASE(pivot_bars_sets_how_many_neighbours_must_be_higher) {
    //                          0     1    2     3    4     5    6
    const auto candles = tc::fromLows({"10", "9", "10", "8", "10", "9.5", "10"});
    BOOST_TEST(
        indices(robson::domain::findSwingLows(candles, 1)) == (std::vector<std::size_t>{1, 3, 5}),
        boost::test_tools::per_element());
    BOOST_TEST(indices(robson::domain::findSwingLows(candles, 3)) == (std::vector<std::size_t>{3}),
               boost::test_tools::per_element());
    BOOST_CHECK_THROW((void)robson::domain::findSwingLows(candles, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(swing_highs_mirror_swing_lows) {
    const auto candles = tc::fromHighs({"10", "11", "12", "11", "10", "12", "12", "10", "9"});
    const auto highs = robson::domain::findProtectiveSwings(candles, Side::Sell, 2);
    BOOST_TEST(indices(highs) == (std::vector<std::size_t>{2}), boost::test_tools::per_element());
    BOOST_TEST(highs[0].price == "12"_d);
}

BOOST_AUTO_TEST_CASE(worked_example_clusters_into_adverse_extremes) {
    // §2.4: swings 99.40, 97.70, 99.60, 96.00, 98.00; entry 100; tolerance 0.5% = 0.50.
    // Closest first: 99.60 starts A; 99.40 joins A (|99.60 − 99.40| ≤ 0.5, mean 99.50);
    // 98.00 starts B; 97.70 joins B (|98 − 97.70| = 0.3); 96.00 starts C.
    const auto swings = swingsAt({"99.40", "97.70", "99.60", "96.00", "98.00"});
    const auto levels =
        robson::domain::clusterSwingLevels(swings, Side::Buy, "100"_d, "0.005"_d, 1);
    BOOST_REQUIRE(levels.size() == 3U);
    BOOST_TEST(levels[0].price == "99.40"_d);
    BOOST_TEST(levels[0].touches == 2);
    BOOST_TEST(levels[0].first_touch_ms == 0);    // 99.40 was swing 0
    BOOST_TEST(levels[0].last_touch_ms == 2000);  // 99.60 was swing 2
    BOOST_TEST(levels[0].distance == "0.6"_d);
    BOOST_TEST(levels[0].distance_percent == "0.6"_d);
    BOOST_TEST(levels[1].price == "97.70"_d);
    BOOST_TEST(levels[1].distance_percent == "2.3"_d);
    BOOST_TEST(levels[2].price == "96"_d);
    BOOST_TEST(levels[2].touches == 1);
    const auto two_touches =
        robson::domain::clusterSwingLevels(swings, Side::Buy, "100"_d, "0.005"_d, 2);
    BOOST_TEST(two_touches.size() == 2U);
}

BOOST_AUTO_TEST_CASE(swings_on_the_wrong_side_are_dropped_before_clustering) {
    // Without the filter, 100.30 (above the entry) would seed a cluster that 99.90 joins.
    const auto swings = swingsAt({"100.30", "99.90", "100.00"});
    const auto levels =
        robson::domain::clusterSwingLevels(swings, Side::Buy, "100"_d, "0.005"_d, 1);
    BOOST_REQUIRE(levels.size() == 1U);
    BOOST_TEST(levels[0].price == "99.90"_d);
    BOOST_TEST(levels[0].touches == 1);
}

BOOST_AUTO_TEST_CASE(a_swing_joins_by_running_mean_not_by_its_neighbour) {
    // tolerance 0.5: 99.8 starts A; 99.4 joins (mean 99.6); 99.0 is 0.6 from the mean →
    // new cluster, although it is only 0.4 from 99.4 (single linkage would have chained).
    const auto swings = swingsAt({"99.8", "99.4", "99.0"});
    const auto levels =
        robson::domain::clusterSwingLevels(swings, Side::Buy, "100"_d, "0.005"_d, 1);
    BOOST_REQUIRE(levels.size() == 2U);
    BOOST_TEST(levels[0].price == "99.4"_d);
    BOOST_TEST(levels[1].price == "99"_d);
}

BOOST_AUTO_TEST_CASE(sell_levels_use_the_highest_member) {
    const auto swings = swingsAt({"100.60", "102.30", "100.40", "104.00", "102.00", "99.00"});
    const auto levels =
        robson::domain::clusterSwingLevels(swings, Side::Sell, "100"_d, "0.005"_d, 1);
    BOOST_REQUIRE(levels.size() == 3U);
    BOOST_TEST(levels[0].price == "100.60"_d);
    BOOST_TEST(levels[1].price == "102.30"_d);
    BOOST_TEST(levels[2].price == "104"_d);
}

BOOST_AUTO_TEST_CASE(clustering_rejects_a_non_positive_entry) {
    BOOST_CHECK_THROW((void)robson::domain::clusterSwingLevels({}, Side::Buy, "0"_d, "0.005"_d, 1),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
