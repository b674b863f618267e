#include "scan_repository.hpp"

#include "row_text.hpp"

namespace robson::api::repo {

std::optional<ScanRecord> findScan(pqxx::transaction_base& txn,
                                   std::int64_t scan_id,
                                   std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(
        "SELECT id, symbol, timeframe, state, candles_scanned, detections, new_patterns, error, " +
            utcText("created_at") + ", " + utcText("finished_at") +
            " FROM scans WHERE id = $1 AND (requested_by = $2 OR requested_by IS NULL)",
        scan_id,
        tenant_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    const pqxx::row row = rows[0];
    ScanRecord scan;
    scan.id = row[0].as<std::int64_t>();
    scan.symbol = row[1].c_str();
    scan.timeframe = row[2].c_str();
    scan.state = row[3].c_str();
    scan.candles_scanned = row[4].as<std::int64_t>();
    scan.detections = row[5].as<std::int64_t>();
    scan.new_patterns = row[6].as<std::int64_t>();
    scan.error = optionalText(row[7]);
    scan.created_at = row[8].c_str();
    scan.finished_at = optionalText(row[9]);
    return scan;
}

nlohmann::json toJson(const ScanRecord& scan) {
    using nlohmann::json;
    return {{"id", scan.id},
            {"symbol", scan.symbol},
            {"timeframe", scan.timeframe},
            {"state", scan.state},
            {"candles_scanned", scan.candles_scanned},
            {"detections", scan.detections},
            {"new_patterns", scan.new_patterns},
            {"error", scan.error ? json(*scan.error) : json(nullptr)},
            {"created_at", scan.created_at},
            {"finished_at", scan.finished_at ? json(*scan.finished_at) : json(nullptr)}};
}

}  // namespace robson::api::repo
