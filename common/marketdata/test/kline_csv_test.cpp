#include "robson/marketdata/kline_csv.hpp"

#include <boost/test/unit_test.hpp>

#include <sstream>

using robson::marketdata::parseKlineCsv;
using robson::marketdata::readKlineCsvFile;

namespace {
robson::marketdata::KlineCsvResult parse(const std::string& text) {
    std::istringstream input(text);
    return parseKlineCsv(input);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(kline_csv)

BOOST_AUTO_TEST_CASE(reads_binance_twelve_column_rows_exactly) {
    const auto result = parse(
        "1787666400000,78648.00000000,79050.00000000,78531.55000000,78995.30000000,"
        "323.27707000,1787667299999,0.00000000,0,0.00000000,0.00000000,0\n");
    BOOST_TEST(result.errors.empty());
    BOOST_REQUIRE_EQUAL(result.candles.size(), 1U);
    const auto& candle = result.candles.front();
    BOOST_TEST(candle.open_time_ms == 1787666400000);
    BOOST_TEST(candle.low.toString() == "78531.55");
    BOOST_TEST(candle.close.toString() == "78995.3");
    BOOST_TEST(candle.volume.toString() == "323.27707");
    BOOST_TEST(candle.close_time_ms == 1787667299999);
}

BOOST_AUTO_TEST_CASE(skips_a_header_and_accepts_six_columns_and_crlf) {
    const auto result = parse("time,open,high,low,close,volume\r\n1000,1,2,0.5,1.5,10\r\n");
    BOOST_TEST(result.errors.empty());
    BOOST_REQUIRE_EQUAL(result.candles.size(), 1U);
    BOOST_TEST(result.candles.front().high.toString() == "2");
}

BOOST_AUTO_TEST_CASE(converts_microsecond_open_times_to_milliseconds) {
    const auto result = parse("1787666400000000,1,2,0.5,1.5,10,1787667299999999\n");
    BOOST_REQUIRE_EQUAL(result.candles.size(), 1U);
    BOOST_TEST(result.candles.front().open_time_ms == 1787666400000);
    BOOST_TEST(result.candles.front().close_time_ms == 1787667299999);
}

BOOST_AUTO_TEST_CASE(reports_every_bad_line_with_its_number_and_reason) {
    const auto result = parse(
        "1000,1,2,0.5,1.5,10\n"
        "2000,1,2,0.5\n"
        "3000,1e3,2,0.5,1.5,10\n"
        "4000,1,0.9,0.5,1.5,10\n"
        "500,1,2,0.5,1.5,10\n"
        "x,1,2,0.5,1.5,10\n");
    BOOST_TEST(result.candles.size() == 1U);
    BOOST_REQUIRE_EQUAL(result.errors.size(), 5U);
    BOOST_TEST(result.errors[0].line == 2U);
    BOOST_TEST(result.errors[0].message == "expected at least 6 columns, found 4");
    BOOST_TEST(result.errors[1].message == "open '1e3' is not an exact decimal");
    BOOST_TEST(result.errors[2].message.find("inconsistent") != std::string::npos);
    BOOST_TEST(result.errors[3].message == "open time is not after the previous row's");
    BOOST_TEST(result.errors[4].message == "open time 'x' is not a non-negative integer");
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_an_error_not_a_crash) {
    const auto result = readKlineCsvFile("/nonexistent/candles.csv");
    BOOST_TEST(result.candles.empty());
    BOOST_REQUIRE_EQUAL(result.errors.size(), 1U);
    BOOST_TEST(result.errors[0].line == 0U);
}

BOOST_AUTO_TEST_SUITE_END()
