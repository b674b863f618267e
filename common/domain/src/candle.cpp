#include "robson/domain/candle.hpp"

namespace robson::domain {

std::vector<double> closes(CandleSpan candles) {
    std::vector<double> values;
    values.reserve(candles.size());
    for (const auto& candle : candles) {
        values.push_back(candle.close.toDouble());
    }
    return values;
}

bool isWellFormed(const Candle& candle) {
    return candle.low.isPositive() && candle.high >= max(candle.open, candle.close) &&
           candle.low <= min(candle.open, candle.close) && !candle.volume.isNegative();
}

}  // namespace robson::domain
