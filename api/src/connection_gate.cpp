#include "connection_gate.hpp"

#include "http_errors.hpp"
#include "request_head.hpp"

#include <Poco/Net/StreamSocketImpl.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <vector>

namespace robson::api {

namespace {

using Clock = std::chrono::steady_clock;

/// How long a refused or answered connection may take to send its request and hang up after
/// our answer: long enough for a client to read the answer, short enough to bound the fds.
constexpr auto kLingerAfterAnswer = std::chrono::milliseconds(1000);
/// A refused connection's request is read (and dropped) up to this before the 503.
constexpr std::size_t kRefusedReadLimit = std::size_t{64} * 1024;
/// Accepts per wake-up, so a flood cannot starve the connections already at the gate.
constexpr int kAcceptBurst = 256;

enum class Stage {
    AwaitingHead,  ///< admitted to the budget; peeking until the head is complete
    Refusing,      ///< over budget: reading the request before answering 503
    Closing        ///< answered; draining until the client hangs up (no reset)
};

struct Connection {
    Poco::Net::StreamSocket socket;
    Stage stage = Stage::AwaitingHead;
    Clock::time_point deadline;
    std::size_t consumed = 0;  ///< Refusing: bytes read so far
    std::string tail;          ///< Refusing: the last bytes read, to spot the head's end
    bool done = false;
};

bool headEnds(std::string_view text) {
    return requestHeadEnd(text) != std::string_view::npos;
}

std::string httpAnswer(const ApiError& error, std::string_view reason) {
    const Response response = error.toResponse();
    std::string text = "HTTP/1.1 " + std::to_string(response.status) + " " + std::string(reason) +
                       "\r\nContent-Type: " + response.content_type +
                       "\r\nContent-Length: " + std::to_string(response.body.size()) +
                       "\r\nCache-Control: no-store\r\nConnection: close\r\n";
    if (response.status == 503) {
        text += "Retry-After: 1\r\n";
    }
    return text + "\r\n" + response.body;
}

int fdOf(const Poco::Net::Socket& socket) {
    return socket.impl()->sockfd();
}

void setReceiveLowWater(int fd, int bytes) {
    (void)::setsockopt(fd, SOL_SOCKET, SO_RCVLOWAT, &bytes, sizeof bytes);
}

}  // namespace

struct ConnectionGate::Impl {
    Impl(Poco::Net::ServerSocket server_socket,
         GateLimits gate_limits,
         Admit admit_fn,
         Load load_fn)
        : listener(std::move(server_socket)),
          limits(gate_limits),
          admit(std::move(admit_fn)),
          load(std::move(load_fn)),
          peek(limits.max_head_bytes + 1) {}

    std::size_t awaiting() const {
        return static_cast<std::size_t>(
            std::count_if(connections.begin(), connections.end(), [](const Connection& c) {
                return c.stage == Stage::AwaitingHead;
            }));
    }

    /// Every connection at the gate holds a descriptor; past twice the budget new ones wait
    /// in the kernel's backlog instead.
    bool mayAccept() const { return connections.size() < 2 * limits.max_connections + 64; }

    void acceptSome(Clock::time_point now) {
        std::size_t waiting = awaiting();
        for (int i = 0; i < kAcceptBurst && mayAccept(); ++i) {
            const int fd =
                ::accept4(fdOf(listener), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                return;  // EAGAIN (nothing left), or a connection that died in the backlog
            }
            Connection connection;
            connection.socket = Poco::Net::StreamSocket(new Poco::Net::StreamSocketImpl(fd));
            const int on = 1;
            (void)::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            if (waiting + load() >= limits.max_connections) {
                connection.stage = Stage::Refusing;
                connection.deadline = now + kLingerAfterAnswer;
            } else {
                connection.deadline = now + limits.head_timeout;
                ++waiting;
            }
            connections.push_back(std::move(connection));
        }
    }

    void answer(Connection& connection, const std::string& text, Clock::time_point now) {
        const int fd = fdOf(connection.socket);
        setReceiveLowWater(fd, 1);
        // Small and the first write on the connection: it fits the send buffer.
        (void)::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
        (void)::shutdown(fd, SHUT_WR);
        connection.stage = Stage::Closing;
        connection.deadline = now + kLingerAfterAnswer;
    }

