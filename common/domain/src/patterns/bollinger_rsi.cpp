// BOLLINGER_RSI ("Bounce Back"): the low reaches the lower Bollinger band (20, 2σ) while
// RSI(14) is below 30 — on the first candle of such a run only.
#include "detectors.hpp"

#include <string>

namespace robson::domain::patterns::detail {
namespace {

constexpr double kOversold = 30.0;

bool oversoldAtBand(const PatternSeries& series, std::size_t index) {
    const auto& band = series.bands[index];
    const auto& strength = series.rsi[index];
    return band.has_value() && strength.has_value() && *strength < kOversold &&
           series.candles[index].low.toDouble() <= band->lower;
}

std::string indicatorText(double value) {
    return Decimal::fromDouble(value, Rounding::HalfEven).toString();
}

}  // namespace

std::optional<Detection> detectBollingerRsi(const PatternSeries& series, std::size_t index) {
    if (index >= series.candles.size() || !oversoldAtBand(series, index)) {
        return std::nullopt;
    }
    // A slide along the band keeps both conditions for many candles; one instance per slide,
    // like the crossovers' fire-once, instead of one intent per candle of the same move.
    if (index > 0 && oversoldAtBand(series, index - 1)) {
        return std::nullopt;
    }
    Detection detection = startDetection(PatternKind::BollingerRsiBounce, series.candles, index);
    const Candle& trigger = series.candles[index];
    detection.confirmation_level = trigger.close;
    detection.invalidation_level = trigger.low;
    detection.explanation =
        "Low " + trigger.low.toString() + " reached the lower Bollinger band (20, 2 sigma) at " +
        indicatorText(series.bands[index]->lower) + " while RSI(14) was " +
        Decimal::fromDouble(*series.rsi[index], Rounding::Down).toFixed(2, Rounding::Down) +
        " < 30.";
    return detection;
}

}  // namespace robson::domain::patterns::detail
