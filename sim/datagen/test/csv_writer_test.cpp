// Writing klines in Binance's 12-column layout, readable by robson::marketdata.
#include "robson/datagen/csv_writer.hpp"

#include "robson/marketdata/kline_csv.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <stdexcept>
#include <vector>

using robson::domain::Candle;
using namespace robson::domain::decimal_literals;

BOOST_AUTO_TEST_SUITE(csv_writer)

BOOST_AUTO_TEST_CASE(a_row_has_twelve_columns_with_eight_decimals_and_zero_fillers) {
    const Candle candle{1787666400000,
                        "78648"_d,
                        "78700.5"_d,
                        "78600.01"_d,
                        "78650.12"_d,
                        "0.00012345"_d,
                        1787667299999};
    BOOST_TEST(robson::datagen::formatKlineRow(candle) ==
               "1787666400000,78648.00000000,78700.50000000,78600.01000000,78650.12000000,"
               "0.00012345,1787667299999,0.00000000,0,0.00000000,0.00000000,0");
}

BOOST_AUTO_TEST_CASE(written_rows_read_back_unchanged) {
    const std::vector<Candle> candles{
        {1787666400000, "100"_d, "101"_d, "99"_d, "100.5"_d, "12.345"_d, 1787667299999},
        {1787667300000, "100.5"_d, "100.5"_d, "98.12345678"_d, "99"_d, "0.001"_d, 1787668199999},
    };
    std::stringstream stream;
    robson::datagen::writeKlineCsv(stream, candles);
    const auto result = robson::marketdata::parseKlineCsv(stream);
    BOOST_TEST(result.errors.empty());
    BOOST_TEST((result.candles == candles));
}

BOOST_AUTO_TEST_CASE(an_unwritable_path_is_reported_with_its_name) {
    const std::vector<Candle> none;
    try {
        robson::datagen::writeKlineCsvFile("/nonexistent-dir/x.csv", none);
        BOOST_FAIL("expected an error");
    } catch (const std::runtime_error& error) {
        BOOST_TEST(std::string(error.what()).find("/nonexistent-dir/x.csv") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