    void awaitHead(Connection& connection, short events, Clock::time_point now) {
        const int fd = fdOf(connection.socket);
        const auto peeked = ::recv(fd, peek.data(), peek.size(), MSG_PEEK);
        if (peeked == 0 || (peeked < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
            connection.done = true;  // the client left before asking anything
            return;
        }
        if (peeked < 0) {
            return;
        }
        const auto size = static_cast<std::size_t>(peeked);
        const std::string_view peeked_text(peek.data(), size);
        if (const auto end = requestHeadEnd(peeked_text); end != std::string_view::npos) {
            setReceiveLowWater(fd, 1);
            // Poco tolerates some malformed heads (a line without a colon, a NUL in a value,
            // HTTP/9.9); they are refused here, before any handler sees them.
            if (const auto problem = checkRequestHead(peeked_text.substr(0, end))) {
                answer(connection,
                       httpAnswer(
                           ApiError(problem->status, problem->code, problem->detail),
                           problem->status == 505 ? "HTTP Version Not Supported" : "Bad Request"),
                       now);
                return;
            }
            connection.socket.setBlocking(true);
            admit(connection.socket);
            connection.done = true;
            return;
        }
        if (size > limits.max_head_bytes) {
            answer(connection,
                   httpAnswer(ApiError(431,
                                       "headers_too_large",
                                       "The request head is larger than " +
                                           std::to_string(limits.max_head_bytes / 1024) + " KiB."),
                              "Request Header Fields Too Large"),
                   now);
            return;
        }
        if ((events & POLLRDHUP) != 0) {
            answer(connection,
                   httpAnswer(ApiError(400, "bad_request", "The request head is incomplete."),
                              "Bad Request"),
                   now);
            return;
        }
        // Wake again only when more than what is here has arrived (a peek consumes nothing).
        setReceiveLowWater(fd, static_cast<int>(size) + 1);
    }

    /// Reads what is there; true once the request head has been read, the limit passed or
    /// the client hung up.
    bool drain(Connection& connection) {
        std::array<char, 4096> buffer{};
        const int fd = fdOf(connection.socket);
        while (true) {
            const auto got = ::recv(fd, buffer.data(), buffer.size(), 0);
            if (got == 0) {
                return true;
            }
            if (got < 0) {
                return errno != EAGAIN && errno != EWOULDBLOCK;
            }
            connection.consumed += static_cast<std::size_t>(got);
            connection.tail.append(buffer.data(), static_cast<std::size_t>(got));
            if (headEnds(connection.tail) || connection.consumed > kRefusedReadLimit) {
                return true;
            }
            connection.tail.erase(0, connection.tail.size() > 3 ? connection.tail.size() - 3 : 0);
        }
    }

    void refuse(Connection& connection, Clock::time_point now) {
        answer(
            connection,
            httpAnswer(ApiError(503,
                                "queue_full",
                                "The API is at its connection limit (" +
                                    std::to_string(limits.max_connections) + "); retry shortly."),
                       "Service Unavailable"),
            now);
    }

    void progress(Connection& connection, short events, Clock::time_point now) {
        switch (connection.stage) {
            case Stage::AwaitingHead:
                awaitHead(connection, events, now);
                break;
            case Stage::Refusing:
                if (drain(connection)) {
                    refuse(connection, now);
                }
                break;
            case Stage::Closing:
                connection.done = hungUp(connection);
                break;
        }
    }

    /// Reads and drops what is there; true once the client has hung up (or the socket failed).
    static bool hungUp(Connection& connection) {
        std::array<char, 4096> buffer{};
        const int fd = fdOf(connection.socket);
        for (int reads = 0; reads < 64; ++reads) {
            const auto got = ::recv(fd, buffer.data(), buffer.size(), 0);
            if (got == 0) {
                return true;
            }
            if (got < 0) {
                return errno != EAGAIN && errno != EWOULDBLOCK;
            }
        }
        return false;
    }

    void expire(Connection& connection, Clock::time_point now) {
        switch (connection.stage) {
            case Stage::AwaitingHead:
                answer(
                    connection,
                    httpAnswer(ApiError(408,
                                        "request_timeout",
                                        "The request head did not arrive within " +
                                            std::to_string(limits.head_timeout.count()) + " ms."),
                               "Request Timeout"),
                    now);
                break;
            case Stage::Refusing:
                refuse(connection, now);
                break;
            case Stage::Closing:
                connection.done = true;
                break;
        }
    }

    void run() {
        std::vector<pollfd> polled;
        while (!stopping.load()) {
            const auto now = Clock::now();
            auto wait = std::chrono::milliseconds(100);  // also how soon stop() is noticed
            polled.clear();
            const bool accepting = mayAccept();
            polled.push_back({fdOf(listener), static_cast<short>(accepting ? POLLIN : 0), 0});
            for (const auto& connection : connections) {
                polled.push_back({fdOf(connection.socket), POLLIN | POLLRDHUP, 0});
                wait = std::min(wait,
                                std::max(std::chrono::milliseconds(0),
                                         std::chrono::duration_cast<std::chrono::milliseconds>(
                                             connection.deadline - now)));
            }
            if (::poll(polled.data(), polled.size(), static_cast<int>(wait.count())) < 0 &&
                errno != EINTR) {
                continue;
            }
            const auto after = Clock::now();
            // Connections first (their indices match polled[1..]), then new ones.
            for (std::size_t i = 0; i < connections.size(); ++i) {
                auto& connection = connections[i];
                const short events = polled[i + 1].revents;
                // The deadline first: a client dribbling a byte at a time is never idle.
                if (after >= connection.deadline) {
                    expire(connection, after);
                } else if (events != 0) {
                    progress(connection, events, after);
                }
            }
            std::erase_if(connections, [](const Connection& c) { return c.done; });
            if ((polled[0].revents & POLLIN) != 0) {
                acceptSome(after);
            }
        }
        connections.clear();
    }

    Poco::Net::ServerSocket listener;
    GateLimits limits;
    Admit admit;
    Load load;
    std::vector<char> peek;
    std::vector<Connection> connections;
    std::atomic<bool> stopping{false};
    std::thread thread;
};

ConnectionGate::ConnectionGate(Poco::Net::ServerSocket listener,
                               GateLimits limits,
                               Admit admit,
                               Load load)
    : impl_(
          std::make_unique<Impl>(std::move(listener), limits, std::move(admit), std::move(load))) {}

ConnectionGate::~ConnectionGate() {
    stop();
}

void ConnectionGate::start() {
    impl_->listener.setBlocking(false);
    impl_->thread = std::thread([this] { impl_->run(); });
}

void ConnectionGate::stop() {
    impl_->stopping.store(true);
    if (impl_->thread.joinable()) {
        impl_->thread.join();
    }
}

}  // namespace robson::api
