#include "robson/domain/stop_validation.hpp"

#include <cstdint>
#include <string>
#include <utility>

namespace robson::domain {
namespace {

/// rate (0.001) as a percentage for messages ("0.1"): exact, shortest form.
std::string ratePercent(Decimal rate) {
    return mulInteger(rate, 100).toString();
}

/// The stop's distance as a percentage with 2 decimals, rounded toward the bound it broke,
/// so a 0.0999% stop never reads "0.10%; the minimum is 0.1%".
std::string percentText(Decimal entry, Decimal stop, Rounding rounding) {
    const Decimal percent = div(mulInteger((entry - stop).abs(), 100), entry, rounding);
    return percent.toFixed(2, rounding);
}

StopRejection reject(StopRejectionCode code, std::string message) {
    return StopRejection{code, std::move(message)};
}

std::optional<StopRejection> checkCount(const char* name, int value) {
    if (value < 1) {
        return reject(StopRejectionCode::InvalidInput,
                      std::string("stop config ") + name + " must be at least 1, got " +
                          std::to_string(value));
    }
    return std::nullopt;
}

std::optional<StopRejection> checkRate(const char* name, Decimal value) {
    if (value.isNegative()) {
        return reject(
            StopRejectionCode::InvalidInput,
            std::string("stop config ") + name + " must not be negative, got " + value.toString());
    }
    return std::nullopt;
}

}  // namespace

std::string_view toString(StopRejectionCode code) {
    switch (code) {
        case StopRejectionCode::WrongSide:
            return "WRONG_SIDE";
        case StopRejectionCode::TooClose:
            return "TOO_CLOSE";
        case StopRejectionCode::TooFar:
            return "TOO_FAR";
        case StopRejectionCode::InsufficientData:
            return "INSUFFICIENT_DATA";
        case StopRejectionCode::InvalidInput:
            return "INVALID_INPUT";
    }
    return "INVALID_INPUT";
}

std::string formatStopPrice(Decimal price) {
    int places = 2;
    std::int64_t unit = Decimal::kUnitsPerOne / 100;  // one unit of the last shown decimal
    while (places < Decimal::kScale && !price.isMultipleOf(Decimal::fromUnits(unit))) {
        ++places;
        unit /= 10;
    }
    return price.toFixed(places, Rounding::HalfEven);
}

Decimal stopDistancePercent(Decimal entry, Decimal price) {
    const Decimal percent = div(mulInteger((entry - price).abs(), 100), entry, Rounding::HalfEven);
    return percent.roundToStep(Decimal::fromUnits(10'000), Rounding::HalfEven);
}

std::optional<StopRejection> validateStop(Side side,
                                          Decimal entry,
                                          Decimal stop,
                                          const StopConfig& config) {
    if (!entry.isPositive()) {
        return reject(StopRejectionCode::InvalidInput,
                      "the entry " + formatStopPrice(entry) + " is not a positive price");
    }
    if (!stop.isPositive()) {
        return reject(StopRejectionCode::InvalidInput,
                      "the stop " + formatStopPrice(stop) + " is not a positive price");
    }
    const bool buy = side == Side::Buy;
    if (buy ? stop >= entry : stop <= entry) {
        const char* relation = stop == entry ? " equals" : (buy ? " is above" : " is below");
        return reject(StopRejectionCode::WrongSide,
                      "stop " + formatStopPrice(stop) + relation + " the entry " +
                          formatStopPrice(entry) + " for a " + std::string(toString(side)) +
                          "; its stop must be " + (buy ? "below" : "above") + " the entry");
    }
    const Decimal distance = (entry - stop).abs();
    // distance < entry × rate  ⇔  distance < ceil(entry × rate) on the 1e-8 grid (exact).
    if (distance < mul(entry, config.min_distance_rate, Rounding::Ceiling)) {
        return reject(StopRejectionCode::TooClose,
                      "stop " + formatStopPrice(stop) + " is only " +
                          percentText(entry, stop, Rounding::Floor) + "% from the entry " +
                          formatStopPrice(entry) + "; the minimum is " +
                          ratePercent(config.min_distance_rate) + "%");
    }
    // distance > entry × rate  ⇔  distance > floor(entry × rate) on the grid (exact).
    if (distance > mul(entry, config.max_distance_rate, Rounding::Floor)) {
        return reject(StopRejectionCode::TooFar,
                      "stop " + formatStopPrice(stop) + " is " +
                          percentText(entry, stop, Rounding::Ceiling) + "% from the entry " +
                          formatStopPrice(entry) + "; the maximum is " +
                          ratePercent(config.max_distance_rate) + "%");
    }
    return std::nullopt;
}

std::optional<StopRejection> validateStopConfig(const StopConfig& config) {
    for (const auto& [name, value] : {std::pair{"level_n", config.level_n},
                                      std::pair{"pivot_bars", config.pivot_bars},
                                      std::pair{"min_touches", config.min_touches},
                                      std::pair{"atr_period", config.atr_period},
                                      std::pair{"lookback", config.lookback}}) {
        if (auto bad = checkCount(name, value)) {
            return bad;
        }
    }
    for (const auto& [name, value] :
         {std::pair{"cluster_tolerance_rate", config.cluster_tolerance_rate},
          std::pair{"level_buffer_rate", config.level_buffer_rate},
          std::pair{"min_distance_rate", config.min_distance_rate}}) {
        if (auto bad = checkRate(name, value)) {
            return bad;
        }
    }
    if (!config.atr_multiplier.isPositive()) {
        return reject(
            StopRejectionCode::InvalidInput,
            "stop config atr_multiplier must be positive, got " + config.atr_multiplier.toString());
    }
    if (config.max_distance_rate <= config.min_distance_rate ||
        config.max_distance_rate >= Decimal::fromInteger(1)) {
        return reject(StopRejectionCode::InvalidInput,
                      "stop config needs min_distance_rate < max_distance_rate < 1, got " +
                          config.min_distance_rate.toString() + " and " +
                          config.max_distance_rate.toString());
    }
    return std::nullopt;
}

}  // namespace robson::domain
