// robson-sweeper: the at-least-once half of the pipeline. Every second it re-sends the jobs
// PostgreSQL says are owed (never picked up, lease expired, retry due), gives up plan,
// validate and scan jobs past their deadline, and schedules the pattern scans owed at each
// candle close. Any number may run: a PostgreSQL advisory lock makes one of them the active
// sweeper (and scheduler).
#include "log_line.hpp"
#include "robson/bus/job_sender.hpp"
#include "robson/metrics/metrics_server.hpp"
#include "robson/store/job_queue.hpp"
#include "scan_scheduling.hpp"
#include "sweeper_metrics.hpp"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

namespace {

std::atomic<bool> g_stopping{false};

extern "C" void onSignal(int /*signal*/) {
    g_stopping.store(true);
}

constexpr std::int64_t kSweeperLockKey = 0x526f6273'6f6e5357;  // "RobsonSW"

std::string environment(const char* name, const std::string& fallback) {
    const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): before threads
    return value == nullptr ? fallback : std::string(value);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace robson;
    std::string broker = environment("ROBSON_BROKER", "tcp://127.0.0.1:5555");
    std::string database = environment("DATABASE_URL", "");
    auto interval = std::chrono::milliseconds(1000);
    auto redispatch_after = std::chrono::milliseconds(5000);
    std::string metrics_address;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--broker" && has_value) {
            broker = argv[++i];
        } else if (arg == "--database" && has_value) {
            database = argv[++i];
        } else if (arg == "--interval-ms" && has_value) {
            interval = std::chrono::milliseconds(std::stol(argv[++i]));
        } else if (arg == "--metrics" && has_value) {
            metrics_address = argv[++i];
        } else if (arg == "--redispatch-ms" && has_value) {
            redispatch_after = std::chrono::milliseconds(std::stol(argv[++i]));
        } else {
            std::cerr
                << "usage: robson-sweeper [--broker tcp://127.0.0.1:5555] [--database URL]"
                   " [--interval-ms 1000] [--redispatch-ms 5000] [--metrics 127.0.0.1:9100]\n";
            return 2;
        }
    }
    if (database.empty()) {
        std::cerr << "robson-sweeper: no database (--database or DATABASE_URL)\n";
        return 2;
    }
    logging::setService("sweeper");
    static_cast<void>(std::signal(SIGINT, onSignal));
    static_cast<void>(std::signal(SIGTERM, onSignal));
    auto registry = std::make_shared<prometheus::Registry>();
    workers::SweeperMetrics sweeper_metrics(*registry);
    std::unique_ptr<metrics::MetricsServer> metrics_server;
    try {
        if (!metrics_address.empty()) {
            metrics_server = std::make_unique<metrics::MetricsServer>(metrics_address, registry);
            // Tests start it on port 0 and read the address from this line.
            std::cout << "robson-sweeper metrics on http://127.0.0.1:" << metrics_server->port()
                      << "/metrics" << std::endl;
        }
    } catch (const std::exception& error) {
        workers::logEvent("error", "metrics_unavailable", {{"error", error.what()}});
        return 1;
    }
    zmq::context_t context(1);
    bus::JobSender sender(context, broker);
    std::unique_ptr<pqxx::connection> db;
    bool leader = false;
    workers::ScanScheduler scheduler;
    workers::logEvent("info", "sweeper_started", {{"broker", broker}});
    while (!g_stopping.load()) {
        try {
            if (!db) {
                db = std::make_unique<pqxx::connection>(database);
                leader = false;
            }
            if (!leader) {
                pqxx::nontransaction lock(*db);
                leader = lock.exec_params("SELECT pg_try_advisory_lock($1)", kSweeperLockKey)[0][0]
                             .as<bool>();
            }
            if (leader) {
                sweeper_metrics.refresh(*db);
                const int buried = store::buryExpiredJobs(*db);
                if (buried > 0) {
                    workers::logEvent("warning", "jobs_buried", {{"count", buried}});
                }
                for (const auto& envelope : store::takeDueJobs(*db, redispatch_after, 500)) {
                    const bool sent = sender.send(envelope);
                    sweeper_metrics.resent(std::string(wire::toString(envelope.kind)));
                    workers::logEvent(sent ? "info" : "warning",
                                      sent ? "job_resent" : "job_resend_failed",
                                      {{"job_id", envelope.job_id},
                                       {"intent_id", envelope.intent_id},
                                       {"tenant", envelope.tenant},
                                       {"kind", std::string(wire::toString(envelope.kind))}});
                }
                const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count();
                for (const auto& envelope : workers::scheduleDueScans(*db, scheduler, now_ms)) {
                    if (sender.send(envelope)) {
                        store::markDispatched(*db, envelope.job_id);
                    }
                    workers::logEvent("info",
                                      "scan_scheduled",
                                      {{"job_id", envelope.job_id}, {"scan", envelope.intent_id}});
                }
            }
        } catch (const std::exception& error) {
            workers::logEvent("error", "sweeper_error", {{"error", error.what()}});
            db.reset();  // reconnect next round (the advisory lock went with the session)
        }
        std::this_thread::sleep_for(interval);
    }
    return 0;
}
