#include "robson/domain/decimal.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

using robson::domain::Decimal;
using robson::domain::DecimalError;
using robson::domain::Rounding;
using namespace robson::domain::decimal_literals;
namespace bdata = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(decimal)

BOOST_AUTO_TEST_CASE(parses_exchange_strings_exactly) {
    BOOST_TEST(Decimal::fromString("95432.10").units() == 9'543'210'000'000);
    BOOST_TEST(Decimal::fromString("0.00001000").units() == 1'000);
    BOOST_TEST(Decimal::fromString("0.00000001").units() == 1);
    BOOST_TEST(Decimal::fromString("-1.5").units() == -150'000'000);
    BOOST_TEST(Decimal::fromString("100").units() == 10'000'000'000);
    BOOST_TEST(Decimal::fromString("0").units() == 0);
}

BOOST_AUTO_TEST_CASE(accepts_trailing_zeros_beyond_eight_decimals) {
    BOOST_TEST(Decimal::fromString("1.1000000000").units() == 110'000'000);
}

BOOST_DATA_TEST_CASE(rejects_malformed_text,
                     bdata::make(std::vector<std::string>{"",
                                                          "-",
                                                          ".5",
                                                          "1.",
                                                          "1e-05",
                                                          "+1",
                                                          " 1",
                                                          "1 ",
                                                          "1,5",
                                                          "0x10",
                                                          "--1",
                                                          "1.2.3",
                                                          "0.000000001",
                                                          "99999999999999999999",
                                                          "92233720368.54775808"}),
                     text) {
    BOOST_TEST(!Decimal::parse(text).has_value());
    BOOST_CHECK_THROW(Decimal::fromString(text), DecimalError);
}

BOOST_AUTO_TEST_CASE(parses_the_extremes_of_the_range) {
    BOOST_TEST(Decimal::fromString("92233720368.54775807").units() ==
               std::numeric_limits<std::int64_t>::max());
    BOOST_TEST(Decimal::fromString("-92233720368.54775808").units() ==
               std::numeric_limits<std::int64_t>::min());
}

BOOST_AUTO_TEST_CASE(prints_shortest_exact_text) {
    BOOST_TEST("0.000517"_d.toString() == "0.000517");
    BOOST_TEST("95432.10"_d.toString() == "95432.1");
    BOOST_TEST("100.00"_d.toString() == "100");
    BOOST_TEST("-0.5"_d.toString() == "-0.5");
    BOOST_TEST(Decimal{}.toString() == "0");
}

BOOST_AUTO_TEST_CASE(prints_fixed_places_with_stated_rounding) {
    BOOST_TEST("0.00001"_d.toFixed(8) == "0.00001000");
    BOOST_TEST("95432.1"_d.toFixed(2) == "95432.10");
    BOOST_TEST("0.9989"_d.toFixed(2) == "1.00");
    BOOST_TEST("0.9989"_d.toFixed(2, Rounding::Floor) == "0.99");
    BOOST_TEST("0.125"_d.toFixed(2) == "0.12");  // half-even: tie goes to the even neighbour
    BOOST_TEST("0.135"_d.toFixed(2) == "0.14");
    BOOST_TEST("-0.125"_d.toFixed(2) == "-0.12");
    BOOST_TEST("-0.004"_d.toFixed(2) == "0.00");
    BOOST_TEST("7"_d.toFixed(0) == "7");
    BOOST_CHECK_THROW(static_cast<void>("1"_d.toFixed(9)), DecimalError);
}

BOOST_AUTO_TEST_CASE(adds_and_subtracts_exactly) {
    BOOST_TEST(("0.1"_d + "0.2"_d) == "0.3"_d);
    BOOST_TEST(("95432.10"_d - "93500.00"_d) == "1932.10"_d);
    BOOST_TEST((-"1.5"_d) == "-1.5"_d);
}

BOOST_AUTO_TEST_CASE(detects_overflow_instead_of_wrapping) {
    const Decimal biggest = Decimal::fromUnits(std::numeric_limits<std::int64_t>::max());
    const Decimal smallest = Decimal::fromUnits(std::numeric_limits<std::int64_t>::min());
    BOOST_CHECK_THROW(biggest + "0.00000001"_d, DecimalError);
    BOOST_CHECK_THROW(smallest - "0.00000001"_d, DecimalError);
    BOOST_CHECK_THROW(-smallest, DecimalError);
    BOOST_CHECK_THROW(static_cast<void>(smallest.abs()), DecimalError);
    BOOST_CHECK_THROW(static_cast<void>(mul(biggest, "2"_d, Rounding::Down)), DecimalError);
    BOOST_CHECK_THROW(static_cast<void>(div(biggest, "0.5"_d, Rounding::Down)), DecimalError);
    BOOST_CHECK_THROW(static_cast<void>(mulInteger(biggest, 2)), DecimalError);
    BOOST_CHECK_THROW(Decimal::fromInteger(100'000'000'000), DecimalError);
}

BOOST_AUTO_TEST_CASE(multiplies_with_stated_rounding) {
    BOOST_TEST(mul("95432.10"_d, "0.000517"_d, Rounding::Down) == "49.3383957"_d);
    BOOST_TEST(mul("0.00000001"_d, "0.5"_d, Rounding::Down) == "0"_d);
    BOOST_TEST(mul("0.00000001"_d, "0.5"_d, Rounding::Up) == "0.00000001"_d);
    BOOST_TEST(mul("0.00000001"_d, "0.5"_d, Rounding::HalfEven) == "0"_d);
    BOOST_TEST(mul("0.00000003"_d, "0.5"_d, Rounding::HalfEven) == "0.00000002"_d);
    BOOST_TEST(mul("-0.00000001"_d, "0.5"_d, Rounding::Floor) == "-0.00000001"_d);
    BOOST_TEST(mul("-0.00000001"_d, "0.5"_d, Rounding::Ceiling) == "0"_d);
}

BOOST_AUTO_TEST_CASE(divides_with_stated_rounding) {
    BOOST_TEST(div("1"_d, "1932.10"_d, Rounding::Floor) == "0.00051757"_d);
    BOOST_TEST(div("1"_d, "3"_d, Rounding::Floor) == "0.33333333"_d);
    BOOST_TEST(div("2"_d, "3"_d, Rounding::HalfEven) == "0.66666667"_d);
    BOOST_TEST(div("-1"_d, "3"_d, Rounding::Floor) == "-0.33333334"_d);
    BOOST_TEST(div("-1"_d, "3"_d, Rounding::Down) == "-0.33333333"_d);
    BOOST_TEST(div("1"_d, "-3"_d, Rounding::Ceiling) == "-0.33333333"_d);
    BOOST_CHECK_THROW(static_cast<void>(div("1"_d, Decimal{}, Rounding::Down)), DecimalError);
}

BOOST_AUTO_TEST_CASE(rounds_to_a_step_in_the_stated_direction) {
    BOOST_TEST("0.00051757"_d.floorToStep("0.000001"_d) == "0.000517"_d);
    BOOST_TEST("0.00051757"_d.ceilToStep("0.000001"_d) == "0.000518"_d);
    BOOST_TEST("93500.005"_d.floorToStep("0.01"_d) == "93500.00"_d);
    BOOST_TEST("17.9"_d.floorToStep("1"_d) == "17"_d);
    BOOST_TEST("0.12345678"_d.floorToStep("0.00000001"_d) == "0.12345678"_d);
    BOOST_TEST("0.12345678"_d.floorToStep("0.0000001"_d) == "0.1234567"_d);
    BOOST_TEST("-1.25"_d.floorToStep("0.5"_d) == "-1.5"_d);
    BOOST_TEST("1.25"_d.roundToStep("0.5"_d, Rounding::HalfEven) == "1.0"_d);
    BOOST_CHECK_THROW(static_cast<void>("1"_d.floorToStep(Decimal{})), DecimalError);
}

BOOST_AUTO_TEST_CASE(converts_indicator_doubles_with_explicit_rounding) {
    BOOST_TEST(Decimal::fromDouble(93499.123456789, Rounding::Floor) == "93499.12345678"_d);
    BOOST_TEST(Decimal::fromDouble(0.1, Rounding::HalfEven) == "0.1"_d);
    BOOST_TEST(Decimal::fromDouble(-0.000000015, Rounding::Floor) == "-0.00000002"_d);
    BOOST_CHECK_THROW(Decimal::fromDouble(1e300, Rounding::Floor), DecimalError);
    BOOST_CHECK_THROW(
        Decimal::fromDouble(std::numeric_limits<double>::quiet_NaN(), Rounding::Floor),
        DecimalError);
}

BOOST_AUTO_TEST_CASE(round_trips_random_values_through_text) {
    std::mt19937_64 random(20261125);
    std::uniform_int_distribution<std::int64_t> units(std::numeric_limits<std::int64_t>::min(),
                                                      std::numeric_limits<std::int64_t>::max());
    for (int i = 0; i < 20'000; ++i) {
        const Decimal value = Decimal::fromUnits(units(random));
        BOOST_TEST_REQUIRE(Decimal::fromString(value.toString()) == value);
        BOOST_TEST_REQUIRE(Decimal::fromString(value.toFixed(8)) == value);
    }
}

BOOST_AUTO_TEST_CASE(floored_steps_never_exceed_and_stay_within_one_step) {
    std::mt19937_64 random(7);
    std::uniform_int_distribution<std::int64_t> units(0, 1'000'000'000'000);
    const std::vector<Decimal> steps{"0.00000001"_d, "0.000001"_d, "0.00001"_d, "0.01"_d, "1"_d};
    for (int i = 0; i < 10'000; ++i) {
        const Decimal value = Decimal::fromUnits(units(random));
        for (const Decimal step : steps) {
            const Decimal floored = value.floorToStep(step);
            BOOST_TEST_REQUIRE(floored <= value);
            BOOST_TEST_REQUIRE((value - floored) < step);
            BOOST_TEST_REQUIRE(floored.isMultipleOf(step));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
