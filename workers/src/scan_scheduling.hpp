#pragma once

#include "robson/wire/job_envelope.hpp"
#include "scan_schedule.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <vector>

namespace robson::workers {

/// Every (symbol, timeframe) that an enabled pattern configuration names, once each.
[[nodiscard]] std::vector<ScanTarget> loadScanTargets(pqxx::transaction_base& txn);

/// One round of the scheduler (the sweeper's leader runs it every second): enqueues the scan
/// of every close now due (store::enqueueScan, idempotent per close) and returns the envelopes
/// of the scans it inserted, to be sent after their commit (each is committed on its own).
[[nodiscard]] std::vector<wire::JobEnvelope> scheduleDueScans(pqxx::connection& db,
                                                              ScanScheduler& scheduler,
                                                              std::int64_t now_ms);

}  // namespace robson::workers
