#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// When the scheduler owes a scan (docs/decisions/0005-pattern-scanner.md): for every
/// (symbol, timeframe) an enabled configuration names, once per candle close, 2 s after it.
/// Pure: the clock is an argument, so the tests drive it.
namespace robson::workers {

/// The length of a kline interval ("1m" … "1d", the timeframes intents accept), or nullopt.
[[nodiscard]] std::optional<std::int64_t> timeframeMs(std::string_view timeframe);

/// The most recent candle close (the boundary between two candles, epoch ms; the key of the
/// scheduled scan) whose grace period has passed at `now_ms`. Candles are aligned on the epoch
/// as Binance aligns them for every interval up to a day.
[[nodiscard]] std::int64_t latestDueClose(std::int64_t timeframe_ms,
                                          std::int64_t now_ms,
                                          std::int64_t grace_ms);

struct ScanTarget {
    std::string symbol;
    std::string timeframe;

    friend auto operator<=>(const ScanTarget&,
                            const ScanTarget&) = default;  // NOLINT(modernize-use-nullptr)
};

struct DueScan {
    ScanTarget target;
    std::int64_t close_ms = 0;

    friend bool operator==(const DueScan&, const DueScan&) = default;
};

/// Remembers the last close it scheduled per target, so a round asks the database only when a
/// new close is due. After a restart (empty memory) the latest close is owed again; the
/// database's unique key makes that a no-op when it was scheduled already.
class ScanScheduler {
public:
    static constexpr std::int64_t kDefaultGraceMs = 2'000;

    explicit ScanScheduler(std::int64_t grace_ms = kDefaultGraceMs) : grace_ms_(grace_ms) {}

    /// The scans owed at `now_ms` for these targets (unknown timeframes are skipped).
    [[nodiscard]] std::vector<DueScan> due(const std::vector<ScanTarget>& targets,
                                           std::int64_t now_ms) const;

    /// Records that a due scan was enqueued (or found enqueued): not owed again.
    void scheduled(const DueScan& scan);

private:
    std::int64_t grace_ms_;
    std::map<ScanTarget, std::int64_t> last_close_;
};

}  // namespace robson::workers
