// The pattern detectors over every shipped real Binance series: counts per detector per file
// (run with --log_level=message to see them) and the invariants every detection must keep.
#include "robson/domain/patterns/pattern.hpp"
#include "robson/marketdata/kline_csv.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace patterns = robson::domain::patterns;
using patterns::Detection;
using patterns::PatternKind;
using patterns::PatternState;
using robson::domain::Candle;
using robson::domain::Decimal;
using robson::domain::Side;

namespace {

std::filesystem::path realDataDir() {
    return std::filesystem::path(ROBSON_SOURCE_DIR) / "tests" / "data" / "real";
}

/// Every CSV under tests/data/real, sorted, so a newly added file is covered too.
std::vector<std::filesystem::path> realCsvFiles() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(realDataDir())) {
        if (entry.is_regular_file() && entry.path().extension() == ".csv") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// The file's candles without its last row, which every shipped file saved before it closed
/// (tests/data/real/LICENSE-NOTE.md): the scanner sees closed candles only.
std::vector<Candle> closedCandles(const std::filesystem::path& file) {
    auto loaded = robson::marketdata::readKlineCsvFile(file);
    BOOST_TEST_REQUIRE(loaded.errors.empty());
    BOOST_TEST_REQUIRE(loaded.candles.size() > 1U);
    loaded.candles.pop_back();
    return std::move(loaded.candles);
}

void checkDetection(const Detection& detection, std::span<const Candle> candles) {
    BOOST_TEST_REQUIRE(detection.trigger_index < candles.size());
    BOOST_TEST(detection.trigger_open_time_ms == candles[detection.trigger_index].open_time_ms);
    BOOST_TEST(detection.confirmation_level.isPositive());
    BOOST_TEST(detection.invalidation_level.isPositive());
    BOOST_TEST(!detection.confidence.isNegative());
    BOOST_TEST(detection.confidence <= Decimal::fromInteger(1));
    BOOST_TEST(detection.direction == patterns::directionOf(detection.kind));
    // The invalidation level lies on the losing side of the confirmation level.
    if (detection.direction == Side::Buy) {
        BOOST_TEST(detection.invalidation_level <= detection.confirmation_level);
    } else {
        BOOST_TEST(detection.invalidation_level >= detection.confirmation_level);
    }
    BOOST_TEST(!detection.explanation.empty());
}

void checkProgress(const Detection& detection, const patterns::Progress& progress) {
    BOOST_TEST(!progress.confidence.isNegative());
    BOOST_TEST(progress.confidence <= Decimal::fromInteger(1));
    if (progress.state == PatternState::Detected) {
        BOOST_TEST(!progress.decided_at_open_time_ms.has_value());
        return;
    }
    BOOST_TEST_REQUIRE(progress.decided_at_open_time_ms.has_value());
    if (detection.confirmed_on_detection) {
        BOOST_TEST(*progress.decided_at_open_time_ms == detection.trigger_open_time_ms);
    } else {
        BOOST_TEST(*progress.decided_at_open_time_ms > detection.trigger_open_time_ms);
    }
}

/// "MA_CROSSOVER 12 (confirmed 12) ..." for the log.
std::string summary(const std::map<PatternKind, std::map<PatternState, std::size_t>>& outcomes) {
    std::ostringstream out;
    for (const PatternKind kind : patterns::allPatternKinds()) {
        const auto found = outcomes.find(kind);
        std::size_t total = 0;
        std::ostringstream states;
        if (found != outcomes.end()) {
            for (const auto& [state, count] : found->second) {
                total += count;
                states << " " << patterns::toString(state) << "=" << count;
            }
        }
        out << "\n  " << patterns::toString(kind) << ": " << total;
        if (total > 0) {
            out << " (" << states.str().substr(1) << ")";
        }
    }
    return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(real_patterns)

BOOST_AUTO_TEST_CASE(every_real_series_gives_sane_unique_detections_and_progress) {
    const auto files = realCsvFiles();
    BOOST_TEST_REQUIRE(files.size() >= 6U);
    std::size_t total = 0;
    for (const auto& file : files) {
        const auto name = std::filesystem::relative(file, realDataDir()).string();
        BOOST_TEST_CONTEXT(name) {
            const auto candles = closedCandles(file);
            const auto detections = patterns::detectAll(candles);
            std::set<std::pair<PatternKind, std::size_t>> seen;
            std::map<PatternKind, std::map<PatternState, std::size_t>> outcomes;
            for (const auto& detection : detections) {
                checkDetection(detection, candles);
                BOOST_TEST(seen.insert({detection.kind, detection.trigger_index}).second);
                const auto progress = patterns::follow(detection, candles);
                checkProgress(detection, progress);
                ++outcomes[detection.kind][progress.state];
            }
            BOOST_TEST_MESSAGE(name << " (" << candles.size() << " closed candles): "
                                    << detections.size() << " detections" << summary(outcomes));
            total += detections.size();
        }
    }
    BOOST_TEST(total > 0U);
}

BOOST_AUTO_TEST_CASE(detect_all_agrees_with_detect_at_on_real_candles) {
    // detectAt sees only the prefix up to its trigger; detectAll the whole file. They agree
    // at every tenth index of every file (every index would repeat the unit test's proof at
    // a quadratic cost).
    for (const auto& file : realCsvFiles()) {
        BOOST_TEST_CONTEXT(file.filename().string()) {
            const auto candles = closedCandles(file);
            const auto all = patterns::detectAll(candles);
            for (std::size_t index = 0; index < candles.size(); index += 10) {
                std::vector<Detection> expected;
                std::copy_if(all.begin(),
                             all.end(),
                             std::back_inserter(expected),
                             [index](const Detection& d) { return d.trigger_index == index; });
                BOOST_TEST_REQUIRE((patterns::detectAt(candles, index) == expected));
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
