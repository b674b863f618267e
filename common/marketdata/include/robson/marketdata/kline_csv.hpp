#pragma once

#include "robson/domain/candle.hpp"

#include <filesystem>
#include <istream>
#include <string>
#include <vector>

namespace robson::marketdata {

/// One line of a kline CSV that could not be used, and why.
struct KlineCsvError {
    std::size_t line = 0;  ///< 1-based
    std::string message;
};

/// Candles read from a CSV plus every line that was refused. A file with any error is still
/// returned so a caller can show all problems at once; callers decide whether to proceed.
struct KlineCsvResult {
    std::vector<domain::Candle> candles;
    std::vector<KlineCsvError> errors;
};

/// Reads klines in Binance's column order (data.binance.vision / GET /api/v3/klines):
/// open time, open, high, low, close, volume, close time, then optional extra columns.
/// At least the first six columns are needed. A header line (first field not a number) is
/// skipped. Open times in microseconds (data.binance.vision since 2025) are converted to
/// milliseconds. Prices must be exact decimals (no exponent, ≤ 8 decimals); rows must be
/// well formed (low ≤ open, close ≤ high) and strictly increasing in open time.
[[nodiscard]] KlineCsvResult parseKlineCsv(std::istream& input);

/// parseKlineCsv on a file; a file that cannot be opened gives one error on line 0.
[[nodiscard]] KlineCsvResult readKlineCsvFile(const std::filesystem::path& path);

}  // namespace robson::marketdata
