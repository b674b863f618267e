#pragma once

#include "robson/domain/candle.hpp"

#include <filesystem>
#include <ostream>
#include <string>

namespace robson::datagen {

/// One candle as a line (no newline) in Binance's 12-column kline layout: open time, open,
/// high, low, close, volume, close time, quote volume, trades, taker buy base, taker buy
/// quote, ignore. Decimals with exactly 8 places ("78648.00000000"). Columns 7–10 are not
/// modelled (domain::Candle has no such fields) and are written as zero fillers, as in the
/// converted real files.
[[nodiscard]] std::string formatKlineRow(const domain::Candle& candle);

/// Every candle as a line ending in '\n', oldest first, no header.
void writeKlineCsv(std::ostream& output, domain::CandleSpan candles);

/// writeKlineCsv into a file (created or replaced); throws std::runtime_error naming the
/// path when it cannot be written.
void writeKlineCsvFile(const std::filesystem::path& path, domain::CandleSpan candles);

}  // namespace robson::datagen
