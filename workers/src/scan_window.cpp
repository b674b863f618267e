#include "scan_window.hpp"

#include <algorithm>

namespace robson::workers {

using domain::patterns::PatternState;

std::vector<domain::Candle> closedCandles(std::vector<domain::Candle> candles,
                                          std::int64_t now_ms) {
    candles.erase(std::remove_if(candles.begin(),
                                 candles.end(),
                                 [now_ms](const domain::Candle& candle) {
                                     return candle.close_time_ms >= now_ms;
                                 }),
                  candles.end());
    return candles;
}

std::vector<domain::patterns::Detection> detectNewest(domain::CandleSpan closed,
                                                      std::size_t catch_up) {
    std::vector<domain::patterns::Detection> found;
    const std::size_t first = closed.size() > catch_up ? closed.size() - catch_up : 0;
    for (std::size_t index = first; index < closed.size(); ++index) {
        auto at = domain::patterns::detectAt(closed, index);
        found.insert(found.end(), at.begin(), at.end());
    }
    return found;
}

std::optional<InstanceAdvance> advanceInstance(PatternState stored,
                                               const domain::patterns::Detection& detection,
                                               domain::CandleSpan closed,
                                               std::size_t expiry) {
    const auto progress = domain::patterns::follow(detection, closed, expiry);
    if (stored == PatternState::Detected) {
        if (progress.state == PatternState::Detected) {
            return std::nullopt;
        }
        return InstanceAdvance{progress.state, progress.confidence};
    }
    if (stored != PatternState::Confirmed || progress.state != PatternState::Confirmed ||
        !progress.decided_at_open_time_ms) {
        return std::nullopt;  // final states never move; follow agrees it stays confirmed
    }
    const auto confirmed_at = *progress.decided_at_open_time_ms;
    const auto unused = std::count_if(closed.begin(), closed.end(), [&](const auto& candle) {
        return candle.open_time_ms > confirmed_at;
    });
    if (static_cast<std::size_t>(unused) >= expiry) {
        return InstanceAdvance{PatternState::Expired, detection.confidence};
    }
    return std::nullopt;
}

}  // namespace robson::workers
