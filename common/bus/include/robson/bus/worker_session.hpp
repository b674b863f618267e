#pragma once

#include <zmq.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace robson::bus {

/// A worker's side of the broker protocol (docs/wire-protocol.md): registers for one service,
/// heartbeats while idle, notices a dead or restarted broker (silence for 3 heartbeats, or a
/// DISCONNECT) and registers again on a fresh socket. One job at a time: after nextJob()
/// returned a job, call done() when it is finished to become idle again.
///
/// Single-threaded on purpose (Majordomo's rule): a worker stuck in a job stops heartbeating,
/// and the broker requeues its job after its busy expiry.
class WorkerSession {
public:
    WorkerSession(zmq::context_t& context, std::string broker_endpoint, std::string service);

    /// The next job's envelope bytes, or nullopt after `wait` without one (heartbeats and
    /// reconnections happen inside). Never throws for broker trouble.
    [[nodiscard]] std::optional<std::string> nextJob(std::chrono::milliseconds wait);

    /// The job returned by nextJob() is finished: idle again.
    void done();

    /// Registrations so far (1 + reconnections); for tests and metrics.
    [[nodiscard]] std::uint64_t registrations() const { return registrations_; }

private:
    void connect();
    void sendCommand(std::string_view command, std::string_view body = {});

    zmq::context_t& context_;
    std::string endpoint_;
    std::string service_;
    zmq::socket_t socket_;
    std::chrono::steady_clock::time_point broker_expiry_;
    std::chrono::steady_clock::time_point next_heartbeat_;
    std::uint64_t registrations_ = 0;
};

}  // namespace robson::bus
