#include "robson/sim/market/market.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace robson::sim;

BOOST_AUTO_TEST_SUITE(sim_market)

BOOST_AUTO_TEST_CASE(csv_files_are_loaded_by_name_and_the_finest_interval_leads) {
    const auto dir = std::filesystem::temp_directory_path() / "robson_sim_market_test";
    std::filesystem::create_directories(dir);
    {
        std::ofstream(dir / "ETHUSDT-1h.csv") << "1000,10,11,9,10.5,1,3599999,0,0,0,0,0\n";
        std::ofstream(dir / "ETHUSDT-15m.csv") << "1000,10,11,9,10.5,1,899999,0,0,0,0,0\n";
        std::ofstream(dir / "ETHUSDT-7x.csv") << "garbage\n";
        std::ofstream(dir / "BADUSDT-15m.csv") << "garbage\n";
    }
    std::vector<std::string> warnings;
    MarketSetup setup{dir, 1'000'000'000'000};
    Market market = Market::load(setup, warnings);
    BOOST_TEST(market.has("ETHUSDT"));
    BOOST_TEST(market.has("BTCUSDT"));  // a default symbol without data still trades
    BOOST_TEST(!market.has("BADUSDT"));
    BOOST_TEST(warnings.size() == 1U);
    BOOST_TEST(market.finest("ETHUSDT").setup().interval == "15m");
    BOOST_TEST(market.series("ETHUSDT", "1h") != nullptr);
    BOOST_TEST(market.series("ETHUSDT", "4h") == nullptr);
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(the_simulated_clock_runs_at_its_speed_plus_advances) {
    std::vector<std::string> warnings;
    MarketSetup setup{"/nonexistent", 1'000'000};
    setup.speed = 10.0;
    Market market = Market::load(setup, warnings);
    BOOST_TEST(market.simNow(1'000'100) == 1'001'000);
    market.advance(5000);
    BOOST_TEST(market.simNow(1'000'100) == 1'006'000);
}

BOOST_AUTO_TEST_SUITE_END()
