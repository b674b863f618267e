#include "crossover_data.hpp"

#include "robson/domain/patterns/pattern.hpp"
#include "robson/marketdata/kline_csv.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace robson::e2e {

namespace {

namespace patterns = robson::domain::patterns;

/// The simulator re-times a CSV so that its first 200 rows are the closed past at launch.
constexpr std::size_t kPastRows = 200;
/// Rows after the last closed one: the simulator's future, an hour of 15m candles and more.
constexpr std::size_t kFutureRows = 60;

const std::filesystem::path& shippedData() {
    static const std::filesystem::path dir = std::filesystem::path(ROBSON_SOURCE_DIR) / "sim/data";
    return dir;
}

}  // namespace

std::string writeCrossoverData(const std::filesystem::path& dir, bool other_charts) {
    const auto shipped = shippedData() / "BTCUSDT-15m.csv";
    const auto parsed = robson::marketdata::readKlineCsvFile(shipped);
    if (!parsed.errors.empty()) {
        throw std::runtime_error("the shipped " + shipped.string() + " does not parse");
    }
    const auto& candles = parsed.candles;
    const auto crosses_at = [&](std::size_t index) {
        return std::ranges::any_of(patterns::detectAt(candles, index), [](const auto& detection) {
            return detection.kind == patterns::PatternKind::MaCrossover;
        });
    };
    std::size_t trigger = kPastRows - 1;
    while (trigger < candles.size() &&
           !(crosses_at(trigger) && !crosses_at(trigger - 1) && !crosses_at(trigger - 2))) {
        ++trigger;
    }
    if (trigger >= candles.size()) {
        throw std::runtime_error("the shipped BTCUSDT 15m candles have no lone crossover");
    }
    std::ifstream in(shipped);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    std::filesystem::create_directories(dir);
    std::ofstream out(dir / "BTCUSDT-15m.csv");
    const std::size_t first = trigger - (kPastRows - 1);
    for (std::size_t i = first; i < lines.size() && i < first + kPastRows + kFutureRows; ++i) {
        out << lines[i] << '\n';
    }
    if (other_charts) {
        for (const auto& entry : std::filesystem::directory_iterator(shippedData())) {
            const auto name = entry.path().filename();
            if (entry.path().extension() == ".csv" && name != "BTCUSDT-15m.csv") {
                std::filesystem::copy_file(
                    entry.path(), dir / name, std::filesystem::copy_options::overwrite_existing);
            }
        }
    }
    return candles[trigger].close.toString();
}

}  // namespace robson::e2e
