#pragma once

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <thread>

namespace robson::api {

/// What the gate lets through (ServerConfig fills it; docs in README "Hostile clients").
struct GateLimits {
    /// Connections waiting for their request head, queued for a thread or being served. One
    /// more is answered 503 queue_full and closed (not reset).
    std::size_t max_connections = 512;
    /// The whole request head must arrive within this, else 408 (a slowloris client never
    /// reaches the thread pool).
    std::chrono::milliseconds head_timeout{5000};
    /// A head larger than this is answered 431.
    std::size_t max_head_bytes = std::size_t{16} * 1024;
};

/// The front door of the HTTP server: one thread accepts connections and watches them (poll)
/// until each has sent its complete request head, and only then hands it to `admit` (Poco's
/// dispatcher, whose threads then read it without waiting). So slow or silent clients cost a
/// file descriptor, not a pool thread, and never delay anyone else. Past the connection
/// budget the gate reads the request, answers 503 {"code": "queue_full"} with Retry-After
/// and closes gracefully instead of letting the kernel reset the connection.
class ConnectionGate {
public:
    /// Hands over a connection whose head has arrived (blocking mode restored).
    using Admit = std::function<void(const Poco::Net::StreamSocket&)>;
    /// Connections past the gate: queued for a thread or being served.
    using Load = std::function<std::size_t()>;

    ConnectionGate(Poco::Net::ServerSocket listener, GateLimits limits, Admit admit, Load load);
    ~ConnectionGate();
    ConnectionGate(const ConnectionGate&) = delete;
    ConnectionGate& operator=(const ConnectionGate&) = delete;
    ConnectionGate(ConnectionGate&&) = delete;
    ConnectionGate& operator=(ConnectionGate&&) = delete;

    void start();
    /// Stops accepting and closes every connection still at the gate.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace robson::api
