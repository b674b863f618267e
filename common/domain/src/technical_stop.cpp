#include "robson/domain/technical_stop.hpp"

#include "robson/domain/indicators.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace robson::domain {
namespace {

Rounding awayFromEntry(Side side) {
    return side == Side::Buy ? Rounding::Floor : Rounding::Ceiling;
}

/// `from` moved by `by` to the protective side: down for a BUY, up for a SELL.
Decimal moveAway(Side side, Decimal from, Decimal by) {
    return side == Side::Buy ? from - by : from + by;
}

StopRejection rejection(StopRejectionCode code, std::string message) {
    return StopRejection{code, std::move(message)};
}

/// The stop a level gives: beyond it by level × level_buffer_rate, on the tick grid, away
/// from the entry.
Decimal levelStop(const SwingLevel& level,
                  Side side,
                  const StopConfig& config,
                  const SymbolRules& rules) {
    const Decimal buffer = mul(level.price, config.level_buffer_rate, Rounding::Up);
    return rules.roundPrice(moveAway(side, level.price, buffer), awayFromEntry(side));
}

/// The ATR onto the 1e-8 grid, rounded up (a wider stop is the safe side). A value within
/// binary noise of a grid point (1e-12 of the entry) is that grid point: an ATR that is 0.80
/// in exact arithmetic but 0.8000000000000114 in doubles must not become 0.80000001 and then
/// push the stop a whole tick further.
Decimal atrToDecimal(double atr, Decimal entry) {
    const long double units = static_cast<long double>(atr) * Decimal::kUnitsPerOne;
    const long double noise = std::max(1e-3L, static_cast<long double>(entry.units()) * 1e-12L);
    if (std::fabs(units - std::nearbyint(units)) <= noise) {
        return Decimal::fromDouble(atr, Rounding::HalfEven);
    }
    return Decimal::fromDouble(atr, Rounding::Up);
}

void acceptStop(TechnicalStopAnalysis& analysis, Decimal stop, StopConfidence confidence) {
    analysis.stop = stop;
    analysis.distance = (analysis.entry - stop).abs();
    analysis.distance_percent = stopDistancePercent(analysis.entry, stop);
    analysis.confidence = confidence;
}

std::optional<StopRejection> checkInputs(CandleSpan candles,
                                         Decimal entry,
                                         const StopConfig& config) {
    if (!entry.isPositive()) {
        return rejection(StopRejectionCode::InvalidInput,
                         "the entry " + formatStopPrice(entry) + " is not a positive price");
    }
    if (auto bad = validateStopConfig(config)) {
        return bad;
    }
    if (candles.empty()) {
        return rejection(StopRejectionCode::InsufficientData,
                         "no candles: a technical stop needs the chart");
    }
    return std::nullopt;
}

std::optional<StopRejection> checkCandles(CandleSpan window) {
    for (std::size_t i = 0; i < window.size(); ++i) {
        if (!isWellFormed(window[i])) {
            return rejection(StopRejectionCode::InvalidInput,
                             "candle " + std::to_string(i + 1) + " of " +
                                 std::to_string(window.size()) + " (open time " +
                                 std::to_string(window[i].open_time_ms) +
                                 ") is malformed: it needs 0 < low <= min(open, close), "
                                 "high >= max(open, close) and volume >= 0");
        }
    }
    return std::nullopt;
}

/// Anchor at level N and walk deeper only. True when a level gave the stop.
bool chooseLevel(TechnicalStopAnalysis& analysis, const SymbolRules& rules) {
    const auto& config = analysis.config;
    const auto n = static_cast<std::size_t>(config.level_n);
    if (analysis.levels.size() < n) {
        analysis.fallback_reason = FallbackReason::FewerLevelsThanN;
        return false;
    }
    for (std::size_t i = n - 1; i < analysis.levels.size(); ++i) {
        const SwingLevel& level = analysis.levels[i];
        const Decimal stop = levelStop(level, analysis.side, config, rules);
        const auto problem = validateStop(analysis.side, analysis.entry, stop, config);
        const int position = static_cast<int>(i + 1);
        if (!problem) {
            analysis.method = StopMethod::Level;
            analysis.chosen_level = position;
            acceptStop(analysis, stop, i + 1 == n ? StopConfidence::High : StopConfidence::Medium);
            return true;
        }
        // Rounding away from the entry cannot cross to the wrong side, so anything but
        // TOO_CLOSE is a stop that is too far (a stop at or below zero included).
        const bool too_close = problem->code == StopRejectionCode::TooClose;
        analysis.skips.push_back(
            LevelSkip{position,
                      level.price,
                      stop,
                      stopDistancePercent(analysis.entry, stop),
                      too_close ? LevelSkipReason::BelowMin : LevelSkipReason::AboveMax});
        if (!too_close) {
            analysis.fallback_reason = FallbackReason::LevelTooFar;
            return false;
        }
    }
    analysis.fallback_reason = FallbackReason::NoLevelFarEnough;
    return false;
}

void applyAtrFallback(TechnicalStopAnalysis& analysis,
                      CandleSpan window,
                      const SymbolRules& rules) {
    const auto& config = analysis.config;
    analysis.method = StopMethod::AtrFallback;
    const std::string atr_name = "ATR(" + std::to_string(config.atr_period) + ")";
    const auto needed = static_cast<std::size_t>(config.atr_period) + 1;
    if (window.size() < needed) {
        analysis.rejection = rejection(StopRejectionCode::InsufficientData,
                                       "no usable level and the " + atr_name +
                                           " fallback needs at least " + std::to_string(needed) +
                                           " candles, got " + std::to_string(window.size()));
        return;
    }
    const double atr_value = lastValue(atr(window, config.atr_period)).value_or(0.0);
    analysis.atr = atr_value;
    const Decimal offset =
        mul(atrToDecimal(atr_value, analysis.entry), config.atr_multiplier, Rounding::Up);
    if (offset.isZero()) {
        analysis.rejection =
            rejection(StopRejectionCode::TooClose,
                      "no usable level and " + atr_name +
                          " is 0 (a flat market), so the fallback stop "
                          "would sit on the entry " +
                          formatStopPrice(analysis.entry) + "; the minimum distance is " +
                          mulInteger(config.min_distance_rate, 100).toString() + "%");
        return;
    }
    const Decimal stop = rules.roundPrice(moveAway(analysis.side, analysis.entry, offset),
                                          awayFromEntry(analysis.side));
    if (auto problem = validateStop(analysis.side, analysis.entry, stop, config)) {
        problem->message =
            "no usable level and the " + atr_name + " fallback fails: " + problem->message;
        analysis.rejection = std::move(problem);
        return;
    }
    acceptStop(analysis, stop, StopConfidence::Low);
}

}  // namespace

