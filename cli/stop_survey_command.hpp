#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace robson::cli {

/// `robson stop-survey <candles.csv>... [options]`: runs the technical stop and the sizing
/// over every window of each file (each candle in turn as "now", with the strategy's lookback
/// before it) for BUY and SELL, and prints how the stops are distributed: method, distance
/// percentiles and histogram, rejections and sizing refusals by reason. Returns an ExitCode.
int runStopSurvey(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace robson::cli
