#include "connection_gate.hpp"

#include "http_errors.hpp"
#include "request_head.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string>
#include <string_view>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace robson::api {

namespace {

/// A chunked body may take this much more than the body limit with its framing (size lines,
/// extensions); past it the body is answered 413 like one whose data is too large.
constexpr std::size_t kChunkFramingAllowance = std::size_t{16} * 1024;

}  // namespace

bool holdsWholeRequest(std::string_view bytes, const GateLimits& limits) {
    const auto head_end = requestHeadEnd(bytes);
    // The gate reads at most max_head_bytes + 1 bytes looking for the head's end.
    if (head_end == std::string_view::npos || head_end > limits.max_head_bytes + 1) {
        return false;
    }
    const auto head = bytes.substr(0, head_end);
    if (checkRequestHead(head)) {
        return false;
    }
    const auto framing = bodyFramingOf(head);
    if (framing.problem) {
        return false;
    }
    const auto body = bytes.substr(head_end);
    switch (framing.kind) {
        case BodyFraming::Kind::None:
            return true;
        case BodyFraming::Kind::Length:
            return framing.length <= limits.max_body_bytes && body.size() >= framing.length;
        case BodyFraming::Kind::Chunked: {
            ChunkedScan scan;
            scanChunked(body, scan);
            return scan.state == ChunkedScan::State::Complete &&
                   scan.data <= limits.max_body_bytes &&
                   scan.end <= limits.max_body_bytes + kChunkFramingAllowance;
        }
    }
    return false;
}

namespace {

#if defined(__SANITIZE_THREAD__)
void happensBefore(void* object) noexcept {
    __tsan_release(object);
}
void happensAfter(void* object) noexcept {
    __tsan_acquire(object);
}
#else
void happensBefore(void* /*object*/) noexcept {}
void happensAfter(void* /*object*/) noexcept {}
#endif

}  // namespace

GateSocketImpl::~GateSocketImpl() {
    happensAfter(this);
}

void GateSocketImpl::letGo() noexcept {
    happensBefore(this);
}

int GateSocketImpl::receiveBytes(void* buffer, int length, int flags) {
    if (taken_ < pending_.size() && flags == 0 && length > 0) {
        const auto count = std::min(pending_.size() - taken_, static_cast<std::size_t>(length));
        std::memcpy(buffer, pending_.data() + taken_, count);
        taken_ += count;
        if (taken_ == pending_.size()) {
            pending_.clear();
            pending_.shrink_to_fit();  // a connection kept alive for long keeps no request
            taken_ = 0;
        }
        return static_cast<int>(count);
    }
    return Poco::Net::StreamSocketImpl::receiveBytes(buffer, length, flags);
}

void GateSocketImpl::setPending(std::string bytes) {
    pending_ = std::move(bytes);
    taken_ = 0;
}

void GateSocketImpl::unread(std::string_view bytes) {
    if (!bytes.empty()) {
        pending_ = std::string(bytes) + pending_.substr(taken_);
        taken_ = 0;
    }
}

std::string GateSocketImpl::takePending() {
    std::string rest = pending_.substr(taken_);
    pending_.clear();
    taken_ = 0;
    return rest;
}

