#pragma once

#include "robson/bus/job_sender.hpp"
#include "stage.hpp"

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
};

/// What the loop did so far (for logs, tests and, later, metrics).
struct WorkerCounters {
    std::uint64_t jobs_done = 0;         ///< stage ran and committed
    std::uint64_t duplicates = 0;        ///< claim refused: done, dead or leased elsewhere
    std::uint64_t retries = 0;           ///< transient failure, job back to retry
    std::uint64_t buried = 0;            ///< attempts/deadline used up, intent ended
    std::uint64_t fenced_out = 0;        ///< another delivery took the job over
    std::uint64_t malformed_frames = 0;  ///< envelopes that did not decode
};

/// One worker process's life: a session with the broker, a database connection, an exchange
/// gateway; jobs one at a time, each claimed (fenced), run by its stage and acknowledged.
/// Nothing a job does can end the loop: failures become retries, and a lost database or
/// broker is waited for.
class WorkerLoop {
public:
    WorkerLoop(WorkerOptions options, exchange::ExchangeGateway& exchange);

    /// Runs until `stopping` becomes true.
    void run(const std::atomic<bool>& stopping);

    [[nodiscard]] const WorkerCounters& counters() const { return counters_; }

private:
    void handle(const std::string& frame, pqxx::connection& db, bus::JobSender& sender);

    WorkerOptions options_;
    exchange::ExchangeGateway& exchange_;
    WorkerCounters counters_;
};

}  // namespace robson::workers
