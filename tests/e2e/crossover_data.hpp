#pragma once

#include <filesystem>
#include <string>

namespace robson::e2e {

/// Fills `dir` with simulator candles (--data) whose BTCUSDT 15m chart is cut from the shipped
/// one so that the last candle closed at launch is an SMA4/SMA9 crossover ("Rescue Forces"),
/// with no other crossover on the two candles before it (a scan's catch-up window). The
/// simulator re-times a CSV so its first 200 rows are the closed past at launch; 60 more rows
/// follow. With `other_charts`, every other shipped chart is copied as it is, so the rest of
/// the market looks as usual. Returns the trigger candle's close (to check an intent made from
/// it). Throws std::runtime_error when the shipped data has no such crossover.
std::string writeCrossoverData(const std::filesystem::path& dir, bool other_charts = false);

}  // namespace robson::e2e
