#pragma once

#include "robson/wire/job_envelope.hpp"

#include <pqxx/pqxx>

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

/// The jobs table as a transactional outbox (docs/decisions/0003-pipeline.md). A job row is
/// written in the same transaction as the state change that makes it necessary; ZeroMQ only
/// carries a wake-up call for it after commit, and the sweeper re-sends what was not picked up.
namespace robson::store {

/// A job to insert beside a state change.
struct NewJob {
    std::string intent_id;
    std::int64_t tenant_id = 0;
    wire::JobKind kind = wire::JobKind::Plan;
    std::string payload_json = "{}";  ///< JSON object, e.g. {"mode": "LIVE"} for execute
    std::optional<std::chrono::milliseconds> deadline_in;  ///< default: defaultDeadline(kind)
};

/// How long a stage may keep trying before it is given up (plan and validate: 5 minutes; an
/// execute job is never given up by time — only the worker, having reconciled with the
/// exchange, may end it — so its deadline is far away).
[[nodiscard]] std::chrono::milliseconds defaultDeadline(wire::JobKind kind);

/// Inserts the job row inside `txn`. Returns the envelope to send AFTER the transaction
/// commits, or nullopt when the intent already has a job of that kind (UNIQUE (intent, kind):
/// a duplicate request or completion cannot enqueue twice).
[[nodiscard]] std::optional<wire::JobEnvelope> enqueueJob(pqxx::work& txn, const NewJob& job);

/// A job a worker claimed: its fencing token is `attempt`. A scan job has no intent and no
/// tenant (intent_id "", tenant_id 0) and names its scans row instead (scan_id).
struct ClaimedJob {
    std::int64_t job_id = 0;
    wire::JobKind kind = wire::JobKind::Plan;
    std::string intent_id;
    std::int64_t tenant_id = 0;
    std::optional<std::int64_t> scan_id;  ///< set for scan jobs only
    int attempt = 0;  ///< the fencing token: every write of this delivery checks it
    int max_attempts = 0;
    std::string payload_json;
    std::int64_t deadline_ms = 0;
    /// Seconds the job waited for this claim: since it was created, or since its retry became
    /// due (run_after) for a later attempt (robson_job_queue_wait_seconds).
    double waited_seconds = 0;
};

/// Claims job `job_id` for `owner` with a lease, in its own committed transaction: ready or
/// retry jobs, and running jobs whose lease expired (their worker is presumed dead). Returns
/// nullopt when the job is done, dead, or leased by a live worker: a duplicate or stale
/// delivery, to be acknowledged and ignored.
[[nodiscard]] std::optional<ClaimedJob> claimJob(pqxx::connection& connection,
                                                 std::int64_t job_id,
                                                 const std::string& owner,
                                                 std::chrono::milliseconds lease);

/// Another delivery of the job claimed it after our lease expired: our results must not be
/// committed (the transaction that saw this is rolled back by the exception).
class FencedOut : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Marks the claimed job done inside `txn`, the transaction that commits its results. Throws
/// FencedOut when the job's attempt is no longer `claim.attempt`.
void completeJob(pqxx::work& txn, const ClaimedJob& claim);

/// Withdraws the claimed job inside `txn`: its row is deleted, so the same stage can be
/// enqueued again for the intent later (UNIQUE (intent, kind) would otherwise refuse it). For
/// work given back before anything was done, e.g. an automatic execution the kill switch
/// stopped before any order was placed. Throws FencedOut like completeJob.
void withdrawJob(pqxx::work& txn, const ClaimedJob& claim);

/// Extends the lease of a long job (the execute worker while it waits on the exchange).
/// Throws FencedOut when another delivery took the job.
void extendLease(pqxx::connection& connection,
                 const ClaimedJob& claim,
                 std::chrono::milliseconds lease);

/// After a transient failure (exchange unreachable, database hiccup): the job goes back to
/// `retry` with an exponential backoff (0.5 s · 2^(attempt-1), at most 30 s), or to `dead`
/// when its attempts or its deadline are used up. Returns true when the job is now dead: the
/// caller then ends the intent in the same transaction (endIntentOfDeadJob). Throws FencedOut.
/// `at_least` raises the backoff to what the failure asked for (an exchange's Retry-After).
[[nodiscard]] bool retryOrBury(pqxx::work& txn,
                               const ClaimedJob& claim,
                               const std::string& error,
                               std::chrono::milliseconds at_least = std::chrono::milliseconds(0));

/// Ends the intent of a job given up: PLANNING → FAILED, PENDING → REJECTED (validation could
/// not run), each guarded so an intent that moved on meanwhile is left alone; the intent's
/// audit trail says so (INTENT_FAILED / INTENT_REJECTED by "system:job-queue", with why). Execute
/// jobs are never buried (an order may be on the exchange), and scan jobs have no intent: this does
/// nothing for them.
void endIntentOfDeadJob(pqxx::work& txn,
                        wire::JobKind kind,
                        const std::string& intent_id,
                        const std::string& reason);

/// Ends what a job given up was for: its intent (endIntentOfDeadJob), or for a scan job its
/// scans row, marked failed (failScanOfDeadJob in scan_jobs.hpp).
void endWorkOfDeadJob(pqxx::work& txn, const ClaimedJob& claim, const std::string& reason);

/// Jobs owed a (re)send: ready or retry jobs not dispatched for `redispatch_after` (and due),
/// and running jobs whose lease expired. Marks them dispatched now. At most `limit`. A scan
/// job's envelope carries intent "scan:<scan id>" and tenant "" (scan_jobs.hpp).
[[nodiscard]] std::vector<wire::JobEnvelope> takeDueJobs(pqxx::connection& connection,
                                                         std::chrono::milliseconds redispatch_after,
                                                         int limit);

/// Marks a job as just sent (the fast path after commit), so the sweeper waits before
/// re-sending it.
void markDispatched(pqxx::connection& connection, std::int64_t job_id);

/// Buries plan/validate/scan jobs past their deadline that no worker is running (no live
/// lease) and ends their intents (a scan's row: failed). Returns how many.
int buryExpiredJobs(pqxx::connection& connection);

}  // namespace robson::store
