#pragma once

#include "robson/bus/job_sender.hpp"
#include "stage.hpp"
#include "tenant_exchanges.hpp"
#include "worker_metrics.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace robson::workers {

struct WorkerOptions {
    wire::JobKind kind = wire::JobKind::Plan;
    std::string broker_endpoint = "tcp://127.0.0.1:5555";
    std::string database_url;
    std::string owner;                        ///< lease owner: "<host>:<pid>:<service>"
    std::chrono::milliseconds lease{60'000};  ///< the claim's lease (execute extends it)
    /// --concurrent-executions: see StageContext::concurrent_executions.
    int concurrent_executions = kDefaultConcurrentExecutions;
};

/// One worker process's life: a session with the broker, a database connection, an exchange
/// gateway; jobs one at a time, each claimed (fenced), run by its stage and acknowledged.
/// Nothing a job does can end the loop: failures become retries, and a lost database or
/// broker is waited for.
class WorkerLoop {
public:
    WorkerLoop(WorkerOptions options, TenantExchanges& exchanges, WorkerMetrics& metrics);

    /// Runs until `stopping` becomes true.
    void run(const std::atomic<bool>& stopping);

private:
    void handle(const std::string& frame, pqxx::connection& db, bus::JobSender& sender);

    WorkerOptions options_;
    TenantExchanges& exchanges_;
    WorkerMetrics& metrics_;
};

}  // namespace robson::workers
