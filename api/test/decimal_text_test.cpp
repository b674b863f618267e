#include "decimal_text.hpp"

#include <boost/test/unit_test.hpp>

using robson::api::normalizeDecimal;

BOOST_AUTO_TEST_SUITE(decimal_text)

BOOST_AUTO_TEST_CASE(trailing_fractional_zeros_go_and_nothing_else_changes) {
    BOOST_TEST(normalizeDecimal("100.00000000") == "100");
    BOOST_TEST(normalizeDecimal("0.00051700") == "0.000517");
    BOOST_TEST(normalizeDecimal("95432.10000000") == "95432.1");
    BOOST_TEST(normalizeDecimal("1.00000000") == "1");
    BOOST_TEST(normalizeDecimal("0.00000000") == "0");
    BOOST_TEST(normalizeDecimal("-0.50") == "-0.5");
    BOOST_TEST(normalizeDecimal("-0.000") == "0");
    BOOST_TEST(normalizeDecimal("100") == "100");
    BOOST_TEST(normalizeDecimal("1000000000000000000000.00000001") ==
               "1000000000000000000000.00000001");
}

BOOST_AUTO_TEST_CASE(text_that_is_not_a_plain_decimal_is_left_alone) {
    BOOST_TEST(normalizeDecimal("NaN") == "NaN");
    BOOST_TEST(normalizeDecimal("") == "");
    BOOST_TEST(normalizeDecimal("1.2.0") == "1.2.0");
}

BOOST_AUTO_TEST_SUITE_END()
