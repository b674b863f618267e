#include "robson/datagen/candle_model.hpp"

#include "model_random.hpp"
#include "robson/datagen/interval.hpp"
#include "robson/domain/symbol_rules.hpp"
#include "robson/domain/utc_time.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace robson::datagen {
namespace {

using domain::Candle;
using domain::Decimal;
using domain::Rounding;

// Every constant is per 15-minute bar; scaledConstants() adapts them to the interval.
constexpr double kBarVolatility = 0.0045;  // σ of a bar's log return (≈ 4.4 % a day)
constexpr double kTrendDrift = 0.0003;     // |log drift| per bar while trending
constexpr double kMeanRegimeBars = 160.0;  // mean regime length (≈ 40 h)
constexpr double kAnchorBars = 64.0;       // EMA length of the anchor the price reverts to
constexpr double kRangePull = 0.05;        // share of the anchor gap closed per bar, range
constexpr double kTrendPull = 0.012;       // the same while trending (swings, not a leash)
constexpr double kGarchAlpha = 0.10;       // weight of the last shock in the variance
constexpr double kGarchBeta = 0.86;        // persistence of the variance
constexpr double kMinVarianceRatio = 0.2;  // variance kept within these multiples of target
constexpr double kMaxVarianceRatio = 9.0;
constexpr double kJumpProbability = 0.004;  // a news-like bar: the shock is multiplied
constexpr double kJumpScale = 4.0;
constexpr double kWickScale = 0.45;          // mean wick beyond the body, in bar σ
constexpr double kBaseQuoteVolume = 5.0e6;   // mean traded value per bar, quote asset
constexpr double kVolumeNoise = 0.35;        // σ of the log-normal volume noise
constexpr double kSeasonalAmplitude = 0.35;  // daily volume swing around the mean
constexpr double kSeasonalPeakHour = 14.5;   // UTC hour of the busiest trading
constexpr double kHoursPerDay = 24.0;

enum class Regime { Range, Up, Down };

/// The constants for one bar of the requested interval (k = bars of 15m in it).
struct Scaled {
    double volatility;
    double drift;
    double switch_probability;
    double anchor_alpha;
    double range_pull;
    double trend_pull;
    double quote_volume;
};

Scaled scaledConstants(std::int64_t interval_ms) {
    const double k = static_cast<double>(interval_ms) / static_cast<double>(kFifteenMinutesMs);
    return Scaled{kBarVolatility * std::sqrt(k),
                  kTrendDrift * k,
                  std::min(0.5, k / kMeanRegimeBars),
                  std::min(1.0, k / kAnchorBars),
                  std::min(0.9, kRangePull * k),
                  std::min(0.9, kTrendPull * k),
                  kBaseQuoteVolume * k};
}

/// The evolving state of the walk (log prices, so moves are relative).
struct ModelState {
    double log_price;
    double anchor;
    double variance;
    double last_shock;
    Regime regime;
};

Regime nextRegime(Regime current, double switch_probability, ModelRandom& random) {
    if (!random.chance(switch_probability)) {
        return current;
    }
    if (current == Regime::Range) {
        return random.chance(0.5) ? Regime::Up : Regime::Down;
    }
    constexpr double kToRangeProbability = 0.6;
    if (random.chance(kToRangeProbability)) {
        return Regime::Range;
    }
    return current == Regime::Up ? Regime::Down : Regime::Up;
}

/// Advances the state by one bar and returns the bar's log return.
double stepLogReturn(ModelState& state, const Scaled& scaled, ModelRandom& random) {
    state.regime = nextRegime(state.regime, scaled.switch_probability, random);
    const double drift = state.regime == Regime::Up     ? scaled.drift
                         : state.regime == Regime::Down ? -scaled.drift
                                                        : 0.0;
    state.anchor += scaled.anchor_alpha * (state.log_price - state.anchor) + drift;
    const double pull_rate = state.regime == Regime::Range ? scaled.range_pull : scaled.trend_pull;
    const double pull = pull_rate * (state.anchor - state.log_price);

    const double target = scaled.volatility * scaled.volatility;
    const double omega = target * (1.0 - kGarchAlpha - kGarchBeta);
    state.variance = std::clamp(
        omega + kGarchAlpha * state.last_shock * state.last_shock + kGarchBeta * state.variance,
        kMinVarianceRatio * target,
        kMaxVarianceRatio * target);
    double z = random.normal();
    if (random.chance(kJumpProbability)) {
        z *= kJumpScale;
    }
    state.last_shock = std::sqrt(state.variance) * z;
    return drift + pull + state.last_shock;
}

Decimal onGrid(double value, Decimal step, Rounding rounding) {
    return max(Decimal::fromDouble(value, rounding).roundToStep(step, rounding), step);
}

double seasonalFactor(std::int64_t open_time_ms) {
    const double hour = static_cast<double>(open_time_ms % domain::kMillisPerDay) /
                        static_cast<double>(domain::kMillisPerDay) * kHoursPerDay;
    return 1.0 + kSeasonalAmplitude *
                     std::cos(2.0 * std::numbers::pi * (hour - kSeasonalPeakHour) / kHoursPerDay);
}

/// The inputs of one bar beyond its open price.
struct BarDraw {
    double log_return;
    double sigma;
    std::int64_t open_time_ms;
};

Candle makeCandle(Decimal open,
                  const BarDraw& draw,
                  const Scaled& scaled,
                  const domain::SymbolRules& rules,
                  ModelRandom& random) {
    Candle candle;
    candle.open_time_ms = draw.open_time_ms;
    candle.open = open;
    candle.close =
        onGrid(open.toDouble() * std::exp(draw.log_return), rules.tick_size, Rounding::HalfEven);
    const double body_high = max(candle.open, candle.close).toDouble();
    const double body_low = min(candle.open, candle.close).toDouble();
    const double upper = draw.sigma * kWickScale * random.exponential();
    const double lower = draw.sigma * kWickScale * random.exponential();
    candle.high = max(onGrid(body_high * std::exp(upper), rules.tick_size, Rounding::Ceiling),
                      max(candle.open, candle.close));
    candle.low = min(onGrid(body_low * std::exp(-lower), rules.tick_size, Rounding::Floor),
                     min(candle.open, candle.close));

    const double activity = 0.45 + 0.55 * std::abs(draw.log_return) / scaled.volatility +
                            0.25 * draw.sigma / scaled.volatility;
    const double noise =
        std::exp(kVolumeNoise * random.normal() - 0.5 * kVolumeNoise * kVolumeNoise);
    const double quote = scaled.quote_volume * seasonalFactor(draw.open_time_ms) * activity * noise;
    candle.volume = onGrid(quote / candle.close.toDouble(), rules.step_size, Rounding::Down);
    return candle;
}

void checkParams(const ModelParams& params) {
    constexpr std::int64_t kMaxCount = 10'000'000;
    if (params.interval_ms <= 0 || params.interval_ms > domain::kMillisPerDay) {
        throw std::invalid_argument("interval must be between 1 ms and 1 day");
    }
    if (!params.start_price.isPositive()) {
        throw std::invalid_argument("start price must be positive");
    }
    if (params.count <= 0 || params.count > kMaxCount) {
        throw std::invalid_argument("count must be between 1 and 10000000");
    }
    if (params.start_time_ms < 0 || params.start_time_ms % params.interval_ms != 0) {
        throw std::invalid_argument("start time must be >= 0 and a multiple of the interval");
    }
}

}  // namespace

std::vector<Candle> generateCandles(const ModelParams& params) {
    checkParams(params);
    const domain::SymbolRules rules = domain::defaultSpotRules(params.symbol);
    const Scaled scaled = scaledConstants(params.interval_ms);
    ModelRandom random(params.seed);
    Decimal open = params.start_price.roundToStep(rules.tick_size, Rounding::HalfEven);
    open = max(open, rules.tick_size);
    const double start_log = std::log(open.toDouble());
    ModelState state{
        start_log, start_log, scaled.volatility * scaled.volatility, 0.0, Regime::Range};

    std::vector<Candle> candles;
    candles.reserve(static_cast<std::size_t>(params.count));
    for (std::int64_t i = 0; i < params.count; ++i) {
        state.log_price = std::log(open.toDouble());
        const double log_return = stepLogReturn(state, scaled, random);
        const BarDraw draw{
            log_return, std::sqrt(state.variance), params.start_time_ms + i * params.interval_ms};
        Candle candle = makeCandle(open, draw, scaled, rules, random);
        candle.close_time_ms = draw.open_time_ms + params.interval_ms - 1;
        open = candle.close;
        candles.push_back(candle);
    }
    return candles;
}

}  // namespace robson::datagen
