#include "robson/domain/guards/guard_text.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>
#include <utility>

using robson::domain::formatAmountPair;
using robson::domain::formatPercent;
using robson::domain::formatPercentPair;
using robson::domain::Rounding;
using robson::domain::withAsset;
using namespace robson::domain::decimal_literals;

BOOST_AUTO_TEST_SUITE(guard_text)

BOOST_AUTO_TEST_CASE(formats_percentages_compactly) {
    BOOST_TEST(formatPercent("0.01"_d) == "1%");
    BOOST_TEST(formatPercent("0.0099"_d) == "0.99%");
    BOOST_TEST(formatPercent("0.015"_d) == "1.5%");
    BOOST_TEST(formatPercent("0"_d) == "0%");
    BOOST_TEST(formatPercent("1.05"_d) == "105%");
    BOOST_TEST(formatPercent("-0.025"_d) == "-2.5%");
}

BOOST_AUTO_TEST_CASE(rounds_percentages_to_the_requested_places) {
    // 0.0099871 = 0.99871% → 1.00% at two places, half-even.
    BOOST_TEST(formatPercent("0.0099871"_d) == "1%");
    BOOST_TEST(formatPercent("0.0099871"_d, 2, Rounding::Down) == "0.99%");
    BOOST_TEST(formatPercent("0.00001"_d) == "0%");
    BOOST_TEST(formatPercent("0.00001"_d, 3) == "0.001%");
    BOOST_TEST(formatPercent("0.01234567"_d, 6) == "1.234567%");
    BOOST_CHECK_THROW(static_cast<void>(formatPercent("0.01"_d, 7)), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(compared_percentages_never_print_equal_when_they_differ) {
    BOOST_TEST((formatPercentPair("0.025"_d, "0.02"_d) ==
                std::make_pair(std::string("2.5%"), std::string("2%"))));
    BOOST_TEST((formatPercentPair("0.02000001"_d, "0.02"_d) ==
                std::make_pair(std::string("2.000001%"), std::string("2%"))));
    BOOST_TEST((formatPercentPair("0.020004"_d, "0.02"_d) ==
                std::make_pair(std::string("2.0004%"), std::string("2%"))));
    BOOST_TEST((formatPercentPair("0.02"_d, "0.02"_d) ==
                std::make_pair(std::string("2%"), std::string("2%"))));
}

BOOST_AUTO_TEST_CASE(compared_amounts_fall_back_to_exact_digits_only_when_needed) {
    BOOST_TEST((formatAmountPair("49.3877341"_d, "20"_d, 2) ==
                std::make_pair(std::string("49.39"), std::string("20.00"))));
    BOOST_TEST((formatAmountPair("49.3877341"_d, "49.3877"_d, 2) ==
                std::make_pair(std::string("49.3877341"), std::string("49.3877"))));
    BOOST_TEST((formatAmountPair("5"_d, "5.00"_d, 2) ==
                std::make_pair(std::string("5.00"), std::string("5.00"))));
}

BOOST_AUTO_TEST_CASE(appends_the_asset_when_known) {
    BOOST_TEST(withAsset("49.39", "USDT") == "49.39 USDT");
    BOOST_TEST(withAsset("49.39", "") == "49.39");
}

BOOST_AUTO_TEST_SUITE_END()
