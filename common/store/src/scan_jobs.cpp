#include "robson/store/scan_jobs.hpp"

#include "robson/store/job_queue.hpp"

#include <charconv>
#include <string_view>

namespace robson::store {

namespace {

constexpr std::string_view kScanPrefix = "scan:";

}  // namespace

std::string scanEnvelopeId(std::int64_t scan_id) {
    return std::string(kScanPrefix) + std::to_string(scan_id);
}

std::optional<std::int64_t> scanIdOfEnvelope(const std::string& intent_field) {
    const std::string_view text(intent_field);
    if (!text.starts_with(kScanPrefix)) {
        return std::nullopt;
    }
    const std::string_view digits = text.substr(kScanPrefix.size());
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (error != std::errc{} || end != digits.data() + digits.size() || digits.empty() || id <= 0) {
        return std::nullopt;
    }
    return id;
}

std::optional<EnqueuedScan> enqueueScan(pqxx::work& txn, const NewScan& scan) {
    const pqxx::result inserted = txn.exec_params(
        "INSERT INTO scans (symbol, timeframe, candle_close_ms, requested_by) "
        "VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (symbol, timeframe, candle_close_ms) DO NOTHING RETURNING id",
        scan.symbol,
        scan.timeframe,
        scan.candle_close_ms,
        scan.requested_by_tenant);
    if (inserted.empty()) {
        return std::nullopt;
    }
    const auto scan_id = inserted[0][0].as<std::int64_t>();
    const auto deadline = defaultDeadline(wire::JobKind::Scan);
    const pqxx::result job = txn.exec_params(
        "INSERT INTO jobs (kind, scan_id, payload, deadline) "
        "VALUES ('scan', $1, '{}'::jsonb, now() + $2 * interval '1 millisecond') "
        "RETURNING id, attempt, (extract(epoch FROM deadline) * 1000)::bigint",
        scan_id,
        static_cast<std::int64_t>(deadline.count()));
    EnqueuedScan enqueued;
    enqueued.scan_id = scan_id;
    enqueued.envelope.job_id = job[0][0].as<std::int64_t>();
    enqueued.envelope.kind = wire::JobKind::Scan;
    enqueued.envelope.intent_id = scanEnvelopeId(scan_id);
    enqueued.envelope.tenant = "";
    enqueued.envelope.attempt = job[0][1].as<int>() + 1;
    enqueued.envelope.deadline_ms = job[0][2].as<std::int64_t>();
    return enqueued;
}

void failScanOfDeadJob(pqxx::work& txn, std::int64_t scan_id, const std::string& reason) {
    txn.exec_params(
        "UPDATE scans SET state = 'failed', error = left($2, 2000), finished_at = now() "
        " WHERE id = $1 AND state IN ('queued', 'running')",
        scan_id,
        "The scan could not run: " + reason);
}

}  // namespace robson::store
