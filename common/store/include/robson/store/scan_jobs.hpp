#pragma once

#include "robson/wire/job_envelope.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>

/// Scans of the pattern scanner as rows of `scans` with their `scan` job on the jobs outbox
/// (docs/decisions/0005-pattern-scanner.md). A scan job has no intent and no tenant: its row
/// names the scan (jobs.scan_id), and its envelope carries intent "scan:<scan id>" and tenant
/// "" (envelopes are ids only; the decoder needs a non-empty intent, and a scan belongs to no
/// tenant: patterns are market facts shared by all).
namespace robson::store {

struct NewScan {
    std::string symbol;
    std::string timeframe;
    /// The candle close (epoch ms) a scheduled scan is for; nullopt for an on-demand scan.
    std::optional<std::int64_t> candle_close_ms;
    /// The tenant that asked (POST /api/scans/); nullopt when the scheduler asked.
    std::optional<std::int64_t> requested_by_tenant;
};

struct EnqueuedScan {
    std::int64_t scan_id = 0;
    wire::JobEnvelope envelope;
};

/// Inserts the scans row and its scan job inside txn; nullopt when the scheduled scan for that
/// close already exists (UNIQUE (symbol, timeframe, candle_close_ms): two sweepers, or one
/// restarted, schedule each close once). On-demand scans are always inserted. Send the
/// envelope after commit.
[[nodiscard]] std::optional<EnqueuedScan> enqueueScan(pqxx::work& txn, const NewScan& scan);

/// "scan:<id>", the intent field of a scan job's envelope.
[[nodiscard]] std::string scanEnvelopeId(std::int64_t scan_id);
/// The scan id named by an envelope's intent field, or nullopt when it does not name a scan.
[[nodiscard]] std::optional<std::int64_t> scanIdOfEnvelope(const std::string& intent_field);

/// A scan job given up (attempts or deadline used up): its scans row becomes `failed` with the
/// reason, unless it already finished. The next candle close schedules a fresh scan.
void failScanOfDeadJob(pqxx::work& txn, std::int64_t scan_id, const std::string& reason);

}  // namespace robson::store
