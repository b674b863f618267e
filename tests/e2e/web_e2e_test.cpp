// The web UI in a real browser (Debian's Chromium driven by playwright-core, web/e2e/run.mjs)
// against the real stack: API serving web/dist, broker, workers, sweeper, simulator, PostgreSQL.
#include "crossover_data.hpp"
#include "http_client.hpp"
#include "stack.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <unistd.h>

using robson::e2e::Programs;
using robson::e2e::runCommand;
using robson::e2e::Stack;
using robson::e2e::StackOptions;

namespace {

std::string quote(const std::string& text) {
    return "'" + text + "'";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(web_e2e)

BOOST_AUTO_TEST_CASE(the_trader_journeys_pass_in_a_real_browser) {
    const std::filesystem::path source(ROBSON_SOURCE_DIR);
    const auto dist = source / "web" / "dist";
    BOOST_REQUIRE_MESSAGE(std::filesystem::exists(dist / "index.html"),
                          "web/dist is not built: run `make web` first");
    StackOptions options;
    options.with_api = true;
    options.web_root = dist.string();
    options.scan_workers = 1;  // the patterns journey scans on demand
    // BTCUSDT's 15m chart ends on a real SMA4/SMA9 crossover: the patterns journey finds it,
    // draws it and sees the trade its manual configuration makes wait for confirmation.
    const auto data_dir =
        std::filesystem::temp_directory_path() / ("robson-web-e2e-" + std::to_string(::getpid()));
    (void)robson::e2e::writeCrossoverData(data_dir, true);
    options.sim_data_dir = data_dir.string();
    Stack stack(options);
    const auto added =
        runCommand(quote(Programs::api()) + " add-user --database " + quote(stack.databaseUrl()) +
                   " --tenant web-e2e --username trader --password trader-pass-1");
    BOOST_REQUIRE_MESSAGE(added.status == 0, added.output);
    const auto artifacts = std::filesystem::current_path() / "web-e2e-artifacts";
    std::filesystem::create_directories(artifacts);
    const auto run = runCommand("ROBSON_E2E_BASE_URL=" + quote(stack.apiUrl()) +
                                " ROBSON_E2E_USER=trader ROBSON_E2E_PASSWORD=trader-pass-1" +
                                " ROBSON_E2E_SIM_URL=" + quote(stack.simulatorUrl()) +
                                " ROBSON_E2E_PATTERN_SYMBOL=BTCUSDT" +
                                " ROBSON_E2E_ARTIFACTS=" + quote(artifacts.string()) + " node " +
                                quote((source / "web" / "e2e" / "run.mjs").string()));
    BOOST_TEST_MESSAGE(run.output);
    BOOST_TEST(run.status == 0, run.output << "\n(stack logs: " << stack.logFile() << ")");
    std::filesystem::remove_all(data_dir);
}

BOOST_AUTO_TEST_SUITE_END()
