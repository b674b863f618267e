// Every file of tests/fuzz/corpus/<target>/ through its parser, under the ordinary build: the
// seeds and every crash the fuzzers found (kept as regression inputs) must pass each time.
#include "fuzz_entries.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace {

std::vector<std::uint8_t> readBytes(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fuzz_corpus)

BOOST_AUTO_TEST_CASE(every_corpus_file_passes_through_its_parser_without_a_crash) {
    const std::filesystem::path root =
        std::filesystem::path(ROBSON_SOURCE_DIR) / "tests/fuzz/corpus";
    for (const auto& target : robson::fuzz::kTargets) {
        const auto directory = root / target.name;
        BOOST_TEST_CONTEXT("target " << target.name) {
            BOOST_REQUIRE_MESSAGE(std::filesystem::is_directory(directory),
                                  "no corpus at " << directory);
            std::size_t files = 0;
            for (const auto& entry : std::filesystem::directory_iterator(directory)) {
                const auto bytes = readBytes(entry.path());
                BOOST_TEST_CONTEXT("input " << entry.path().filename()) {
                    // A crash or broken invariant aborts the test; a stray exception fails it.
                    BOOST_CHECK_NO_THROW(target.entry(bytes));
                }
                ++files;
            }
            BOOST_TEST(files >= 3U, "the seed corpus of " << target.name << " is too small");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