std::string_view toString(StopMethod method) {
    return method == StopMethod::Level ? "LEVEL" : "ATR_FALLBACK";
}

std::string_view toString(StopConfidence confidence) {
    switch (confidence) {
        case StopConfidence::High:
            return "HIGH";
        case StopConfidence::Medium:
            return "MEDIUM";
        case StopConfidence::Low:
            return "LOW";
    }
    return "LOW";
}

std::string_view toString(LevelSkipReason reason) {
    return reason == LevelSkipReason::BelowMin ? "below_min" : "above_max";
}

std::string_view toString(FallbackReason reason) {
    switch (reason) {
        case FallbackReason::FewerLevelsThanN:
            return "FEWER_LEVELS_THAN_N";
        case FallbackReason::LevelTooFar:
            return "LEVEL_TOO_FAR";
        case FallbackReason::NoLevelFarEnough:
            return "NO_LEVEL_FAR_ENOUGH";
    }
    return "FEWER_LEVELS_THAN_N";
}

TechnicalStopAnalysis analyzeTechnicalStop(CandleSpan candles,
                                           Side side,
                                           Decimal entry,
                                           const StopConfig& config,
                                           const SymbolRules& rules) {
    TechnicalStopAnalysis analysis;
    analysis.side = side;
    analysis.entry = entry;
    analysis.config = config;
    if (auto bad = checkInputs(candles, entry, config)) {
        analysis.rejection = std::move(bad);
        return analysis;
    }
    const auto lookback = static_cast<std::size_t>(config.lookback);
    const CandleSpan window = candles.last(std::min(lookback, candles.size()));
    analysis.candles_read = window.size();
    if (auto bad = checkCandles(window)) {
        analysis.rejection = std::move(bad);
        return analysis;
    }
    try {
        const auto swings = findProtectiveSwings(window, side, config.pivot_bars);
        analysis.swings_found = swings.size();
        analysis.levels = clusterSwingLevels(
            swings, side, entry, config.cluster_tolerance_rate, config.min_touches);
        if (!chooseLevel(analysis, rules)) {
            applyAtrFallback(analysis, window, rules);
        }
    } catch (const DecimalError& error) {
        // Only prices near the Decimal range (~9.2e10) get here; keep the invariant.
        analysis.stop.reset();
        analysis.distance.reset();
        analysis.distance_percent.reset();
        analysis.confidence.reset();
        analysis.rejection = rejection(StopRejectionCode::InvalidInput,
                                       std::string("prices out of range: ") + error.what());
    }
    return analysis;
}

}  // namespace robson::domain
