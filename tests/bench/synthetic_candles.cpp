#include "synthetic_candles.hpp"

#include <algorithm>
#include <random>

namespace robson::bench {

std::vector<domain::Candle> syntheticCandles(std::size_t count,
                                             std::uint64_t seed,
                                             double start_price) {
    using domain::Decimal;
    using domain::Rounding;
    constexpr std::int64_t kFifteenMinutesMs = 15 * 60 * 1000;
    std::mt19937_64 random(seed);
    std::normal_distribution<double> step(0.0, 0.003);
    std::uniform_real_distribution<double> wick(0.0, 0.002);
    std::vector<domain::Candle> candles;
    candles.reserve(count);
    double close = start_price;
    for (std::size_t i = 0; i < count; ++i) {
        const double open = close;
        close = std::max(open * (1.0 + step(random)), 0.01);
        const double high = std::max(open, close) * (1.0 + wick(random));
        const double low = std::min(open, close) * (1.0 - wick(random));
        const auto price = [](double value, Rounding rounding) {
            return Decimal::fromDouble(value, rounding)
                .roundToStep(Decimal::fromUnits(1'000'000), rounding);
        };
        const std::int64_t open_time =
            1'700'000'000'000 + static_cast<std::int64_t>(i) * kFifteenMinutesMs;
        domain::Candle candle{open_time,
                              price(open, Rounding::HalfEven),
                              price(high, Rounding::Ceiling),
                              price(low, Rounding::Floor),
                              price(close, Rounding::HalfEven),
                              Decimal::fromInteger(100),
                              open_time + kFifteenMinutesMs - 1};
        candle.high = max(candle.high, max(candle.open, candle.close));
        candle.low = min(candle.low, min(candle.open, candle.close));
        candles.push_back(candle);
    }
    return candles;
}

}  // namespace robson::bench
