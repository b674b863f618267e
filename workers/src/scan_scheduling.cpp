#include "scan_scheduling.hpp"

#include "robson/store/scan_jobs.hpp"

namespace robson::workers {

std::vector<ScanTarget> loadScanTargets(pqxx::transaction_base& txn) {
    const pqxx::result rows = txn.exec(
        "SELECT DISTINCT symbol, timeframe FROM pattern_configs, "
        "       unnest(symbols) AS symbol, unnest(timeframes) AS timeframe "
        " WHERE enabled ORDER BY symbol, timeframe");
    std::vector<ScanTarget> targets;
    targets.reserve(rows.size());
    for (const auto& row : rows) {
        targets.push_back(ScanTarget{row[0].as<std::string>(), row[1].as<std::string>()});
    }
    return targets;
}

std::vector<wire::JobEnvelope> scheduleDueScans(pqxx::connection& db,
                                                ScanScheduler& scheduler,
                                                std::int64_t now_ms) {
    std::vector<ScanTarget> targets;
    {
        pqxx::read_transaction txn(db);
        targets = loadScanTargets(txn);
    }
    std::vector<wire::JobEnvelope> envelopes;
    for (const auto& due : scheduler.due(targets, now_ms)) {
        pqxx::work txn(db);
        const auto enqueued = store::enqueueScan(
            txn, store::NewScan{due.target.symbol, due.target.timeframe, due.close_ms, {}});
        txn.commit();
        scheduler.scheduled(due);
        if (enqueued) {
            envelopes.push_back(enqueued->envelope);
        }
    }
    return envelopes;
}

}  // namespace robson::workers
