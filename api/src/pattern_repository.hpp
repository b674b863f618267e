#pragma once

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// Reads of pattern_instances. An instance is a market fact shared by every tenant; what is
/// tenant-scoped is the list of intents it made, which holds only the caller's.
namespace robson::api::repo {

struct PatternRecord {
    std::int64_t id = 0;
    std::string pattern;
    std::string direction;
    std::string symbol;
    std::string timeframe;
    std::string trigger_open_time;  ///< RFC 3339 UTC
    nlohmann::json trigger_candle;
    std::string confidence;
    std::string confirmation_level;
    std::string invalidation_level;
    std::string state;
    std::string explanation;
    std::string detected_at;
    std::optional<std::string> confirmed_at;
    std::optional<std::string> decided_at;
    nlohmann::json intents;  ///< [{"id", "status"}] of the caller's tenant, oldest first
};

/// Feed filters; empty members do not filter.
struct PatternFilter {
    std::optional<std::string> symbol;
    std::optional<std::string> timeframe;
    std::optional<std::string> pattern;
    std::optional<std::string> state;
};

[[nodiscard]] std::int64_t countPatterns(pqxx::transaction_base& txn, const PatternFilter& filter);
/// Newest first (detected_at, then id).
[[nodiscard]] std::vector<PatternRecord> listPatterns(pqxx::transaction_base& txn,
                                                      const PatternFilter& filter,
                                                      std::int64_t tenant_id,
                                                      std::int64_t offset,
                                                      std::int64_t limit);
[[nodiscard]] std::optional<PatternRecord> findPattern(pqxx::transaction_base& txn,
                                                       std::int64_t pattern_id,
                                                       std::int64_t tenant_id);

[[nodiscard]] nlohmann::json toJson(const PatternRecord& pattern);

}  // namespace robson::api::repo
