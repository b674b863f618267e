#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace robson::broker {

using Clock = std::chrono::steady_clock;
/// A worker's ZeroMQ routing id, as the ROUTER socket reports it (opaque bytes).
using WorkerId = std::string;

/// One job as the broker sees it: an opaque body (the msgpack envelope) for a service.
struct QueuedJob {
    std::string service;
    std::string body;
};

/// A job handed to a worker.
struct Dispatch {
    WorkerId worker;
    QueuedJob job;
};

/// Per-service figures for metrics and /metrics-style introspection.
struct ServiceStats {
    std::size_t queued = 0;
    std::size_t idle_workers = 0;
    std::size_t busy_workers = 0;
};

/// The broker's routing state, without sockets: bounded FIFO queues per service, idle
/// workers per service in least-recently-used order, one job per worker, and heartbeat
/// expiry that puts a dead worker's job back at the head of its queue.
///
/// Holds no durable state: PostgreSQL is the truth, and anything lost here (a broker crash)
/// is re-sent by the sweeper. Single-threaded by design (owned by the broker loop).
class ServiceRegistry {
public:
    /// worker_expiry: how long an idle worker may stay silent (3 missed 1 s heartbeats).
    /// busy_expiry: how long a worker may hold one job without a word (its job's worst case;
    /// a single-threaded worker cannot heartbeat mid-job). Past either, its job is requeued;
    /// a late duplicate is harmless because workers fence their claim in PostgreSQL.
    ServiceRegistry(std::size_t max_queued_per_service,
                    Clock::duration worker_expiry,
                    Clock::duration busy_expiry);

    /// Queues a job; false when the service's queue is full (the caller NAKs it).
    [[nodiscard]] bool submit(QueuedJob job);
    /// A worker announced itself (or finished its job) and waits for work on `service`.
    /// A READY for another service re-registers the worker there.
    void workerReady(const WorkerId& worker, const std::string& service, Clock::time_point now);
    /// The worker finished its job and is idle again (the MDP "reply" of our protocol).
    void workerDone(const WorkerId& worker, Clock::time_point now);
    /// Any message from a worker proves it alive (an idle one for worker_expiry more; a busy
    /// one never less than its job's deadline); unknown workers are ignored (false).
    bool heartbeat(const WorkerId& worker, Clock::time_point now);
    /// The worker left: its in-flight job (if any) is requeued at the head.
    void workerGone(const WorkerId& worker);
    /// Workers silent past the expiry are dropped and their jobs requeued; returns them.
    std::vector<WorkerId> expire(Clock::time_point now);
    /// Pairs idle workers with queued jobs, oldest job to least recently used worker.
    [[nodiscard]] std::vector<Dispatch> dispatch(Clock::time_point now);

    [[nodiscard]] bool knowsWorker(const WorkerId& worker) const {
        return workers_.contains(worker);
    }
    [[nodiscard]] std::vector<WorkerId> idleWorkers() const;
    [[nodiscard]] ServiceStats stats(const std::string& service) const;
    [[nodiscard]] std::vector<std::string> services() const;

private:
    struct Worker {
        std::string service;
        Clock::time_point expires_at;
        std::optional<QueuedJob> in_flight;
    };
    struct Service {
        std::deque<QueuedJob> queue;
        std::deque<WorkerId> idle;  ///< front = least recently used
    };

    void removeFromIdle(const WorkerId& worker, const std::string& service);
    void requeueInFlight(Worker& worker);

    std::size_t max_queued_;
    Clock::duration worker_expiry_;
    Clock::duration busy_expiry_;
    std::map<std::string, Service> services_;
    std::map<WorkerId, Worker> workers_;
};

}  // namespace robson::broker
