#pragma once

#include "robson/domain/candle.hpp"

#include <cstdint>
#include <vector>

namespace robson::datagen {

/// Combines consecutive candles into bars of `interval_ms`, exactly in decimal: open of the
/// first, highest high, lowest low, close of the last, sum of volumes; open time aligned to
/// the interval (UTC epoch multiples, as Binance aligns intervals up to 1d), close time =
/// open + interval − 1. Only complete groups are kept (a partial first or last group, or a
/// group with a missing bar, is dropped). The source interval is read from the first
/// candle (close − open + 1); every candle must have it and be aligned to it, the target
/// must be a multiple of it and divide a day. Throws std::invalid_argument otherwise.
/// A pure function; an empty input gives an empty output.
[[nodiscard]] std::vector<domain::Candle> aggregateCandles(domain::CandleSpan source,
                                                           std::int64_t interval_ms);

}  // namespace robson::datagen
