#include "robson/domain/indicators.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace robson::domain {
namespace {

std::size_t checkedPeriod(int period, const char* indicator) {
    if (period <= 0) {
        throw std::invalid_argument(std::string(indicator) + " period must be positive, got " +
                                    std::to_string(period));
    }
    return static_cast<std::size_t>(period);
}

void requireFinite(std::span<const double> values, const char* indicator) {
    for (const double value : values) {
        if (!std::isfinite(value)) {
            throw std::invalid_argument(std::string(indicator) + " input holds a non-finite value");
        }
    }
}

double meanOf(std::span<const double> window) {
    double sum = 0;
    for (const double value : window) {
        sum += value;
    }
    return sum / static_cast<double>(window.size());
}

/// Wilder's smoothing: seed = mean of the first `period` values, then
/// avg = (prev × (period − 1) + current) / period. Output aligned with `values`.
IndicatorSeries wilderSmooth(std::span<const double> values, std::size_t period) {
    IndicatorSeries out(values.size());
    if (values.size() < period) {
        return out;
    }
    const auto n = static_cast<double>(period);
    double average = meanOf(values.first(period));
    out[period - 1] = average;
    for (std::size_t i = period; i < values.size(); ++i) {
        average = (average * (n - 1) + values[i]) / n;
        out[i] = average;
    }
    return out;
}

struct LastTwo {
    double previous_fast;
    double previous_slow;
    double fast;
    double slow;
};

std::optional<LastTwo> lastTwo(const IndicatorSeries& fast, const IndicatorSeries& slow) {
    if (fast.size() < 2 || slow.size() < 2) {
        return std::nullopt;
    }
    const auto& pf = fast[fast.size() - 2];
    const auto& ps = slow[slow.size() - 2];
    const auto& cf = fast.back();
    const auto& cs = slow.back();
    if (!pf || !ps || !cf || !cs) {
        return std::nullopt;
    }
    return LastTwo{*pf, *ps, *cf, *cs};
}

}  // namespace

IndicatorSeries sma(std::span<const double> values, int period) {
    const std::size_t p = checkedPeriod(period, "SMA");
    requireFinite(values, "SMA");
    IndicatorSeries out(values.size());
    // Each window is summed afresh: a running sum would accumulate rounding error.
    for (std::size_t end = p; end <= values.size(); ++end) {
        out[end - 1] = meanOf(values.subspan(end - p, p));
    }
    return out;
}

IndicatorSeries ema(std::span<const double> values, int period) {
    const std::size_t p = checkedPeriod(period, "EMA");
    requireFinite(values, "EMA");
    IndicatorSeries out(values.size());
    if (values.size() < p) {
        return out;
    }
    const double alpha = 2.0 / (static_cast<double>(p) + 1.0);
    double value = meanOf(values.first(p));
    out[p - 1] = value;
    for (std::size_t i = p; i < values.size(); ++i) {
        value = alpha * values[i] + (1.0 - alpha) * value;
        out[i] = value;
    }
    return out;
}

IndicatorSeries rsi(std::span<const double> closes, int period) {
    const std::size_t p = checkedPeriod(period, "RSI");
    requireFinite(closes, "RSI");
    IndicatorSeries out(closes.size());
    if (closes.size() < p + 1) {
        return out;
    }
    std::vector<double> gains;
    std::vector<double> losses;
    gains.reserve(closes.size() - 1);
    losses.reserve(closes.size() - 1);
    for (std::size_t i = 1; i < closes.size(); ++i) {
        const double change = closes[i] - closes[i - 1];
        gains.push_back(std::max(change, 0.0));
        losses.push_back(std::max(-change, 0.0));
    }
    const IndicatorSeries avg_gain = wilderSmooth(gains, p);
    const IndicatorSeries avg_loss = wilderSmooth(losses, p);
    // Change j is between closes j and j + 1, so it lands on close index j + 1.
    for (std::size_t j = p - 1; j < gains.size(); ++j) {
        const double gain = *avg_gain[j];
        const double loss = *avg_loss[j];
        double value = 50.0;  // flat: no gains and no losses
        if (loss == 0.0) {
            value = gain > 0.0 ? 100.0 : 50.0;
        } else {
            value = 100.0 - 100.0 / (1.0 + gain / loss);
        }
        out[j + 1] = value;
    }
    return out;
}

std::vector<std::optional<BollingerBand>> bollinger(std::span<const double> values,
                                                    int period,
                                                    double k) {
    const std::size_t p = checkedPeriod(period, "Bollinger");
    if (!std::isfinite(k) || k < 0) {
        throw std::invalid_argument("Bollinger k must be finite and non-negative");
    }
    requireFinite(values, "Bollinger");
    std::vector<std::optional<BollingerBand>> out(values.size());
    for (std::size_t end = p; end <= values.size(); ++end) {
        const auto window = values.subspan(end - p, p);
        const double middle = meanOf(window);
        double squares = 0;  // two-pass: the mean first, then squared deviations from it
        for (const double value : window) {
            squares += (value - middle) * (value - middle);
        }
        const double deviation = std::sqrt(squares / static_cast<double>(p));
        out[end - 1] = BollingerBand{middle - k * deviation, middle, middle + k * deviation};
    }
    return out;
}

std::vector<double> trueRanges(CandleSpan candles) {
    std::vector<double> ranges;
    ranges.reserve(candles.size());
    for (std::size_t i = 0; i < candles.size(); ++i) {
        const double high = candles[i].high.toDouble();
        const double low = candles[i].low.toDouble();
        double range = high - low;
        if (i > 0) {
            const double previous_close = candles[i - 1].close.toDouble();
            range =
                std::max({range, std::abs(high - previous_close), std::abs(low - previous_close)});
        }
        ranges.push_back(range);
    }
    return ranges;
}

IndicatorSeries atr(CandleSpan candles, int period) {
    const std::size_t p = checkedPeriod(period, "ATR");
    return wilderSmooth(trueRanges(candles), p);
}

std::optional<double> lastValue(const IndicatorSeries& series) {
    return series.empty() ? std::nullopt : series.back();
}

bool crossedAbove(const IndicatorSeries& fast, const IndicatorSeries& slow) {
    const auto points = lastTwo(fast, slow);
    return points && points->previous_fast <= points->previous_slow && points->fast > points->slow;
}

bool crossedBelow(const IndicatorSeries& fast, const IndicatorSeries& slow) {
    const auto points = lastTwo(fast, slow);
    return points && points->previous_fast >= points->previous_slow && points->fast < points->slow;
}

}  // namespace robson::domain
