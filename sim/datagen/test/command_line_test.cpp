// The robson-candle-gen command line: generate, aggregate, and every way to get it wrong.
#include "robson/datagen/command_line.hpp"

#include "robson/marketdata/kline_csv.hpp"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using robson::datagen::kExitFailure;
using robson::datagen::kExitOk;
using robson::datagen::kExitUsage;

namespace {

/// A fresh temporary directory per test case, removed afterwards.
struct TempDir {
    TempDir() {
        static std::atomic<int> counter{0};
        path = fs::temp_directory_path() /
               ("robson-datagen-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
        fs::create_directories(path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    TempDir(TempDir&&) = delete;
    TempDir& operator=(TempDir&&) = delete;
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    fs::path path;
};

struct Run {
    int code;
    std::string out;
    std::string err;
};

Run run(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = robson::datagen::runCandleGen(args, out, err);
    return Run{code, out.str(), err.str()};
}

std::string slurp(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::vector<std::string> generateArgs(const fs::path& out, const std::string& seed = "7") {
    return {"generate",
            "--symbol",
            "SOLUSDT",
            "--interval",
            "15m",
            "--start-price",
            "180",
            "--count",
            "96",
            "--seed",
            seed,
            "--start-time",
            "1787616000000",
            "--out",
            out.string()};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(command_line, TempDir)

BOOST_AUTO_TEST_CASE(generate_writes_the_requested_bars_and_says_so) {
    const Run result = run(generateArgs(path / "sol.csv"));
    BOOST_TEST(result.code == kExitOk);
    BOOST_TEST(result.out.find("wrote 96 candles") != std::string::npos);
    const auto loaded = robson::marketdata::readKlineCsvFile(path / "sol.csv");
    BOOST_TEST(loaded.errors.empty());
    BOOST_TEST(loaded.candles.size() == 96U);
    BOOST_TEST(loaded.candles.front().open_time_ms == 1787616000000);
}

BOOST_AUTO_TEST_CASE(generate_twice_with_one_seed_writes_identical_files) {
    BOOST_TEST(run(generateArgs(path / "a.csv")).code == kExitOk);
    BOOST_TEST(run(generateArgs(path / "b.csv")).code == kExitOk);
    BOOST_TEST(run(generateArgs(path / "c.csv", "8")).code == kExitOk);
    BOOST_TEST(slurp(path / "a.csv") == slurp(path / "b.csv"));
    BOOST_TEST(slurp(path / "a.csv") != slurp(path / "c.csv"));
}

BOOST_AUTO_TEST_CASE(aggregate_keeps_complete_bars_from_the_given_time) {
    BOOST_TEST(run(generateArgs(path / "sol.csv")).code == kExitOk);  // one day of 15m
    const Run result = run({"aggregate",
                            "--in",
                            (path / "sol.csv").string(),
                            "--interval",
                            "4h",
                            "--from-time",
                            "1787630400000",
                            "--out",
                            (path / "4h.csv").string()});
    BOOST_TEST(result.code == kExitOk);
    const auto loaded = robson::marketdata::readKlineCsvFile(path / "4h.csv");
    BOOST_TEST_REQUIRE(loaded.candles.size() == 5U);  // 04:00 .. 20:00
    BOOST_TEST(loaded.candles.front().open_time_ms == 1787630400000);
}

BOOST_AUTO_TEST_CASE(help_prints_the_usage) {
    const Run result = run({"help"});
    BOOST_TEST(result.code == kExitOk);
    BOOST_TEST(result.out.find("robson-candle-gen generate") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(command_line_mistakes_exit_with_the_usage_code) {
    const std::string out = (path / "x.csv").string();
    BOOST_TEST(run({}).code == kExitUsage);
    BOOST_TEST(run({"explode"}).code == kExitUsage);
    BOOST_TEST(run({"aggregate", "--in", out, "--out", out}).code == kExitUsage);  // no interval
    BOOST_TEST(run({"aggregate", "--in", out, "--interval", "1w", "--out", out}).code ==
               kExitUsage);
    BOOST_TEST(run({"aggregate", "--in", out, "--interval"}).code == kExitUsage);
    BOOST_TEST(run({"aggregate", "--bogus", "1"}).code == kExitUsage);
    BOOST_TEST(run({"aggregate", "--in", out, "--in", out}).code == kExitUsage);
    auto args = generateArgs(out);
    args[8] = "12x";  // --count
    BOOST_TEST(run(args).code == kExitUsage);
    args = generateArgs(out);
    args[6] = "-5";  // --start-price
    BOOST_TEST(run(args).code == kExitUsage);
    args = generateArgs(out);
    args[12] = "1787616000001";  // --start-time not on the interval
    const Run misaligned = run(args);
    BOOST_TEST(misaligned.code == kExitUsage);
    BOOST_TEST(misaligned.err.find("multiple of the interval") != std::string::npos);
    BOOST_TEST(!fs::exists(out));
}

BOOST_AUTO_TEST_CASE(unreadable_or_malformed_input_fails_without_writing) {
    const std::string out = (path / "out.csv").string();
    BOOST_TEST(run({"aggregate",
                    "--in",
                    (path / "missing.csv").string(),
                    "--interval",
                    "1h",
                    "--out",
                    out})
                   .code == kExitFailure);
    std::ofstream(path / "bad.csv") << "1787616000000,1,2,3,oops,1,1787616899999\n";
    const Run bad =
        run({"aggregate", "--in", (path / "bad.csv").string(), "--interval", "1h", "--out", out});
    BOOST_TEST(bad.code == kExitFailure);
    BOOST_TEST(bad.err.find("bad.csv:1") != std::string::npos);
    BOOST_TEST(!fs::exists(out));
}

BOOST_AUTO_TEST_SUITE_END()