namespace {

using Clock = std::chrono::steady_clock;

/// How long a refused or answered connection may take to send its request and hang up after
/// our answer: long enough for a client to read the answer, short enough to bound the fds.
constexpr auto kLingerAfterAnswer = std::chrono::milliseconds(1000);
/// A refused connection's request is read (and dropped) up to this before the 503.
constexpr std::size_t kRefusedReadLimit = std::size_t{64} * 1024;
/// Accepts per wake-up, so a flood cannot starve the connections already at the gate.
constexpr int kAcceptBurst = 256;

constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

enum class Stage {
    Idle,       ///< kept alive after a response; nothing of the next request yet (evictable)
    Receiving,  ///< admitted to the budget; reading until the whole request is here
    Refusing,   ///< over budget: reading the request before answering 503
    Closing     ///< answered; draining until the client hangs up (no reset)
};

struct Connection {
    Poco::Net::StreamSocket socket;
    GateSocketImpl* impl = nullptr;  ///< socket's, owned by it
    Stage stage = Stage::Receiving;
    Clock::time_point deadline;
    /// Receiving: the request so far (and whatever was sent after it). Refusing: the last
    /// bytes read, to spot the head's end.
    std::string received;
    std::size_t consumed = 0;  ///< Refusing: bytes read so far
    std::size_t head_end = 0;  ///< Receiving: the head's length once complete, else 0
    std::size_t searched = 0;  ///< Receiving: where the search for the head's end resumes
    BodyFraming framing;       ///< Receiving, once the head is complete
    ChunkedScan chunks;        ///< Receiving a chunked body
    bool continued = false;    ///< "100 Continue" sent
    bool done = false;
};

std::string_view reasonPhrase(int status) {
    switch (status) {
        case 400:
            return "Bad Request";
        case 408:
            return "Request Timeout";
        case 413:
            return "Content Too Large";
        case 431:
            return "Request Header Fields Too Large";
        case 501:
            return "Not Implemented";
        case 503:
            return "Service Unavailable";
        case 505:
            return "HTTP Version Not Supported";
        default:
            return "Error";
    }
}

std::string httpAnswer(const ApiError& error) {
    const Response response = error.toResponse();
    std::string text = "HTTP/1.1 " + std::to_string(response.status) + " " +
                       std::string(reasonPhrase(response.status)) +
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

}  // namespace

struct ConnectionGate::Impl {
    Impl(Poco::Net::ServerSocket server_socket,
         GateLimits gate_limits,
         Admit admit_fn,
         Load load_fn,
         Answered answered_fn)
        : listener(std::move(server_socket)),
          limits(gate_limits),
          admit(std::move(admit_fn)),
          load(std::move(load_fn)),
          answered(std::move(answered_fn)),
          wake(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

    ~Impl() {
        if (wake >= 0) {
            ::close(wake);
        }
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    Impl(Impl&&) = delete;
    Impl& operator=(Impl&&) = delete;

    /// Connections at the gate that count against the budget.
    std::size_t awaiting() const {
        return static_cast<std::size_t>(
            std::count_if(connections.begin(), connections.end(), [](const Connection& c) {
                return !c.done && (c.stage == Stage::Idle || c.stage == Stage::Receiving);
            }));
    }

    /// Every connection at the gate holds a descriptor; past twice the budget new ones wait
    /// in the kernel's backlog instead.
    bool mayAccept() const { return connections.size() < 2 * limits.max_connections + 64; }

    /// Closes the kept-alive connection idle the longest, to make room for a new one (what a
    /// client must expect of an idle connection anyway). False when none is idle.
    bool evictIdle() {
        Connection* oldest = nullptr;
        for (auto& connection : connections) {
            if (!connection.done && connection.stage == Stage::Idle &&
                (oldest == nullptr || connection.deadline < oldest->deadline)) {
                oldest = &connection;
            }
        }
        if (oldest == nullptr) {
            return false;
        }
        oldest->done = true;
        return true;
    }

    /// Connections handed back (readmit) but not yet taken into the poll set: no longer in
    /// Poco's load, not yet in awaiting(); counted so the budget never misses them.
    std::size_t returnedNotTaken() {
        const std::lock_guard lock(inbox_mutex);
        return inbox.size();
    }

    void acceptSome(Clock::time_point now) {
        std::size_t waiting = awaiting() + returnedNotTaken();
        for (int i = 0; i < kAcceptBurst && mayAccept(); ++i) {
            const int fd =
                ::accept4(fdOf(listener), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                return;  // EAGAIN (nothing left), or a connection that died in the backlog
            }
            Connection connection;
            connection.impl = new GateSocketImpl(fd);
            connection.socket = Poco::Net::StreamSocket(connection.impl);
            const int on = 1;
            (void)::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            const bool full = waiting + load() >= limits.max_connections;
            if (full && !evictIdle()) {
                connection.stage = Stage::Refusing;
                connection.deadline = now + kLingerAfterAnswer;
            } else {
                connection.deadline = now + limits.head_timeout;
                waiting += full ? 0 : 1;  // an evicted idle connection made room: one out, one in
            }
            connections.push_back(std::move(connection));
        }
    }

    /// The connections handed back after a response (readmit), taken into the poll set.
    void takeReturned(Clock::time_point now) {
        std::uint64_t count = 0;
        (void)::read(wake, &count, sizeof count);
        std::vector<Poco::Net::StreamSocket> sockets;
        {
            const std::lock_guard lock(inbox_mutex);
            sockets.swap(inbox);
        }
        for (auto& socket : sockets) {
            auto* impl = dynamic_cast<GateSocketImpl*>(socket.impl());
            if (impl == nullptr) {
                continue;  // not one of ours: closed
            }
            Connection connection;
            connection.socket = socket;
            connection.impl = impl;
            connection.socket.setBlocking(false);
            connection.received = impl->takePending();
            if (connection.received.empty()) {
                connection.stage = Stage::Idle;
                connection.deadline = now + limits.keep_alive_timeout;
            } else {
                // A pipelined request, read ahead by Poco: served as soon as it is whole.
                connection.stage = Stage::Receiving;
                connection.deadline = now + limits.head_timeout;
                receive(connection, now);
            }
            connections.push_back(std::move(connection));
        }
    }

    void answer(Connection& connection, const ApiError& error, Clock::time_point now) {
        if (answered) {
            answered(error.status());
        }
        const std::string text = httpAnswer(error);
        const int fd = fdOf(connection.socket);
        // Small, and the socket's send buffer is empty (first write, or Poco's response
        // was flushed): it fits.
        (void)::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
        (void)::shutdown(fd, SHUT_WR);
        connection.stage = Stage::Closing;
        connection.deadline = now + kLingerAfterAnswer;
        connection.received.clear();
        connection.received.shrink_to_fit();
    }

    void refuseWith(Connection& connection, const HeadProblem& problem, Clock::time_point now) {
        answer(connection, ApiError(problem.status, problem.code, problem.detail), now);
    }

    void bodyTooLarge(Connection& connection, Clock::time_point now) {
        answer(connection,
               ApiError(413,
                        "body_too_large",
                        "The request body is larger than " +
                            std::to_string(limits.max_body_bytes / 1024) + " KiB."),
               now);
    }

    /// How many bytes of the request `received` may hold at most, as far as is known.
    std::size_t wanted(const Connection& connection) const {
        if (connection.head_end == 0) {
            return limits.max_head_bytes + 1;
        }
        switch (connection.framing.kind) {
            case BodyFraming::Kind::None:
                return connection.head_end;
            case BodyFraming::Kind::Length:
                return connection.head_end + static_cast<std::size_t>(connection.framing.length);
            case BodyFraming::Kind::Chunked:
                return connection.head_end + limits.max_body_bytes + kChunkFramingAllowance + 1;
        }
        return connection.head_end;
    }

    /// Looks at what has been received: true once the connection was admitted or answered.
    bool evaluate(Connection& connection, Clock::time_point now) {
        const std::string_view text(connection.received);
        if (connection.head_end == 0) {
            const auto end = requestHeadEnd(text.substr(connection.searched));
            if (end == std::string_view::npos) {
                // The end ("\n\n" or "\n\r\n") may have begun in the last two bytes.
                connection.searched = text.size() > 2 ? text.size() - 2 : 0;
                if (text.size() > limits.max_head_bytes) {
                    refuseWith(
                        connection,
                        HeadProblem{431,
                                    "headers_too_large",
                                    "The request head is larger than " +
                                        std::to_string(limits.max_head_bytes / 1024) + " KiB."},
                        now);
                    return true;
                }
                return false;
            }
            connection.head_end = connection.searched + end;
            const auto head = text.substr(0, connection.head_end);
            // Poco tolerates some malformed heads (a line without a colon, a NUL in a value,
            // HTTP/9.9) and framings (a list in Content-Length, "gzip, chunked"); they are
            // refused here, before any handler sees them.
            if (auto problem = checkRequestHead(head)) {
                refuseWith(connection, *problem, now);
                return true;
            }
            connection.framing = bodyFramingOf(head);
            if (connection.framing.problem) {
                refuseWith(connection, *connection.framing.problem, now);
                return true;
            }
            if (connection.framing.kind == BodyFraming::Kind::Length &&
                connection.framing.length > limits.max_body_bytes) {
                bodyTooLarge(connection, now);
                return true;
            }
        }
        const auto body = text.substr(connection.head_end);
        bool whole = false;
        switch (connection.framing.kind) {
            case BodyFraming::Kind::None:
                whole = true;
                break;
            case BodyFraming::Kind::Length:
                whole = body.size() >= connection.framing.length;
                break;
            case BodyFraming::Kind::Chunked:
                scanChunked(body, connection.chunks);
                if (connection.chunks.state == ChunkedScan::State::Malformed) {
                    refuseWith(connection,
                               HeadProblem{
                                   400,
                                   "bad_request",
                                   "The request body is malformed: " + connection.chunks.why + "."},
                               now);
                    return true;
                }
                if (connection.chunks.announced > limits.max_body_bytes ||
                    (connection.chunks.state != ChunkedScan::State::Complete &&
                     body.size() > limits.max_body_bytes + kChunkFramingAllowance)) {
                    bodyTooLarge(connection, now);
                    return true;
                }
                whole = connection.chunks.state == ChunkedScan::State::Complete;
                break;
        }
        if (whole) {
            connection.impl->setPending(std::move(connection.received));
            connection.socket.setBlocking(true);
            admit(connection.socket);
            connection.impl->letGo();
            connection.done = true;
            return true;
        }
        if (connection.framing.expect_continue && !connection.continued && body.empty()) {
            // The client waits for this before it sends the body (Poco would send it from a
            // pool thread; here nothing waits for the body but the gate).
            connection.continued = true;
            if (::send(fdOf(connection.socket), kContinue.data(), kContinue.size(), MSG_NOSIGNAL) !=
                static_cast<ssize_t>(kContinue.size())) {
                connection.done = true;
                return true;
            }
        }
        return false;
    }

    /// Reads what has arrived of the request and admits or answers it once it can.
    void receive(Connection& connection, Clock::time_point now) {
        std::array<char, 16384> buffer{};
        const int fd = fdOf(connection.socket);
        while (!evaluate(connection, now)) {
            const std::size_t limit = wanted(connection);
            if (connection.received.size() >= limit) {
                return;  // cannot happen: evaluate() has concluded on a full request
            }
            const std::size_t room = limit - connection.received.size();
            const auto got = ::recv(fd, buffer.data(), std::min(buffer.size(), room), 0);
            if (got > 0) {
                connection.received.append(buffer.data(), static_cast<std::size_t>(got));
                continue;
            }
            if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                return;  // more later
            }
            if (got < 0 || connection.received.empty()) {
                connection.done = true;  // reset, or the client left before asking anything
                return;
            }
            // The client closed its sending side mid-request.
            refuseWith(connection,
                       HeadProblem{400,
                                   "bad_request",
                                   connection.head_end == 0 ? "The request head is incomplete."
                                                            : "The request body is incomplete."},
                       now);
            return;
        }
    }

    /// Reads what is there; true once the request head has been read, the limit passed or
    /// the client hung up.
    static bool drain(Connection& connection) {
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
            connection.received.append(buffer.data(), static_cast<std::size_t>(got));
            if (requestHeadEnd(connection.received) != std::string_view::npos ||
                connection.consumed > kRefusedReadLimit) {
                return true;
            }
            connection.received.erase(
                0, connection.received.size() > 3 ? connection.received.size() - 3 : 0);
        }
    }

