#pragma once

#include "robson/domain/candle.hpp"

#include <cstdint>
#include <vector>

namespace robson::bench {

/// A seeded random walk of 15-minute candles around `start_price` (tick 0.01), so benchmarks
/// can use any length; the same seed always gives the same series.
[[nodiscard]] std::vector<domain::Candle> syntheticCandles(std::size_t count,
                                                           std::uint64_t seed,
                                                           double start_price);

}  // namespace robson::bench
