#include "robson/store/job_queue.hpp"

#include "robson/store/scan_jobs.hpp"

#include <algorithm>
#include <string_view>

namespace robson::store {
namespace {

using namespace std::chrono_literals;

wire::JobKind kindOf(std::string_view text) {
    const auto kind = wire::parseJobKind(text);
    if (!kind) {
        throw std::runtime_error("jobs row with an unknown kind: " + std::string(text));
    }
    return *kind;
}

wire::JobEnvelope envelopeOf(const pqxx::row& row) {
    // Columns: id, kind, intent (or "scan:<id>"), tenant (or ""), attempt, deadline_ms.
    wire::JobEnvelope envelope;
    envelope.job_id = row[0].as<std::int64_t>();
    envelope.kind = kindOf(row[1].as<std::string>());
    envelope.intent_id = row[2].as<std::string>();
    envelope.tenant = row[3].as<std::string>();
    // The envelope's attempt is informational (the claim increments the row's own counter):
    // the delivery that claims next will be attempt + 1.
    envelope.attempt = row[4].as<int>() + 1;
    envelope.deadline_ms = row[5].as<std::int64_t>();
    return envelope;
}

// A scan job has no intent and no tenant: its envelope names the scan (scan_jobs.hpp).
constexpr const char* kEnvelopeColumns =
    "id, kind, coalesce(intent_id, 'scan:' || scan_id::text), coalesce(tenant_id::text, ''), "
    "attempt, (extract(epoch FROM deadline) * 1000)::bigint";

}  // namespace

std::chrono::milliseconds defaultDeadline(wire::JobKind kind) {
    switch (kind) {
        case wire::JobKind::Plan:
        case wire::JobKind::Validate:
        case wire::JobKind::Scan:
            return 5min;
        case wire::JobKind::Execute:
            return std::chrono::hours(24 * 365);
    }
    return 5min;
}

std::optional<wire::JobEnvelope> enqueueJob(pqxx::work& txn, const NewJob& job) {
    const auto deadline = job.deadline_in.value_or(defaultDeadline(job.kind));
    const pqxx::result inserted = txn.exec_params(
        std::string("INSERT INTO jobs (intent_id, tenant_id, kind, payload, deadline) "
                    "VALUES ($1, $2, $3, $4::jsonb, now() + $5 * interval '1 millisecond') "
                    "ON CONFLICT (intent_id, kind) DO NOTHING RETURNING ") +
            kEnvelopeColumns,
        job.intent_id,
        job.tenant_id,
        std::string(wire::toString(job.kind)),
        job.payload_json,
        static_cast<std::int64_t>(deadline.count()));
    if (inserted.empty()) {
        return std::nullopt;
    }
    return envelopeOf(inserted[0]);
}

std::optional<ClaimedJob> claimJob(pqxx::connection& connection,
                                   std::int64_t job_id,
                                   const std::string& owner,
                                   std::chrono::milliseconds lease) {
    pqxx::work txn(connection);
    const pqxx::result claimed = txn.exec_params(
        "UPDATE jobs SET state = 'running', attempt = attempt + 1, lease_owner = $2, "
        "       lease_until = now() + $3 * interval '1 millisecond', updated_at = now() "
        " WHERE id = $1 "
        "   AND (state IN ('ready', 'retry') OR (state = 'running' AND lease_until < now())) "
        "RETURNING id, kind, coalesce(intent_id, ''), coalesce(tenant_id, 0), attempt, "
        "          max_attempts, payload::text, (extract(epoch FROM deadline) * 1000)::bigint, "
        "          scan_id, "
        "          greatest(extract(epoch FROM now() - greatest(created_at, run_after)), 0)",
        job_id,
        owner,
        static_cast<std::int64_t>(lease.count()));
    txn.commit();
    if (claimed.empty()) {
        return std::nullopt;
    }
    const pqxx::row row = claimed[0];
    ClaimedJob job;
    job.job_id = row[0].as<std::int64_t>();
    job.kind = kindOf(row[1].as<std::string>());
    job.intent_id = row[2].as<std::string>();
    job.tenant_id = row[3].as<std::int64_t>();
    job.attempt = row[4].as<int>();
    job.max_attempts = row[5].as<int>();
    job.payload_json = row[6].as<std::string>();
    job.deadline_ms = row[7].as<std::int64_t>();
    if (!row[8].is_null()) {
        job.scan_id = row[8].as<std::int64_t>();
    }
    job.waited_seconds = row[9].as<double>();
    return job;
}

void completeJob(pqxx::work& txn, const ClaimedJob& claim) {
    const pqxx::result done = txn.exec_params(
        "UPDATE jobs SET state = 'done', lease_owner = NULL, lease_until = NULL, "
        "       last_error = NULL, updated_at = now() "
        " WHERE id = $1 AND attempt = $2 AND state = 'running'",
        claim.job_id,
        claim.attempt);
    if (done.affected_rows() != 1) {
        throw FencedOut("job " + std::to_string(claim.job_id) + " attempt " +
                        std::to_string(claim.attempt) + " was taken over by a later delivery");
    }
}

void withdrawJob(pqxx::work& txn, const ClaimedJob& claim) {
    const pqxx::result withdrawn =
        txn.exec_params("DELETE FROM jobs WHERE id = $1 AND attempt = $2 AND state = 'running'",
                        claim.job_id,
                        claim.attempt);
    if (withdrawn.affected_rows() != 1) {
        throw FencedOut("job " + std::to_string(claim.job_id) + " attempt " +
                        std::to_string(claim.attempt) + " was taken over by a later delivery");
    }
}

void extendLease(pqxx::connection& connection,
                 const ClaimedJob& claim,
                 std::chrono::milliseconds lease) {
    pqxx::work txn(connection);
    const pqxx::result extended = txn.exec_params(
        "UPDATE jobs SET lease_until = now() + $3 * interval '1 millisecond', updated_at = now() "
        " WHERE id = $1 AND attempt = $2 AND state = 'running'",
        claim.job_id,
        claim.attempt,
        static_cast<std::int64_t>(lease.count()));
    txn.commit();
    if (extended.affected_rows() != 1) {
        throw FencedOut("job " + std::to_string(claim.job_id) + " lease lost");
    }
}

bool retryOrBury(pqxx::work& txn,
                 const ClaimedJob& claim,
                 const std::string& error,
                 std::chrono::milliseconds at_least) {
    // Backoff 0.5 s · 2^(attempt-1), capped at 30 s, never shorter than what the failure asked
    // for; execute jobs are never buried by count or time: only the execute worker, having
    // reconciled with the exchange, ends them.
    const int exponent = std::clamp(claim.attempt - 1, 0, 6);
    const std::int64_t backoff_ms =
        std::max<std::int64_t>(std::min<std::int64_t>(500LL << exponent, 30'000), at_least.count());
    const bool may_bury = claim.kind != wire::JobKind::Execute;
    const pqxx::result moved = txn.exec_params(
        "UPDATE jobs SET state = CASE WHEN $4 AND (attempt >= max_attempts OR now() >= deadline) "
        "                             THEN 'dead'::job_state ELSE 'retry'::job_state END, "
        "       run_after = now() + $3 * interval '1 millisecond', lease_owner = NULL, "
        "       lease_until = NULL, last_error = left($5, 2000), updated_at = now() "
        " WHERE id = $1 AND attempt = $2 AND state = 'running' "
        "RETURNING state::text",
        claim.job_id,
        claim.attempt,
        backoff_ms,
        may_bury,
        error);
    if (moved.empty()) {
        throw FencedOut("job " + std::to_string(claim.job_id) + " was taken over");
    }
    return moved[0][0].as<std::string>() == "dead";
}

void endIntentOfDeadJob(pqxx::work& txn,
                        wire::JobKind kind,
                        const std::string& intent_id,
                        const std::string& reason) {
    // Each UPDATE writes its audit row in the same statement, only when it moved the intent.
    if (kind == wire::JobKind::Plan) {
        txn.exec_params(
            "WITH moved AS ("
            "  UPDATE trading_intents SET status = 'FAILED', status_reason = $2, "
            "         status_code = 'plan_unavailable', updated_at = now() "
            "   WHERE id = $1 AND status = 'PLANNING' RETURNING id, tenant_id) "
            "INSERT INTO audit_trail (tenant_id, intent_id, actor, action, details) "
            "SELECT tenant_id, id, 'system:job-queue', 'INTENT_FAILED', "
            "       jsonb_build_object('code', 'plan_unavailable', 'reason', $2::text) FROM moved",
            intent_id,
            "The plan could not be computed: " + reason);
    } else if (kind == wire::JobKind::Validate) {
        txn.exec_params(
            "WITH moved AS ("
            "  UPDATE trading_intents SET status = 'REJECTED', status_reason = $2, "
            "         status_code = 'validation_unavailable', validated_at = now(), "
            "         updated_at = now() "
            "   WHERE id = $1 AND status = 'PENDING' RETURNING id, tenant_id) "
            "INSERT INTO audit_trail (tenant_id, intent_id, actor, action, details) "
            "SELECT tenant_id, id, 'system:job-queue', 'INTENT_REJECTED', "
            "       jsonb_build_object('code', 'validation_unavailable', 'reason', $2::text) "
            "  FROM moved",
            intent_id,
            "The validation could not run: " + reason);
    }
}

void endWorkOfDeadJob(pqxx::work& txn, const ClaimedJob& claim, const std::string& reason) {
    if (claim.kind == wire::JobKind::Scan) {
        if (claim.scan_id) {
            failScanOfDeadJob(txn, *claim.scan_id, reason);
        }
        return;
    }
    endIntentOfDeadJob(txn, claim.kind, claim.intent_id, reason);
}

std::vector<wire::JobEnvelope> takeDueJobs(pqxx::connection& connection,
                                           std::chrono::milliseconds redispatch_after,
                                           int limit) {
    pqxx::work txn(connection);
    const pqxx::result due = txn.exec_params(
        std::string("UPDATE jobs SET last_dispatched_at = now() WHERE id IN ("
                    "  SELECT id FROM jobs "
                    "   WHERE ((state IN ('ready', 'retry') AND run_after <= now()) "
                    "          OR (state = 'running' AND lease_until < now())) "
                    "     AND (last_dispatched_at IS NULL "
                    "          OR last_dispatched_at < now() - $1 * interval '1 millisecond' "
                    "          OR (state = 'retry' AND last_dispatched_at < run_after)) "
                    "   ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED) "
                    "RETURNING ") +
            kEnvelopeColumns,
        static_cast<std::int64_t>(redispatch_after.count()),
        limit);
    txn.commit();
    std::vector<wire::JobEnvelope> envelopes;
    envelopes.reserve(due.size());
    for (const auto& row : due) {
        envelopes.push_back(envelopeOf(row));
    }
    std::sort(envelopes.begin(), envelopes.end(), [](const auto& a, const auto& b) {
        return a.job_id < b.job_id;
    });
    return envelopes;
}

void markDispatched(pqxx::connection& connection, std::int64_t job_id) {
    pqxx::work txn(connection);
    txn.exec_params("UPDATE jobs SET last_dispatched_at = now() WHERE id = $1", job_id);
    txn.commit();
}

int buryExpiredJobs(pqxx::connection& connection) {
    pqxx::work txn(connection);
    const pqxx::result buried = txn.exec(
        "UPDATE jobs SET state = 'dead', updated_at = now(), "
        "       last_error = coalesce(last_error, 'no worker completed it before its deadline') "
        " WHERE kind IN ('plan', 'validate', 'scan') AND now() >= deadline "
        "   AND (state IN ('ready', 'retry') OR (state = 'running' AND lease_until < now())) "
        "RETURNING kind, coalesce(intent_id, ''), scan_id, last_error");
    for (const auto& row : buried) {
        ClaimedJob dead;
        dead.kind = kindOf(row[0].as<std::string>());
        dead.intent_id = row[1].as<std::string>();
        if (!row[2].is_null()) {
            dead.scan_id = row[2].as<std::int64_t>();
        }
        endWorkOfDeadJob(txn, dead, row[3].as<std::string>());
    }
    txn.commit();
    return static_cast<int>(buried.size());
}

}  // namespace robson::store