    void refuse(Connection& connection, Clock::time_point now) {
        answer(connection,
               ApiError(503,
                        "queue_full",
                        "The API is at its connection limit (" +
                            std::to_string(limits.max_connections) + "); retry shortly."),
               now);
    }

    void progress(Connection& connection, Clock::time_point now) {
        switch (connection.stage) {
            case Stage::Idle:
                // The next request begins: from now on it has head_timeout to arrive whole.
                connection.stage = Stage::Receiving;
                connection.deadline = now + limits.head_timeout;
                receive(connection, now);
                break;
            case Stage::Receiving:
                receive(connection, now);
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
            case Stage::Idle:
                connection.done = true;  // keep-alive ends quietly, as HTTP lets a server do
                break;
            case Stage::Receiving:
                refuseWith(connection,
                           HeadProblem{408,
                                       "request_timeout",
                                       std::string(connection.head_end == 0 ? "The request head"
                                                                            : "The request body") +
                                           " did not arrive within " +
                                           std::to_string(limits.head_timeout.count()) + " ms."},
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
            std::erase_if(connections, [](const Connection& c) { return c.done; });
            const auto now = Clock::now();
            auto wait = std::chrono::milliseconds(100);  // also how soon stop() is noticed
            polled.clear();
            const bool accepting = mayAccept();
            polled.push_back({fdOf(listener), static_cast<short>(accepting ? POLLIN : 0), 0});
            polled.push_back({wake, POLLIN, 0});
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
            // Connections first (their indices match polled[2..]), then returned and new ones.
            const std::size_t polled_connections = connections.size();
            for (std::size_t i = 0; i < polled_connections; ++i) {
                auto& connection = connections[i];
                const short events = polled[i + 2].revents;
                if (connection.done) {
                    continue;
                }
                // The deadline first: a client dribbling a byte at a time is never idle.
                if (after >= connection.deadline) {
                    expire(connection, after);
                } else if (events != 0) {
                    progress(connection, after);
                }
            }
            // Returned connections before new ones too: they count against the budget, and
            // the idle among them may make room for a new one.
            if ((polled[1].revents & POLLIN) != 0 || (polled[0].revents & POLLIN) != 0) {
                takeReturned(after);
            }
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
    Answered answered;
    int wake;  ///< eventfd: readmit() wakes the poll
    std::mutex inbox_mutex;
    std::vector<Poco::Net::StreamSocket> inbox;  ///< returned connections, guarded
    bool closed_inbox = false;                   ///< guarded: stop() has run
    std::vector<Connection> connections;
    std::atomic<bool> stopping{false};
    std::thread thread;
};

ConnectionGate::ConnectionGate(
    Poco::Net::ServerSocket listener, GateLimits limits, Admit admit, Load load, Answered answered)
    : impl_(std::make_unique<Impl>(
          std::move(listener), limits, std::move(admit), std::move(load), std::move(answered))) {}

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
    const std::lock_guard lock(impl_->inbox_mutex);
    impl_->closed_inbox = true;
    impl_->inbox.clear();
}

void ConnectionGate::readmit(const Poco::Net::StreamSocket& socket) {
    auto* served = dynamic_cast<GateSocketImpl*>(socket.impl());
    if (served == nullptr) {
        return;  // not one of ours: it closes with the caller's copy
    }
    // The gate takes the connection on a descriptor of its own: the caller's socket object
    // lives on in Poco (its connection notification) and closes its descriptor whenever Poco
    // lets it go, on Poco's thread. Shared, the last owner would close the descriptor the
    // gate polls, with nothing but Poco's uninstrumented reference count between the two
    // threads (ThreadSanitizer reported it). Each thread closing only its own descriptor needs
    // no such ordering; the connection lasts until both are closed.
    const int fd = ::fcntl(served->sockfd(), F_DUPFD_CLOEXEC, 0);
    if (fd < 0) {
        return;  // out of descriptors: the connection closes with the caller's copy
    }
    std::string pending = served->takePending();
    {
        const std::lock_guard lock(impl_->inbox_mutex);
        if (impl_->closed_inbox) {
            ::close(fd);  // and the caller's copy closes the other: so does the connection
            return;
        }
        // Made here, under the lock, the gate's socket is only ever held by the inbox: no
        // reference stays with this thread once the lock is released.
        auto* own = new GateSocketImpl(fd);
        own->setPending(std::move(pending));
        impl_->inbox.emplace_back(own);
    }
    const std::uint64_t one = 1;
    (void)::write(impl_->wake, &one, sizeof one);
}

}  // namespace robson::api
