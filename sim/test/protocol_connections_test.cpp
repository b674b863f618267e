// Thousands of connections, idle, garbage and stalled half-way through the request line:
// each is served or closed, and the server keeps answering normal requests promptly.
#include "sim_client.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/StreamSocket.h>
#include <boost/test/unit_test.hpp>

#include <array>
#include <chrono>
#include <csignal>
#include <memory>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace robson::sim::test;

namespace {

using Socket = std::unique_ptr<Poco::Net::StreamSocket>;

constexpr std::size_t kConnections = 2000;
// Stalled clients each hold one of the server's 16 worker threads until its 10 s read
// timeout (Poco serves a connection per thread), so fewer of them than workers keeps the
// server responsive; more would delay everyone by up to that timeout, by design.
constexpr std::size_t kSlowClients = 8;
// The server's end of each connection lives in this process too: its accept queue (256),
// its workers, plus the test's own descriptors.
constexpr std::size_t kServerSideFiles = 512;

/// Raises the soft open-file limit towards `wanted`; returns the limit now in force.
std::size_t raiseOpenFileLimit(std::size_t wanted) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return 1024;
    }
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
        limit.rlim_cur =
            limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
        (void)setrlimit(RLIMIT_NOFILE, &limit);
        (void)getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur == RLIM_INFINITY ? wanted : static_cast<std::size_t>(limit.rlim_cur);
}

/// A connected socket, or nullptr when the server refused or did not accept in time (both
/// acceptable answers to a flood).
Socket connectTo(std::uint16_t port) {
    auto socket = std::make_unique<Poco::Net::StreamSocket>();
    try {
        socket->connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(2, 0));
    } catch (const Poco::Exception&) {
        return nullptr;
    }
    return socket;
}

/// Sends all of `text`; false when the server already closed the connection.
bool sendText(Poco::Net::StreamSocket& socket, const std::string& text) {
    try {
        return socket.sendBytes(text.data(), static_cast<int>(text.size())) ==
               static_cast<int>(text.size());
    } catch (const Poco::Exception&) {
        return false;
    }
}

std::int64_t msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 start)
        .count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sim_protocol_connections)

BOOST_AUTO_TEST_CASE(many_parallel_connections_are_served_or_closed_and_the_server_survives) {
    (void)std::signal(SIGPIPE, SIG_IGN);  // writes to connections the server closed
    const std::size_t limit = raiseOpenFileLimit(kConnections + kServerSideFiles);
    const std::size_t connections =
        limit > kServerSideFiles ? std::min(kConnections, limit - kServerSideFiles) : 0;
    BOOST_WARN_MESSAGE(connections == kConnections,
                       "open-file limit " << limit << ": only " << connections << " connections");
    SimFixture sim;

    // Slow clients first, so they reach worker threads and stall them mid request line.
    std::vector<Socket> slow;
    for (std::size_t i = 0; i < kSlowClients; ++i) {
        slow.push_back(connectTo(sim.port()));
        BOOST_REQUIRE(slow.back() != nullptr);
        BOOST_REQUIRE(sendText(*slow.back(), "GET /api/v3/pi"));
    }
    // The flood: mostly idle connections, every fourth sending garbage instead of HTTP.
    std::vector<Socket> flood;
    std::size_t refused = 0;
    for (std::size_t i = 0; i < connections; ++i) {
        Socket socket = connectTo(sim.port());
        if (socket == nullptr) {
            ++refused;
            continue;
        }
        if (i % 4 == 0) {
            (void)sendText(*socket, "\x01\x02 not http at all\r\n\r\n");
        }
        flood.push_back(std::move(socket));
    }
    BOOST_TEST_MESSAGE(flood.size() << " connected, " << refused << " refused");
    flood.clear();

    // The slow clients are still stalled, yet a normal request is answered at once.
    const auto start = std::chrono::steady_clock::now();
    BOOST_TEST(sim.request("GET", "/api/v3/ping").status == 200);
    BOOST_TEST(msSince(start) < 2000);

    // A stalled request that finally completes is answered too: its connection was kept.
    BOOST_REQUIRE(sendText(*slow.front(), "ng HTTP/1.1\r\nHost: sim\r\n\r\n"));
    std::array<char, 64> head{};
    slow.front()->setReceiveTimeout(Poco::Timespan(5, 0));
    const int received = slow.front()->receiveBytes(head.data(), static_cast<int>(head.size()));
    BOOST_TEST(std::string(head.data(), static_cast<std::size_t>(std::max(received, 0)))
                   .starts_with("HTTP/1.1 200"));
    slow.clear();

    // And the server survived all of it.
    BOOST_TEST(sim.request("GET", "/api/v3/time").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
