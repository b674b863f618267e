#include "worker_loop.hpp"

#include "log_line.hpp"
#include "retry_later.hpp"
#include "robson/bus/worker_session.hpp"
#include "robson/exchange/exchange_error.hpp"

#include <thread>
#include <variant>

namespace robson::workers {
namespace {

/// The earliest retry the failure itself asks for: the exchange's Retry-After (429/418), else 0.
std::chrono::milliseconds retryDelayOf(const std::exception& error) {
    if (const auto* later = dynamic_cast<const RetryLater*>(&error)) {
        return later->delay();
    }
    if (const auto* failure = dynamic_cast<const exchange::ExchangeException*>(&error)) {
        return failure->error().retry_after.value_or(std::chrono::milliseconds(0));
    }
    return std::chrono::milliseconds(0);
}

std::int64_t wallNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// Connects, waiting (with a bounded pause) while the database is unreachable: a worker
/// started before PostgreSQL, or across a database restart, simply waits.
std::unique_ptr<pqxx::connection> connectWhenPossible(const std::string& url,
                                                      const std::atomic<bool>& stopping) {
    auto pause = std::chrono::milliseconds(200);
    while (!stopping.load()) {
        try {
            return std::make_unique<pqxx::connection>(url);
        } catch (const std::exception& error) {
            logEvent("warning", "database_unreachable", {{"error", error.what()}});
            std::this_thread::sleep_for(pause);
            pause = std::min(pause * 2, std::chrono::milliseconds(5000));
        }
    }
    return nullptr;
}

}  // namespace

WorkerLoop::WorkerLoop(WorkerOptions options, TenantExchanges& exchanges, WorkerMetrics& metrics)
    : options_(std::move(options)), exchanges_(exchanges), metrics_(metrics) {}

void WorkerLoop::run(const std::atomic<bool>& stopping) {
    zmq::context_t context(1);
    bus::WorkerSession session(
        context, options_.broker_endpoint, std::string(wire::toString(options_.kind)));
    bus::JobSender sender(context, options_.broker_endpoint);
    auto db = connectWhenPossible(options_.database_url, stopping);
    while (!stopping.load() && db) {
        const auto frame = session.nextJob(std::chrono::milliseconds(250));
        if (!frame) {
            continue;
        }
        metrics_.received();
        metrics_.inFlight(true);
        try {
            handle(*frame, *db, sender);
        } catch (const pqxx::broken_connection& error) {
            // The job stays claimed; its lease expires and the sweeper re-sends it.
            logEvent("error", "database_connection_lost", {{"error", error.what()}});
            db = connectWhenPossible(options_.database_url, stopping);
        } catch (const std::exception& error) {
            logEvent("error", "job_failed_unrecorded", {{"error", error.what()}});
        }
        metrics_.inFlight(false);
        session.done();
    }
}

void WorkerLoop::handle(const std::string& frame, pqxx::connection& db, bus::JobSender& sender) {
    const auto decoded = wire::decode(frame);
    if (const auto* error = std::get_if<wire::DecodeError>(&decoded)) {
        metrics_.malformed(*error);
        logEvent("warning", "malformed_frame", {{"reason", std::string(wire::toString(*error))}});
        return;
    }
    const auto& envelope = std::get<wire::JobEnvelope>(decoded);
    const nlohmann::json ids{{"job_id", envelope.job_id},
                             {"intent_id", envelope.intent_id},
                             {"tenant", envelope.tenant},
                             {"kind", std::string(wire::toString(envelope.kind))}};
    if (envelope.kind != options_.kind) {
        metrics_.wrongService();  // routed to the wrong pool: not ours to run
        logEvent("warning", "wrong_service", ids);
        return;
    }
    const auto claim = store::claimJob(db, envelope.job_id, options_.owner, options_.lease);
    const auto started = std::chrono::steady_clock::now();
    const auto elapsed = [&started] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    if (!claim) {
        metrics_.finished(JobOutcome::Duplicate, elapsed());
        return;
    }
    metrics_.claimed(claim->waited_seconds);
    auto log_ids = ids;
    log_ids["attempt"] = claim->attempt;
    logEvent("info", "job_claimed", log_ids);
    try {
        // A scan reads public market data for every tenant: the process's own keys.
        auto& exchange = claim->kind == wire::JobKind::Scan
                             ? exchanges_.marketData()
                             : exchanges_.forTenant(db, claim->tenant_id);
        StageContext context{db,
                             exchange,
                             wallNowMs,
                             "worker:" + std::string(wire::toString(options_.kind)),
                             options_.concurrent_executions};
        const auto next = stageFor(options_.kind)(context, *claim);
        metrics_.finished(JobOutcome::Success, elapsed());
        logEvent("info", "job_done", log_ids);
        for (const auto& envelope_to_send : next) {
            if (sender.send(envelope_to_send)) {
                store::markDispatched(db, envelope_to_send.job_id);
            }
        }
    } catch (const store::FencedOut& error) {
        metrics_.finished(JobOutcome::FencedOut, elapsed());
        log_ids["error"] = error.what();
        logEvent("warning", "job_fenced_out", log_ids);
    } catch (const pqxx::broken_connection&) {
        throw;
    } catch (const std::exception& error) {
        // Transient (exchange unreachable, outcome unknown, a database hiccup): retry later.
        log_ids["error"] = error.what();
        pqxx::work txn(db);
        const bool dead = store::retryOrBury(txn, *claim, error.what(), retryDelayOf(error));
        if (dead) {
            store::endWorkOfDeadJob(txn, *claim, error.what());
        }
        txn.commit();
        if (dead) {
            metrics_.finished(JobOutcome::Dead, elapsed());
            logEvent("error", "job_buried", log_ids);
        } else {
            metrics_.finished(JobOutcome::Retry, elapsed());
            logEvent("warning", "job_retry", log_ids);
        }
    }
}

}  // namespace robson::workers
