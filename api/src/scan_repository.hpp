#pragma once

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>

/// Reads of the scans table (rows and jobs are written by robson::store::enqueueScan).
namespace robson::api::repo {

struct ScanRecord {
    std::int64_t id = 0;
    std::string symbol;
    std::string timeframe;
    std::string state;
    std::int64_t candles_scanned = 0;
    std::int64_t detections = 0;
    std::int64_t new_patterns = 0;
    std::optional<std::string> error;
    std::string created_at;
    std::optional<std::string> finished_at;
};

/// The scan when the tenant asked for it, or when the scheduler did (a scheduled scan is a
/// market fact like the patterns it finds); nullopt for another tenant's.
[[nodiscard]] std::optional<ScanRecord> findScan(pqxx::transaction_base& txn,
                                                 std::int64_t scan_id,
                                                 std::int64_t tenant_id);

[[nodiscard]] nlohmann::json toJson(const ScanRecord& scan);

}  // namespace robson::api::repo
