#pragma once

#include "robson/domain/candle.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace robson::sim {

using domain::Candle;
using domain::Decimal;

/// Milliseconds of a Binance interval ("15m" → 900000), or nullopt for an unknown spelling.
/// Supports 1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w (1M is not fixed-length).
[[nodiscard]] std::optional<std::int64_t> intervalMs(std::string_view interval);

/// How a series is laid on the simulated timeline.
struct SeriesSetup {
    std::string symbol;
    std::string interval;
    std::int64_t interval_ms = 0;
    std::int64_t launch_ms = 0;    ///< simulated time the replay starts at (real launch time)
    std::size_t past_count = 200;  ///< leading file candles that are already closed at launch
    Decimal tick = Decimal::fromUnits(1'000'000);  ///< prices are kept on this grid (0.01)
    std::uint64_t seed = 1;                        ///< random walk after the data runs out
};

/// One symbol's candles at one interval, replayed on the simulated clock.
///
/// The file's candles keep their prices but are re-timed: candle `past_count` opens at the
/// interval boundary holding launch_ms and the ones before it are the closed past. After the
/// last file candle a seeded random walk continues (same volatility as the file's median
/// range), so the market never stops. Inside a candle the price follows a fixed path through
/// four vertices at 0, 1/3, 2/3 and the end of the interval: O→L→H→C for a bearish candle,
/// O→H→L→C otherwise; between vertices it moves linearly (kept on the tick grid).
/// Not thread-safe (generates lazily); the simulator holds one lock around it.
class CandleSeries {
public:
    CandleSeries(SeriesSetup setup, std::vector<Candle> file_candles);

    [[nodiscard]] const SeriesSetup& setup() const { return setup_; }
    /// Candle number k on the rebased timeline (fully formed).
    [[nodiscard]] const Candle& candle(std::size_t k);
    /// The index of the candle whose interval holds sim_ms (0 before the first one).
    [[nodiscard]] std::size_t indexAt(std::int64_t sim_ms) const;
    /// The price on the path at sim_ms.
    [[nodiscard]] Decimal priceAt(std::int64_t sim_ms);
    /// The candle holding sim_ms as formed so far (close = priceAt, high/low so far).
    [[nodiscard]] Candle formingAt(std::int64_t sim_ms);
    /// The path's turning points strictly after from_ms up to to_ms, oldest first, ending with
    /// priceAt(to_ms): between consecutive points the price moves monotonically.
    [[nodiscard]] std::vector<Decimal> pathBetween(std::int64_t from_ms, std::int64_t to_ms);
    /// Binance's klines window at sim time now: closed candles plus the forming one; see
    /// GET /api/v3/klines (startTime → oldest from it, else most recent up to endTime/now).
    [[nodiscard]] std::vector<Candle> klines(std::optional<std::int64_t> start_ms,
                                             std::optional<std::int64_t> end_ms,
                                             std::size_t limit,
                                             std::int64_t now_ms);

private:
    struct Vertex {
        std::int64_t time = 0;
        Decimal price;
    };
    [[nodiscard]] std::vector<Vertex> vertices(std::size_t k);
    void extendTo(std::size_t k);

    SeriesSetup setup_;
    std::vector<Candle> candles_;
    std::int64_t first_open_ms_ = 0;
    std::uint64_t rng_state_ = 0;
    Decimal typical_range_;
    Decimal typical_volume_;
};

}  // namespace robson::sim
