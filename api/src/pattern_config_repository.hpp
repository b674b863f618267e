#pragma once

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// The SQL of pattern_configs: what a tenant wants done when a pattern is confirmed. Every
/// statement matches the caller's tenant, so another tenant's configuration is a missing one.
namespace robson::api::repo {

/// One row as the API prints it (decimals normalized, times RFC 3339 UTC).
struct PatternConfigRecord {
    std::int64_t id = 0;
    std::int64_t strategy_id = 0;
    std::string strategy_name;
    std::string pattern;
    std::vector<std::string> symbols;
    std::vector<std::string> timeframes;
    std::string min_confidence;
    std::string capital;
    std::string mode;
    std::optional<std::string> risk_acknowledged_at;
    bool enabled = true;
    std::string created_at;
    std::string updated_at;
};

/// Validated values to write; an empty member leaves the column as it is (PATCH) or takes the
/// column's default (insert).
struct PatternConfigChange {
    std::optional<std::int64_t> strategy_id;
    std::optional<std::string> pattern;
    std::optional<std::vector<std::string>> symbols;
    std::optional<std::vector<std::string>> timeframes;
    std::optional<std::string> min_confidence;  ///< exact decimal text in [0, 1]
    std::optional<std::string> capital;         ///< exact decimal text > 0
    std::optional<std::string> mode;            ///< manual, auto_dry_run, auto_live
    std::optional<bool> enabled;
    /// Set risk_acknowledged_at to now (LIVE automation acknowledged in this request).
    bool acknowledge_risk_now = false;
    /// Clear risk_acknowledged_at (the mode left auto_live: a later switch back asks again).
    bool clear_risk_acknowledgement = false;
};

[[nodiscard]] std::vector<PatternConfigRecord> listPatternConfigs(pqxx::transaction_base& txn,
                                                                  std::int64_t tenant_id);
[[nodiscard]] std::optional<PatternConfigRecord> findPatternConfig(pqxx::transaction_base& txn,
                                                                   std::int64_t config_id,
                                                                   std::int64_t tenant_id);
/// The current mode, locking the row for the rest of the transaction; nullopt when not the
/// tenant's.
[[nodiscard]] std::optional<std::string> lockPatternConfigMode(pqxx::work& txn,
                                                               std::int64_t config_id,
                                                               std::int64_t tenant_id);

/// Inserts a configuration; strategy_id, pattern, symbols, timeframes and capital must be set.
[[nodiscard]] std::int64_t insertPatternConfig(pqxx::work& txn,
                                               std::int64_t tenant_id,
                                               const PatternConfigChange& change);
/// Applies the change; false when the configuration is not the tenant's.
[[nodiscard]] bool updatePatternConfig(pqxx::work& txn,
                                       std::int64_t config_id,
                                       std::int64_t tenant_id,
                                       const PatternConfigChange& change);
[[nodiscard]] bool deletePatternConfig(pqxx::work& txn,
                                       std::int64_t config_id,
                                       std::int64_t tenant_id);

[[nodiscard]] nlohmann::json toJson(const PatternConfigRecord& config);

}  // namespace robson::api::repo
