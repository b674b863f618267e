#include "robson/domain/stop_validation.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

using robson::domain::Side;
using robson::domain::StopConfig;
using robson::domain::StopRejectionCode;
using robson::domain::validateStop;
using robson::domain::validateStopConfig;
using namespace robson::domain::decimal_literals;

BOOST_AUTO_TEST_SUITE(stop_validation)

BOOST_AUTO_TEST_CASE(accepts_the_mission_example_stop) {
    BOOST_TEST(!validateStop(Side::Buy, "95432.10"_d, "93500.00"_d, StopConfig{}).has_value());
    BOOST_TEST(!validateStop(Side::Sell, "100"_d, "102.30"_d, StopConfig{}).has_value());
}

BOOST_AUTO_TEST_CASE(rejects_a_stop_on_the_wrong_side) {
    const auto above = validateStop(Side::Buy, "95432.10"_d, "95500"_d, StopConfig{});
    BOOST_REQUIRE(above.has_value());
    BOOST_TEST(above->code == StopRejectionCode::WrongSide);
    BOOST_TEST(above->message ==
               "stop 95500.00 is above the entry 95432.10 for a BUY; its stop must be below the "
               "entry");
    const auto equal = validateStop(Side::Sell, "100"_d, "100"_d, StopConfig{});
    BOOST_TEST(equal->code == StopRejectionCode::WrongSide);
    BOOST_TEST(equal->message ==
               "stop 100.00 equals the entry 100.00 for a SELL; its stop must be above the entry");
    BOOST_TEST(validateStop(Side::Sell, "100"_d, "99"_d, StopConfig{})->code ==
               StopRejectionCode::WrongSide);
}

BOOST_AUTO_TEST_CASE(rejects_a_stop_too_close_with_the_numbers) {
    // 95432.10 − 95400 = 32.10 → 0.0336% < 0.1%
    const auto close = validateStop(Side::Buy, "95432.10"_d, "95400.00"_d, StopConfig{});
    BOOST_REQUIRE(close.has_value());
    BOOST_TEST(close->code == StopRejectionCode::TooClose);
    BOOST_TEST(close->message ==
               "stop 95400.00 is only 0.03% from the entry 95432.10; the minimum is 0.1%");
}

BOOST_AUTO_TEST_CASE(rejects_a_stop_too_far_with_the_numbers) {
    const auto far = validateStop(Side::Buy, "100"_d, "88"_d, StopConfig{});
    BOOST_REQUIRE(far.has_value());
    BOOST_TEST(far->code == StopRejectionCode::TooFar);
    BOOST_TEST(far->message == "stop 88.00 is 12.00% from the entry 100.00; the maximum is 10%");
}

BOOST_AUTO_TEST_CASE(the_bounds_are_inclusive_and_exact) {
    const StopConfig config;
    BOOST_TEST(!validateStop(Side::Buy, "100"_d, "99.9"_d, config).has_value());  // exactly 0.1%
    BOOST_TEST(validateStop(Side::Buy, "100"_d, "99.90000001"_d, config)->code ==
               StopRejectionCode::TooClose);
    BOOST_TEST(!validateStop(Side::Buy, "100"_d, "90"_d, config).has_value());  // exactly 10%
    BOOST_TEST(validateStop(Side::Buy, "100"_d, "89.99999999"_d, config)->code ==
               StopRejectionCode::TooFar);
    // entry × rate off the grid: 0.00001234 × 0.001 = 1.234e-8; 1 unit is too close, 2 are not
    BOOST_TEST(validateStop(Side::Buy, "0.00001234"_d, "0.00001233"_d, config)->code ==
               StopRejectionCode::TooClose);
    BOOST_TEST(!validateStop(Side::Buy, "0.00001234"_d, "0.00001232"_d, config).has_value());
}

BOOST_AUTO_TEST_CASE(a_percentage_is_never_rounded_across_the_bound_it_broke) {
    // 0.0999% must not read "0.10%; the minimum is 0.1%"
    const auto close = validateStop(Side::Buy, "100"_d, "99.9001"_d, StopConfig{});
    BOOST_TEST(close->message ==
               "stop 99.9001 is only 0.09% from the entry 100.00; the minimum is 0.1%");
    const auto far = validateStop(Side::Sell, "100"_d, "110.001"_d, StopConfig{});
    BOOST_TEST(far->message == "stop 110.001 is 10.01% from the entry 100.00; the maximum is 10%");
}

BOOST_AUTO_TEST_CASE(rejects_non_positive_prices) {
    BOOST_TEST(validateStop(Side::Buy, "0"_d, "1"_d, StopConfig{})->code ==
               StopRejectionCode::InvalidInput);
    BOOST_TEST(validateStop(Side::Buy, "100"_d, "0"_d, StopConfig{})->code ==
               StopRejectionCode::InvalidInput);
    BOOST_TEST(validateStop(Side::Buy, "100"_d, "-5"_d, StopConfig{})->message ==
               "the stop -5.00 is not a positive price");
}

BOOST_AUTO_TEST_CASE(rejects_nonsensical_configurations) {
    BOOST_TEST(!validateStopConfig(StopConfig{}).has_value());
    StopConfig config;
    config.level_n = 0;
    BOOST_TEST(validateStopConfig(config)->message ==
               "stop config level_n must be at least 1, got 0");
    config = {};
    config.pivot_bars = -1;
    BOOST_TEST(validateStopConfig(config).has_value());
    config = {};
    config.cluster_tolerance_rate = "-0.001"_d;
    BOOST_TEST(validateStopConfig(config).has_value());
    config = {};
    config.atr_multiplier = "0"_d;
    BOOST_TEST(validateStopConfig(config).has_value());
    config = {};
    config.min_distance_rate = "0.2"_d;
    BOOST_TEST(validateStopConfig(config)->code == StopRejectionCode::InvalidInput);
    config = {};
    config.max_distance_rate = "1"_d;
    BOOST_TEST(validateStopConfig(config).has_value());
}

BOOST_AUTO_TEST_CASE(distance_percent_and_price_text) {
    BOOST_TEST(robson::domain::stopDistancePercent("95432.10"_d, "93500"_d) == "2.0246"_d);
    BOOST_TEST(robson::domain::stopDistancePercent("100"_d, "102.3"_d) == "2.3"_d);
    BOOST_TEST(robson::domain::formatStopPrice("95500"_d) == "95500.00");
    BOOST_TEST(robson::domain::formatStopPrice("95432.1"_d) == "95432.10");
    BOOST_TEST(robson::domain::formatStopPrice("0.00001234"_d) == "0.00001234");
    BOOST_TEST(robson::domain::formatStopPrice("97.6023"_d) == "97.6023");
}

BOOST_AUTO_TEST_CASE(rejection_codes_have_wire_names) {
    BOOST_TEST(toString(StopRejectionCode::WrongSide) == "WRONG_SIDE");
    BOOST_TEST(toString(StopRejectionCode::TooClose) == "TOO_CLOSE");
    BOOST_TEST(toString(StopRejectionCode::TooFar) == "TOO_FAR");
    BOOST_TEST(toString(StopRejectionCode::InsufficientData) == "INSUFFICIENT_DATA");
    BOOST_TEST(toString(StopRejectionCode::InvalidInput) == "INVALID_INPUT");
}

BOOST_AUTO_TEST_SUITE_END()
