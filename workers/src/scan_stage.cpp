// SCAN: one (symbol, timeframe) chart, read from the exchange now. New patterns on the newest
// closed candles are recorded (shared by every tenant), known open ones are moved on, and
// every instance confirmed now becomes the intents of the configurations that want it — all
// in the job's fenced transaction (docs/decisions/0005-pattern-scanner.md).
#include "log_line.hpp"
#include "pattern_instances.hpp"
#include "pattern_intents.hpp"
#include "pipeline_metrics.hpp"
#include "robson/exchange/exchange_error.hpp"
#include "robson/store/scan_jobs.hpp"
#include "scan_window.hpp"
#include "stage.hpp"

#include <algorithm>

namespace robson::workers {
namespace {

namespace patterns = domain::patterns;
using patterns::PatternState;

struct ScanRow {
    std::int64_t id = 0;
    std::string symbol;
    std::string timeframe;
    std::string state;
};

std::optional<ScanRow> loadScan(pqxx::transaction_base& txn, std::int64_t scan_id) {
    const pqxx::result rows =
        txn.exec_params("SELECT id, symbol, timeframe, state FROM scans WHERE id = $1", scan_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return ScanRow{rows[0][0].as<std::int64_t>(),
                   rows[0][1].as<std::string>(),
                   rows[0][2].as<std::string>(),
                   rows[0][3].as<std::string>()};
}

/// What one scan found, for the scans row.
struct ScanCounts {
    int candles_scanned = 0;
    int detections = 0;
    int new_patterns = 0;
    int intents_created = 0;
};

/// The exchange refuses the request itself (an unknown symbol or interval): retrying cannot
/// help, so the scan fails at once with the exchange's words.
bool isDefinitive(const exchange::ExchangeException& error) {
    return error.kind() == exchange::ExchangeErrorKind::BadRequest;
}

/// The scans row's outcome, written in the transaction that completes the job.
void markScanFinished(pqxx::work& txn,
                      std::int64_t scan_id,
                      const std::string& state,
                      const ScanCounts& counts,
                      const std::string& error) {
    txn.exec_params(
        "UPDATE scans SET state = $2, candles_scanned = $3, detections = $4, new_patterns = $5, "
        "       error = NULLIF(left($6, 2000), ''), finished_at = now() "
        " WHERE id = $1 AND state IN ('queued', 'running')",
        scan_id,
        state,
        counts.candles_scanned,
        counts.detections,
        counts.new_patterns,
        error);
}

/// Records the detections, moves the open instances on and triggers the confirmed ones, in
/// `txn`. Returns the plan jobs to send after commit.
std::vector<wire::JobEnvelope> recordPatterns(pqxx::work& txn,
                                              const ScanRow& scan,
                                              const std::vector<domain::Candle>& closed,
                                              const std::string& actor,
                                              ScanCounts& counts) {
    // Scanners of the same chart take turns (the unique key alone would keep the rows right;
    // the lock also keeps two of them from deciding the same instance at once).
    txn.exec_params("SELECT pg_advisory_xact_lock(hashtext('scan:' || $1 || ':' || $2))",
                    scan.symbol,
                    scan.timeframe);
    const auto detections = detectNewest(closed);
    counts.detections = static_cast<int>(detections.size());
    for (const auto& detection : detections) {
        const auto upserted = upsertInstance(txn,
                                             scan.symbol,
                                             scan.timeframe,
                                             detection,
                                             closed.at(detection.trigger_index),
                                             scan.id);
        counts.new_patterns += upserted.inserted ? 1 : 0;
    }
    std::vector<wire::JobEnvelope> plan_jobs;
    for (auto& instance : lockOpenInstances(txn, scan.symbol, scan.timeframe)) {
        if (const auto advance = advanceInstance(instance.state, instance.detection, closed)) {
            if (moveInstance(
                    txn, instance.id, instance.state, advance->state, advance->confidence)) {
                instance.state = advance->state;
                instance.detection.confidence = advance->confidence;
            }
        }
        if (instance.state != PatternState::Confirmed) {
            continue;
        }
        auto outcome = triggerConfigurations(txn, instance, actor);
        counts.intents_created += outcome.intents_created;
        if (outcome.intents_created > 0) {
            static_cast<void>(moveInstance(txn,
                                           instance.id,
                                           PatternState::Confirmed,
                                           PatternState::Consumed,
                                           instance.detection.confidence));
        }
        plan_jobs.insert(plan_jobs.end(), outcome.plan_jobs.begin(), outcome.plan_jobs.end());
    }
    return plan_jobs;
}

}  // namespace

std::vector<wire::JobEnvelope> runScanStage(StageContext& context, const store::ClaimedJob& job) {
    std::optional<ScanRow> scan;
    if (job.scan_id) {
        pqxx::work txn(context.db);
        scan = loadScan(txn, *job.scan_id);
        if (scan && scan->state == "queued") {
            // Shown while it runs (GET /api/scans/{id}/); not fenced: it changes nothing else.
            txn.exec_params("UPDATE scans SET state = 'running' WHERE id = $1 AND state = 'queued'",
                            scan->id);
            scan->state = "running";
        }
        txn.commit();
    }
    if (!scan || (scan->state != "running")) {
        completeAsNoOp(context, job);  // finished by an earlier delivery, or no such scan
        return {};
    }
    std::vector<domain::Candle> closed;
    try {
        closed = closedCandles(context.exchange.candles(scan->symbol, scan->timeframe, kScanKlines),
                               context.now_ms());
    } catch (const exchange::ExchangeException& error) {
        if (!isDefinitive(error)) {
            throw;  // unreachable, rate limited…: retried with backoff
        }
        pqxx::work txn(context.db);
        markScanFinished(txn, scan->id, "failed", {}, error.what());
        store::completeJob(txn, job);
        txn.commit();
        return {};
    }
    ScanCounts counts;
    counts.candles_scanned = static_cast<int>(closed.size());
    pqxx::work txn(context.db);
    auto plan_jobs = recordPatterns(txn, *scan, closed, context.actor, counts);
    markScanFinished(txn, scan->id, "done", counts, "");
    store::completeJob(txn, job);
    txn.commit();
    // Counted once committed: a rolled-back scan made no intent.
    if (auto* metrics = pipelineMetrics(); metrics != nullptr && counts.intents_created > 0) {
        metrics->intentsCreatedByPattern(counts.intents_created);
    }
    for (const auto& plan_job : plan_jobs) {
        logEvent("info",
                 "intent_created",
                 {{"intent_id", plan_job.intent_id},
                  {"job_id", plan_job.job_id},
                  {"tenant", plan_job.tenant},
                  {"source", "pattern"}});
    }
    return plan_jobs;
}

}  // namespace robson::workers
