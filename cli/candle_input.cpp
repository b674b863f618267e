#include "candle_input.hpp"

#include "robson/marketdata/kline_csv.hpp"

namespace robson::cli {

std::optional<std::vector<domain::Candle>> loadCandles(const std::string& path, std::ostream& err) {
    constexpr std::size_t kMaxErrorsShown = 10;
    auto result = marketdata::readKlineCsvFile(path);
    if (!result.errors.empty()) {
        err << "robson: " << path << ": " << result.errors.size() << " unusable line(s)\n";
        for (std::size_t i = 0; i < std::min(result.errors.size(), kMaxErrorsShown); ++i) {
            const auto& error = result.errors[i];
            err << "  line " << error.line << ": " << error.message << "\n";
        }
        return std::nullopt;
    }
    if (result.candles.empty()) {
        err << "robson: " << path << ": no candles\n";
        return std::nullopt;
    }
    return std::move(result.candles);
}

}  // namespace robson::cli
