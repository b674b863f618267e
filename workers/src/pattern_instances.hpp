#pragma once

#include "robson/domain/candle.hpp"
#include "robson/domain/patterns/pattern.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cstdint>
#include <string>
#include <vector>

/// The pattern_instances table as the scan worker uses it: a pattern instance is a market fact
/// shared by every tenant, one row per (pattern, symbol, timeframe, trigger open time).
namespace robson::workers {

/// The trigger candle as stored (pattern_instances.trigger_candle) and shown: every value a
/// string, open_time as RFC 3339 UTC: {"open_time", "open", "high", "low", "close", "volume"}.
[[nodiscard]] nlohmann::json triggerCandleJson(const domain::Candle& candle);

/// One open instance (DETECTED or CONFIRMED) as read back: its detection rebuilt from the row
/// (trigger_index is meaningless there), its state and stored trigger candle.
struct StoredInstance {  // NOLINT(bugprone-exception-escape): nlohmann::json may allocate
    std::int64_t id = 0;
    std::string symbol;
    std::string timeframe;
    domain::patterns::Detection detection;
    domain::patterns::PatternState state = domain::patterns::PatternState::Detected;
    nlohmann::json trigger_candle;
};

struct UpsertedInstance {
    std::int64_t id = 0;
    bool inserted = false;  ///< false: another scan recorded it first (we read its row)
};

/// Records a detection (state DETECTED) or, when the same pattern on the same trigger is
/// already there, reads its id: concurrent scanners race on the unique key and the loser
/// reads the winner's row.
[[nodiscard]] UpsertedInstance upsertInstance(pqxx::work& txn,
                                              const std::string& symbol,
                                              const std::string& timeframe,
                                              const domain::patterns::Detection& detection,
                                              const domain::Candle& trigger,
                                              std::int64_t scan_id);

/// The open instances of a (symbol, timeframe), oldest first, locked FOR UPDATE until the
/// transaction ends (a concurrent scanner of the same chart waits, then sees our result).
[[nodiscard]] std::vector<StoredInstance> lockOpenInstances(pqxx::work& txn,
                                                            const std::string& symbol,
                                                            const std::string& timeframe);

/// Moves an instance forward (guarded on its current state; canTransition must allow it),
/// stamping confirmed_at or decided_at. Returns false when it had moved on meanwhile.
bool moveInstance(pqxx::work& txn,
                  std::int64_t id,
                  domain::patterns::PatternState from,
                  domain::patterns::PatternState to,
                  const domain::Decimal& confidence);

}  // namespace robson::workers
