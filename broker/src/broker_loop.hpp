#pragma once

#include "service_registry.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace robson::broker {

/// Counters the loop keeps (exported as metrics by issue 8's work; read by tests now).
struct BrokerCounters {
    std::uint64_t jobs_submitted = 0;
    std::uint64_t jobs_dispatched = 0;
    std::uint64_t jobs_refused_queue_full = 0;
    std::uint64_t jobs_requeued = 0;
    std::uint64_t workers_expired = 0;
    std::uint64_t malformed_frames = 0;
};

struct BrokerOptions {
    std::string endpoint = "tcp://127.0.0.1:5555";
    std::size_t max_queued_per_service = 10'000;
    std::chrono::milliseconds busy_expiry{120'000};
    int max_message_bytes = 64 * 1024;
};

/// The broker: one thread, one ROUTER socket, the ServiceRegistry. It routes opaque job
/// envelopes by service name and never touches PostgreSQL or the payload. Malformed frames
/// are counted and dropped; nothing a peer sends can throw out of run().
class BrokerLoop {
public:
    explicit BrokerLoop(BrokerOptions options);
    ~BrokerLoop();
    BrokerLoop(const BrokerLoop&) = delete;
    BrokerLoop& operator=(const BrokerLoop&) = delete;
    BrokerLoop(BrokerLoop&&) = delete;
    BrokerLoop& operator=(BrokerLoop&&) = delete;

    /// Binds the ROUTER; returns the bound endpoint (tcp://127.0.0.1:* picks a free port).
    std::string bind();
    /// Runs until stop() is called from another thread (or a signal handler sets the flag).
    void run();
    void stop() { stopping_.store(true); }

    /// Thread-safe snapshot (the counters are atomics).
    [[nodiscard]] BrokerCounters counters() const;
    /// Queue and worker figures; only call while run() is not running (tests, shutdown).
    [[nodiscard]] ServiceStats stats(const std::string& service) const;
    /// Every known service's figures as of the last heartbeat tick (≤ 1 s old). Thread-safe:
    /// the metrics thread reads it while run() runs.
    [[nodiscard]] std::map<std::string, ServiceStats> snapshot() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::atomic<bool> stopping_{false};
};

}  // namespace robson::broker
