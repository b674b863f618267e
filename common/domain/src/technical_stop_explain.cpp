// explainTechnicalStop: the analysis as one paragraph a person can check against the chart.
#include "robson/domain/technical_stop.hpp"

#include <string>
#include <string_view>

namespace robson::domain {
namespace {

std::string ordinal(int n) {
    const int tens = n % 100;
    const int units = n % 10;
    std::string_view suffix = "th";
    if (tens < 11 || tens > 13) {
        switch (units) {
            case 1:
                suffix = "st";
                break;
            case 2:
                suffix = "nd";
                break;
            case 3:
                suffix = "rd";
                break;
            default:
                break;
        }
    }
    return std::to_string(n) + std::string(suffix);
}

std::string percent(Decimal value) {
    return value.toFixed(2) + "%";
}

std::string ratePercent(Decimal rate) {
    return mulInteger(rate, 100).toString() + "%";
}

std::string plural(std::size_t count, const std::string& noun, const char* suffix = "s") {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : suffix);
}

struct Words {
    std::string level;      // "support" / "resistance"
    std::string direction;  // "below" / "above"
};

Words wordsFor(Side side) {
    return side == Side::Buy ? Words{"support", "below"} : Words{"resistance", "above"};
}

std::string skipText(const LevelSkip& skip, const StopConfig& config, const Words& words) {
    const bool close = skip.reason == LevelSkipReason::BelowMin;
    return "the " + ordinal(skip.level) + " " + words.level + " " +
           formatStopPrice(skip.level_price) + " was skipped (stop " +
           formatStopPrice(skip.candidate_stop) + ", " + percent(skip.distance_percent) +
           " away, " + (close ? "under the " : "beyond the ") +
           ratePercent(close ? config.min_distance_rate : config.max_distance_rate) +
           (close ? " minimum)" : " maximum)");
}

std::string fallbackText(const TechnicalStopAnalysis& a, const Words& words) {
    switch (a.fallback_reason.value_or(FallbackReason::FewerLevelsThanN)) {
        case FallbackReason::FewerLevelsThanN:
            return (a.levels.empty() ? "no " + words.level + " was"
                                     : "only " + plural(a.levels.size(), words.level) +
                                           (a.levels.size() == 1 ? " was" : " were")) +
                   " found " + words.direction + " the entry and the " + ordinal(a.config.level_n) +
                   " is needed";
        case FallbackReason::LevelTooFar:
            return a.skips.empty() ? std::string("a level was too far")
                                   : skipText(a.skips.back(), a.config, words);
        case FallbackReason::NoLevelFarEnough:
            return "every " + words.level + " from the " + ordinal(a.config.level_n) +
                   " on is nearer than the " + ratePercent(a.config.min_distance_rate) + " minimum";
    }
    return {};
}

std::string levelText(const TechnicalStopAnalysis& a, const Words& words) {
    const int chosen = a.chosen_level.value_or(1);
    const SwingLevel& level = a.levels[static_cast<std::size_t>(chosen - 1)];
    std::string text = "Stop " + formatStopPrice(*a.stop) + " at the " + ordinal(chosen) + " " +
                       words.level + " " + words.direction + " " + formatStopPrice(a.entry) + " (" +
                       formatStopPrice(level.price) + ", " +
                       plural(static_cast<std::size_t>(level.touches), "touch", "es") + "), " +
                       percent(*a.distance_percent) + " away";
    if (a.config.level_buffer_rate.isPositive()) {
        text += ", " + ratePercent(a.config.level_buffer_rate) + " beyond the level";
    }
    text += "; confidence " + std::string(toString(*a.confidence)) + ".";
    for (const auto& skip : a.skips) {
        text += " Before it, " + skipText(skip, a.config, words) + ".";
    }
    return text;
}

std::string atrText(const TechnicalStopAnalysis& a, const Words& words) {
    return "Stop " + formatStopPrice(*a.stop) + " is " + a.config.atr_multiplier.toString() +
           " x ATR(" + std::to_string(a.config.atr_period) + ") " + words.direction +
           " the entry " + formatStopPrice(a.entry) + " (ATR " +
           formatStopPrice(Decimal::fromDouble(a.atr.value_or(0.0), Rounding::HalfEven)) + "), " +
           percent(*a.distance_percent) + " away; confidence LOW, because " +
           fallbackText(a, words) + ".";
}

}  // namespace

std::string explainTechnicalStop(const TechnicalStopAnalysis& a) {
    const Words words = wordsFor(a.side);
    std::string text;
    if (a.rejection) {
        text = "No stop for the " + std::string(toString(a.side)) + " at " +
               formatStopPrice(a.entry) + ": " + a.rejection->message + ".";
        if (a.method == StopMethod::AtrFallback && a.fallback_reason) {
            text += " The ATR fallback was tried because " + fallbackText(a, words) + ".";
        }
    } else if (a.method == StopMethod::Level) {
        text = levelText(a, words);
    } else {
        text = atrText(a, words);
    }
    if (a.candles_read > 0) {
        text += " Read " + plural(a.candles_read, "candle") + ": " +
                plural(a.swings_found, "swing") + ", " + plural(a.levels.size(), words.level) +
                " " + words.direction + " the entry.";
    }
    return text;
}

}  // namespace robson::domain
