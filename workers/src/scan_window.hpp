#pragma once

#include "robson/domain/candle.hpp"
#include "robson/domain/patterns/pattern.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

/// The scan worker's pure decisions (docs/decisions/0005-pattern-scanner.md): which candles it
/// may look at, which it looks for new patterns on, and what a known instance has become.
namespace robson::workers {

/// Klines fetched per scan: 260 closed (enough for SMA200 and its previous value) plus the
/// one still forming, which is dropped.
inline constexpr int kScanKlines = 261;
/// The newest closed candles searched for new patterns: the last close and the two before it,
/// so a close whose scan was missed (worker down, job late) is caught up by the next one.
inline constexpr std::size_t kCatchUpCandles = 3;
/// Candles an instance may stay undecided (DETECTED) or unused (CONFIRMED) before it EXPIRES.
inline constexpr std::size_t kExpiryCandles = 5;

/// The candles that have closed at `now_ms` (a kline whose close time is not yet past is still
/// forming: patterns are judged on closes only), oldest first.
[[nodiscard]] std::vector<domain::Candle> closedCandles(std::vector<domain::Candle> candles,
                                                        std::int64_t now_ms);

/// Every detection whose trigger is one of the newest `catch_up` closed candles, oldest
/// trigger first, in the order allPatternKinds() lists kinds on one trigger.
[[nodiscard]] std::vector<domain::patterns::Detection> detectNewest(
    domain::CandleSpan closed, std::size_t catch_up = kCatchUpCandles);

struct InstanceAdvance {
    domain::patterns::PatternState state = domain::patterns::PatternState::Detected;
    domain::Decimal confidence;
};

/// What an open instance (stored DETECTED or CONFIRMED, `detection` rebuilt from its row) has
/// become over `closed`, or nullopt when it stays as it is. DETECTED follows the detector's
/// rule (confirmed, invalidated, or expired after `expiry` undecided candles); CONFIRMED
/// expires once `expiry` candles have closed after the candle that confirmed it without any
/// configuration using it (its confidence stays).
[[nodiscard]] std::optional<InstanceAdvance> advanceInstance(
    domain::patterns::PatternState stored,
    const domain::patterns::Detection& detection,
    domain::CandleSpan closed,
    std::size_t expiry = kExpiryCandles);

}  // namespace robson::workers
