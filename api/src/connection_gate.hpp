#pragma once

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StreamSocketImpl.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

namespace robson::api {

/// What the gate lets through (ServerConfig fills it; docs in README "Hostile clients").
struct GateLimits {
    /// Connections at the gate (waiting for a request, or idle between two) plus those queued
    /// for a thread or being served. One more is answered 503 queue_full and closed (not
    /// reset), unless an idle kept-alive connection can be closed to make room.
    std::size_t max_connections = 512;
    /// A whole request (head, then body) must arrive within this, else 408: counted from the
    /// connection's accept for its first request, from the first byte of the request for
    /// later ones on a kept-alive connection. A deadline, not an idle timeout, so a client
    /// sending a byte at a time is timed out too.
    std::chrono::milliseconds head_timeout{5000};
    /// A head larger than this is answered 431.
    std::size_t max_head_bytes = std::size_t{16} * 1024;
    /// A body above this (a declared Content-Length, or a chunked body's data) is answered 413
    /// by the gate, at once.
    std::size_t max_body_bytes = std::size_t{64} * 1024;
    /// A kept-alive connection that has sent nothing of its next request is closed after this.
    std::chrono::milliseconds keep_alive_timeout{5000};
};

/// True when `bytes` begin with a whole request the gate would admit as it is: head complete
/// and well-formed, framing understood, within the limits, body complete. Stateless (it scans
/// everything each call): for a pool thread's short look at a kept-alive connection's next
/// request, which is handed to the gate whenever this is false.
[[nodiscard]] bool holdsWholeRequest(std::string_view bytes, const GateLimits& limits);

/// The socket of every connection the gate accepts. Reads return first the bytes the gate
/// has already received (the request it waited for, and anything pipelined after it), then
/// the socket's: Poco parses a request from memory, without waiting for the client.
class GateSocketImpl : public Poco::Net::StreamSocketImpl {
public:
    explicit GateSocketImpl(poco_socket_t fd) : Poco::Net::StreamSocketImpl(fd) {}
    ~GateSocketImpl() override;
    GateSocketImpl(const GateSocketImpl&) = delete;
    GateSocketImpl& operator=(const GateSocketImpl&) = delete;
    GateSocketImpl(GateSocketImpl&&) = delete;
    GateSocketImpl& operator=(GateSocketImpl&&) = delete;

    /// Said by a thread done with the socket (the gate once it has admitted it, a pool thread
    /// once it has served it), before it drops its references: whatever it did to the socket
    /// then happens before the destructor, on whichever thread the last reference goes. The
    /// reference count that orders them is Poco's, which ThreadSanitizer cannot see (Poco is
    /// not built with it); this says the same to it. Does nothing in other builds.
    void letGo() noexcept;

    using Poco::Net::StreamSocketImpl::receiveBytes;
    int receiveBytes(void* buffer, int length, int flags = 0) override;

    /// The bytes read before the socket's (the gate, before it admits the connection).
    void setPending(std::string bytes);
    /// Puts bytes back in front of the pending ones: what Poco's session had read ahead of
    /// the request it served (a pipelined next request), when the connection goes back.
    void unread(std::string_view bytes);
    /// The pending bytes not read yet (the gate, when a connection comes back).
    [[nodiscard]] std::string takePending();

private:
    std::string pending_;
    std::size_t taken_ = 0;  ///< how much of pending_ has been read
};

/// The front door of the HTTP server: one thread accepts connections and watches them (poll)
/// until each has sent a complete request, head and body, and only then hands it to `admit`
/// (Poco's dispatcher, whose threads then serve it without waiting for the client). After the
/// response a kept-alive connection comes back (readmit) and the gate waits for its next
/// request. So slow or idle clients cost a file descriptor, never a pool thread, and never
/// delay anyone else. Past the connection budget the gate reads the request, answers 503
/// {"code": "queue_full"} with Retry-After and closes gracefully instead of letting the kernel
/// reset the connection.
class ConnectionGate {
public:
    /// Hands over a connection whose whole request has arrived (blocking mode restored; its
    /// socket is a GateSocketImpl holding the request).
    using Admit = std::function<void(const Poco::Net::StreamSocket&)>;
    /// Connections past the gate: queued for a thread or being served.
    using Load = std::function<std::size_t()>;
    /// Told the status of every answer the gate gives itself (400, 408, 413, 431, 501, 503,
    /// 505): those requests never reach the router, whose metrics would not see them.
    using Answered = std::function<void(int status)>;

    ConnectionGate(Poco::Net::ServerSocket listener,
                   GateLimits limits,
                   Admit admit,
                   Load load,
                   Answered answered = {});
    ~ConnectionGate();
    ConnectionGate(const ConnectionGate&) = delete;
    ConnectionGate& operator=(const ConnectionGate&) = delete;
    ConnectionGate(ConnectionGate&&) = delete;
    ConnectionGate& operator=(ConnectionGate&&) = delete;

    void start();
    /// Stops accepting and closes every connection still at the gate.
    void stop();

    /// Takes back a kept-alive connection after its response (any thread): the gate waits for
    /// its next request (keep_alive_timeout while nothing arrives, then head_timeout for the
    /// request). The gate keeps the connection on a duplicate descriptor of its own, so the
    /// caller's socket may close its descriptor whenever, on its thread. After stop() the
    /// connection is closed instead.
    void readmit(const Poco::Net::StreamSocket& socket);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace robson::api
