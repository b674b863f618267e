#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace robson::datagen {

/// Milliseconds in one 15-minute bar: the unit the candle model's constants are tuned for.
inline constexpr std::int64_t kFifteenMinutesMs = 900'000;

/// The length in milliseconds of a Binance kline interval that divides a UTC day evenly
/// ("1m" "3m" "5m" "15m" "30m" "1h" "2h" "4h" "6h" "8h" "12h" "1d"), or nullopt for anything
/// else (weeks and months are not fixed-length, so they are refused).
[[nodiscard]] std::optional<std::int64_t> intervalMillis(std::string_view interval);

}  // namespace robson::datagen
