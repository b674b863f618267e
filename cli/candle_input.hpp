#pragma once

#include "robson/domain/candle.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace robson::cli {

/// Reads a kline CSV for a command. Prints every refused line (up to a limit) to `err` and
/// returns nullopt when the file is unusable: missing, empty, or with any malformed row —
/// an analysis on silently skipped candles could place a stop on a level that is not there.
[[nodiscard]] std::optional<std::vector<domain::Candle>> loadCandles(const std::string& path,
                                                                     std::ostream& err);

}  // namespace robson::cli
