#pragma once

#include "robson/domain/candle.hpp"
#include "robson/domain/decimal.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace robson::datagen {

/// What to generate: a plain value, safe to copy between threads.
struct ModelParams {
    std::string symbol;  ///< picks the price tick and volume step (domain::defaultSpotRules)
    std::int64_t interval_ms = 900'000;
    domain::Decimal start_price;  ///< open of the first bar; > 0
    std::int64_t count = 0;       ///< number of bars; > 0
    std::uint64_t seed = 0;
    std::int64_t start_time_ms = 0;  ///< open time of the first bar; aligned to the interval
};

/// Generates `count` consecutive candles with a seeded regime-switching random walk:
/// trend-up / trend-down / range regimes with persistence, GARCH(1,1) volatility clustering,
/// occasional jumps, a mean-reverting pull toward a slow moving anchor (so swings form and
/// get retested), exponential intrabar wicks, and volumes that grow with |return| and
/// volatility and follow a daily seasonality. Open = previous close; prices on the symbol's
/// tick, volumes on its lot step, all positive. Same params ⇒ same candles (pure function
/// of its input on a given platform). Throws std::invalid_argument for unusable params.
/// Constants are tuned per 15m bar and scaled to the interval (see sim/data/README.md).
[[nodiscard]] std::vector<domain::Candle> generateCandles(const ModelParams& params);

}  // namespace robson::datagen
