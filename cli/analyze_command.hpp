#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace robson::cli {

/// `robson analyze <candles.csv> [options]`: the technical stop, the position size and the
/// orders a strategy would send, computed offline from a Binance kline CSV and printed for a
/// trader. Returns an ExitCode.
int runAnalyze(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace robson::cli
