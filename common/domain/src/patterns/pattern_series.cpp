// The indicators the detectors read, computed once per series.
#include "detectors.hpp"

namespace robson::domain::patterns::detail {
namespace {

constexpr int kRsiPeriod = 14;
constexpr int kBollingerPeriod = 20;
constexpr double kBollingerWidth = 2.0;

}  // namespace

PatternSeries buildSeries(CandleSpan candles) {
    PatternSeries series;
    series.candles = candles;
    series.close_sums.reserve(candles.size() + 1);
    WideSum running = 0;
    series.close_sums.push_back(running);
    for (const Candle& candle : candles) {
        running += candle.close.units();  // exact: prefix sums of integers never drift
        series.close_sums.push_back(running);
    }
    const std::vector<double> close_values = closes(candles);
    series.rsi = rsi(close_values, kRsiPeriod);
    series.bands = bollinger(close_values, kBollingerPeriod, kBollingerWidth);
    series.shapes.reserve(candles.size());
    for (const Candle& candle : candles) {
        series.shapes.push_back(shapeOf(candle));
    }
    return series;
}

}  // namespace robson::domain::patterns::detail
