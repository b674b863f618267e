// A real robson-api process against hostile HTTP clients (issue 8): garbage, oversized and
// unframed requests are answered 4xx or closed, slow clients (a dribbled head, a dribbled body,
// a dribbled second request on a kept-alive connection) and idle kept-alive connections do not
// hold up anyone else, a flood past the connection budget is answered 503 queue_full (not
// reset), memory stays bounded, and a normal request still works afterwards.
#include "child_process.hpp"
#include "raw_http.hpp"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <cstdlib>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

using robson::abuse::sendRaw;
using robson::abuse::statusOf;
using namespace std::chrono_literals;

namespace {

constexpr int kMaxConnections = 64;
constexpr int kMaxThreads = 8;
constexpr auto kHeadTimeout = 1500ms;

/// One API for the whole suite, with a small budget so the limits are reachable.
struct Api {
    Api() {
        const char* url = std::getenv("DATABASE_URL");  // NOLINT(concurrency-mt-unsafe)
        BOOST_REQUIRE_MESSAGE(url != nullptr, "run under tests/support/with_postgres.sh");
        process = std::make_unique<robson::e2e::ChildProcess>(
            robson::e2e::Programs::api(),
            std::vector<std::string>{"--port",
                                     "0",
                                     "--database",
                                     url,
                                     "--max-connections",
                                     std::to_string(kMaxConnections),
                                     "--max-threads",
                                     std::to_string(kMaxThreads),
                                     "--head-timeout-ms",
                                     std::to_string(kHeadTimeout.count())},
            std::map<std::string, std::string>{},
            "/tmp/robson-http-abuse-test.log",
            "robson-api listening on ");
        const std::string& base = process->readyValue();  // http://127.0.0.1:PORT
        port = static_cast<std::uint16_t>(std::stoi(base.substr(base.rfind(':') + 1)));
    }
    std::unique_ptr<robson::e2e::ChildProcess> process;
    std::uint16_t port = 0;
};

Api& api() {
    static Api instance;
    return instance;
}

const std::string kHealth = "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";

bool healthy() {
    const auto reply = sendRaw(api().port, kHealth, 5s);
    return statusOf(reply.text) == 200;
}

/// A refusal: a 4xx answer, or the connection closed without one. Never a 5xx, never a hang.
void expectRefused(const std::string& request, const std::string& what) {
    const auto reply = sendRaw(api().port, request, 5s);
    const int status = statusOf(reply.text);
    BOOST_TEST_CONTEXT(what << " → " << reply.text.substr(0, 120)) {
        BOOST_TEST(!reply.timed_out, "no answer and no close within 5 s");
        BOOST_TEST((status == 0 ? reply.closed : (status >= 400 && status < 500)));
    }
}

/// Sends `byte` on each of `fds` every `period` (a client dribbling its request) until
/// stopped. Stops when destroyed too: a check that throws must not leave it running
/// (std::terminate, which hides the check's own message).
class Dribbler {
public:
    Dribbler(const std::vector<int>& fds, char byte, std::chrono::milliseconds period)
        : thread_([this, &fds, byte, period] {
              while (running_.load()) {
                  for (const int fd : fds) {
                      (void)::send(fd, &byte, 1, MSG_NOSIGNAL);
                  }
                  for (auto slept = 0ms; slept < period && running_.load(); slept += 100ms) {
                      std::this_thread::sleep_for(100ms);
                  }
              }
          }) {}
    ~Dribbler() { stop(); }
    Dribbler(const Dribbler&) = delete;
    Dribbler& operator=(const Dribbler&) = delete;
    Dribbler(Dribbler&&) = delete;
    Dribbler& operator=(Dribbler&&) = delete;

    void stop() {
        running_ = false;
        if (thread_.joinable()) {
            thread_.join();
        }
    }

private:
    std::atomic<bool> running_{true};
    std::thread thread_;
};

/// Sends `byte` every `period` (a second unless said) on each of `slow` (a client dribbling
/// its request) while a normal client's GET is answered within 1 s, five times; then waits past
/// the request deadline and returns how many of `slow` were answered 408. Closes them.
int dribbleAndCountTimeouts(const std::vector<int>& slow,
                            char byte,
                            std::chrono::milliseconds period = 1000ms) {
    Dribbler dribbler(slow, byte, period);
    const auto began = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i) {
        const auto started = std::chrono::steady_clock::now();
        BOOST_TEST(healthy());
        BOOST_TEST((std::chrono::steady_clock::now() - started < 1s));
    }
    std::this_thread::sleep_until(began + kHeadTimeout + 500ms);
    dribbler.stop();
    int timed_out = 0;
    for (const int fd : slow) {
        const auto reply = robson::abuse::readResponse(fd, 2s);
        timed_out += statusOf(reply.text) == 408 ? 1 : 0;
        ::close(fd);
    }
    return timed_out;
}

/// `count` connections that each got a 200 for a first, kept-alive GET and are left open.
std::vector<int> keptAliveConnections(int count) {
    const std::string first = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
    std::vector<int> connections;
    for (int i = 0; i < count; ++i) {
        connections.push_back(robson::abuse::connectTo(api().port));
        (void)::send(connections.back(), first.data(), first.size(), MSG_NOSIGNAL);
    }
    int answered = 0;
    for (const int fd : connections) {
        const auto reply = robson::abuse::readResponse(fd, 3s);
        answered += statusOf(reply.text) == 200 && !reply.closed ? 1 : 0;
    }
    BOOST_TEST(answered == count, "first requests answered (kept alive): " << answered);
    return connections;
}

constexpr int kSlowClients = 5 * kMaxThreads;

}  // namespace

BOOST_AUTO_TEST_SUITE(http_abuse)

BOOST_AUTO_TEST_CASE(the_api_answers_a_normal_request_before_the_abuse) {
    BOOST_TEST(healthy());
}

BOOST_AUTO_TEST_CASE(malformed_request_lines_are_refused) {
    for (const std::string line : {"GARBAGE\r\n\r\n",
                                   "GET\r\n\r\n",
                                   "GET /healthz\r\n\r\n",
                                   "GET  HTTP/1.1\r\n\r\n",
                                   "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
                                   "G\xC3\xA9T / HTTP/1.1\r\n\r\n"}) {
        expectRefused(line, "request line");
    }
}

BOOST_AUTO_TEST_CASE(an_unknown_http_version_is_answered_505) {
    const auto reply = sendRaw(api().port, "GET /healthz HTTP/9.9\r\n\r\n");
    BOOST_TEST(statusOf(reply.text) == 505);
    BOOST_TEST(reply.text.find("http_version_not_supported") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_headers_are_refused) {
    for (const std::string head :
         {"GET /healthz HTTP/1.1\r\nNoColonHere\r\n\r\n",
          "POST /api/auth/login/ HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
          "POST /api/auth/login/ HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
          "POST /api/auth/login/ HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
          "POST /api/auth/login/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n"}) {
        expectRefused(head, "header");
    }
}

BOOST_AUTO_TEST_CASE(oversized_heads_and_bodies_are_refused) {
    expectRefused("GET /healthz HTTP/1.1\r\nX-Big: " + std::string(20'000, 'a') + "\r\n\r\n",
                  "one 20 KB header");
    std::string many = "GET /healthz HTTP/1.1\r\n";
    for (int i = 0; i < 300; ++i) {
        many += "X-" + std::to_string(i) + ": v\r\n";
    }
    expectRefused(many + "\r\n", "300 headers");
    expectRefused("POST /api/auth/login/ HTTP/1.1\r\nContent-Length: 10000000\r\n\r\n{",
                  "a declared 10 MB body");
    const std::string body(200'000, ' ');
    const auto reply =
        sendRaw(api().port,
                "POST /api/auth/login/ HTTP/1.1\r\nContent-Length: " + std::to_string(body.size()) +
                    "\r\n\r\n" + body);
    BOOST_TEST(statusOf(reply.text) == 413);
}

BOOST_AUTO_TEST_CASE(a_post_without_a_length_is_answered_411_at_once) {
    const auto started = std::chrono::steady_clock::now();
    const auto reply =
        sendRaw(api().port, "POST /api/auth/login/ HTTP/1.1\r\nHost: t\r\n\r\n{\"a\":1}", 5s);
    BOOST_TEST(statusOf(reply.text) == 411);
    BOOST_TEST(reply.text.find("length_required") != std::string::npos);
    BOOST_TEST((std::chrono::steady_clock::now() - started < 2s));
}

BOOST_AUTO_TEST_CASE(a_put_without_a_length_has_an_empty_body_and_is_answered_at_once) {
    // RFC 9112: neither Content-Length nor Transfer-Encoding means no body. Unauthenticated,
    // so 401, and at once: not after the socket timeout.
    const auto started = std::chrono::steady_clock::now();
    const auto reply = sendRaw(
        api().port, "PUT /api/autotrigger/ HTTP/1.1\r\nHost: t\r\n\r\n{\"enabled\":true}", 5s);
    BOOST_TEST(statusOf(reply.text) == 401);
    BOOST_TEST(reply.text.find("Connection: Close") != std::string::npos);
    BOOST_TEST((std::chrono::steady_clock::now() - started < 2s));
}

BOOST_AUTO_TEST_CASE(nul_bytes_are_refused) {
    using namespace std::string_literals;
    expectRefused("GET /heal\0thz HTTP/1.1\r\n\r\n"s, "NUL in the target");
    expectRefused("GET /healthz HTTP/1.1\r\nX-A: a\0b\r\n\r\n"s, "NUL in a header");
    const std::string body = "{\"username\":\"a\0b\",\"password\":\"x\"}"s;
    expectRefused("POST /api/auth/login/ HTTP/1.1\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\n\r\n" + body,
                  "NUL in a JSON string");
}

BOOST_AUTO_TEST_CASE(slow_clients_do_not_hold_up_the_others_and_are_timed_out) {
    // Three times as many dribbling clients as the API has threads.
    std::vector<int> slow;
    for (int i = 0; i < 3 * kMaxThreads; ++i) {
        slow.push_back(robson::abuse::connectTo(api().port));
        (void)::send(slow.back(), "GET /healthz HTTP/1.1\r\nX-Slow: ", 31, MSG_NOSIGNAL);
    }
    // Past the head timeout each dribbler got 408, though it never went idle (a byte every
    // 200 ms).
    BOOST_TEST(dribbleAndCountTimeouts(slow, 'a', 200ms) == 3 * kMaxThreads);
}

BOOST_AUTO_TEST_CASE(slow_bodies_do_not_hold_up_the_others_and_are_timed_out_408) {
    // Five times as many clients as the API has threads send a complete head, then their body
    // a byte a second: half with a Content-Length, half chunked.
    std::vector<int> slow;
    for (int i = 0; i < kSlowClients; ++i) {
        slow.push_back(robson::abuse::connectTo(api().port));
        const std::string head =
            i % 2 == 0 ? "POST /api/auth/token/ HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n"
                       : "POST /api/auth/token/ HTTP/1.1\r\nHost: t\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n64\r\n";
        (void)::send(slow.back(), head.data(), head.size(), MSG_NOSIGNAL);
    }
    BOOST_TEST(dribbleAndCountTimeouts(slow, ' ') == kSlowClients);
}

BOOST_AUTO_TEST_CASE(slow_second_requests_on_kept_alive_connections_do_not_hold_up_the_others) {
    // After a first request answered at once, each sends its second head a byte a second.
    std::vector<int> slow = keptAliveConnections(kSlowClients);
    const std::string start = "GET /healthz HTTP/1.1\r\nX-Slow: ";
    for (const int fd : slow) {
        (void)::send(fd, start.data(), start.size(), MSG_NOSIGNAL);
    }
    BOOST_TEST(dribbleAndCountTimeouts(slow, 'a') == kSlowClients);
}

BOOST_AUTO_TEST_CASE(idle_kept_alive_connections_do_not_hold_up_the_others_and_still_work) {
    const std::vector<int> idle = keptAliveConnections(kSlowClients);
    for (int i = 0; i < 5; ++i) {
        const auto started = std::chrono::steady_clock::now();
        BOOST_TEST(healthy());
        BOOST_TEST((std::chrono::steady_clock::now() - started < 1s));
    }
    // Each connection still serves its next request, and the one after.
    const std::string next = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
    int answered = 0;
    for (int round = 0; round < 2; ++round) {
        for (const int fd : idle) {
            (void)::send(fd, next.data(), next.size(), MSG_NOSIGNAL);
            answered += statusOf(robson::abuse::readResponse(fd, 2s).text) == 200 ? 1 : 0;
        }
    }
    BOOST_TEST(answered == 2 * kSlowClients);
    for (const int fd : idle) {
        ::close(fd);
    }
}

BOOST_AUTO_TEST_CASE(idle_kept_alive_connections_make_room_for_new_ones_at_the_budget) {
    // The whole budget idle after a first request: a new client is served, not refused 503;
    // the kept-alive connection idle the longest is closed for it. One at a time: opened all
    // at once, the last ones would find the budget full of requests still being served.
    std::vector<int> idle;
    for (int i = 0; i < kMaxConnections; ++i) {
        idle.push_back(keptAliveConnections(1).front());
    }
    BOOST_TEST(healthy());
    // The eviction's close may still be on its way: wait (1 s at most) until one is readable.
    std::vector<pollfd> all;
    for (const int fd : idle) {
        all.push_back({fd, POLLIN, 0});
    }
    (void)::poll(all.data(), all.size(), 1000);
    int closed = 0;
    for (const int fd : idle) {
        pollfd polled{fd, POLLIN, 0};
        char byte = 0;
        closed += ::poll(&polled, 1, 0) == 1 && ::recv(fd, &byte, 1, 0) == 0 ? 1 : 0;
        ::close(fd);
    }
    BOOST_TEST(closed >= 1);
}

BOOST_AUTO_TEST_CASE(pipelined_requests_are_answered_in_order) {
    const int fd = robson::abuse::connectTo(api().port);
    const std::string requests =
        "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"
        "POST /api/auth/token/ HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}"
        "POST /api/auth/token/ HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
        "2\r\n{}\r\n0\r\n\r\n"
        "GET /nowhere HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
    (void)::send(fd, requests.data(), requests.size(), MSG_NOSIGNAL);
    // The answers may come in one segment: read until the server closes after the last.
    std::string answers;
    char buffer[8192];
    pollfd polled{fd, POLLIN, 0};
    while (::poll(&polled, 1, 3000) == 1) {
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            break;
        }
        answers.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    std::vector<int> statuses;
    for (auto at = answers.find("HTTP/1.1 "); at != std::string::npos;
         at = answers.find("HTTP/1.1 ", at + 1)) {
        statuses.push_back(statusOf(answers.substr(at)));
    }
    BOOST_TEST(statuses == (std::vector<int>{200, 400, 400, 404}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(expect_100_continue_is_answered_before_the_body_and_served) {
    const int fd = robson::abuse::connectTo(api().port);
    const std::string head =
        "POST /api/auth/token/ HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n"
        "Content-Length: 2\r\n\r\n";
    (void)::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
    char buffer[256] = {};
    pollfd polled{fd, POLLIN, 0};
    BOOST_REQUIRE(::poll(&polled, 1, 2000) == 1);
    const auto got = ::recv(fd, buffer, sizeof buffer - 1, 0);
    BOOST_TEST(std::string(buffer, got > 0 ? static_cast<std::size_t>(got) : 0) ==
               "HTTP/1.1 100 Continue\r\n\r\n");
    (void)::send(fd, "{}", 2, MSG_NOSIGNAL);
    BOOST_TEST(statusOf(robson::abuse::readResponse(fd, 3s).text) == 400);  // missing_field
    ::close(fd);
}

BOOST_AUTO_TEST_CASE(framings_poco_would_misread_are_refused_at_once) {
    const std::vector<std::pair<std::string, int>> cases{
        {"Transfer-Encoding: gzip, chunked\r\n\r\n", 501},
        {"Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", 400},
        {"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400},
        {"Content-Length: 2, 2\r\n\r\n{}", 400},
        {"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\nX-Trailer: 1\r\n\r\n", 400},
        {"Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX", 400},
        {"Transfer-Encoding: chunked\r\n\r\n100000\r\n", 413},
        {"Content-Length: 70000\r\n\r\n", 413}};
    for (const auto& [rest, status] : cases) {
        const auto started = std::chrono::steady_clock::now();
        const auto reply =
            sendRaw(api().port, "POST /api/auth/token/ HTTP/1.1\r\nHost: t\r\n" + rest, 3s);
        BOOST_TEST(statusOf(reply.text) == status, rest);
        BOOST_TEST(reply.text.find("Connection: close") != std::string::npos, rest);
        BOOST_TEST((std::chrono::steady_clock::now() - started < 1s), rest);
    }
}

BOOST_AUTO_TEST_CASE(a_flood_past_the_budget_is_answered_503_queue_full_not_reset) {
    const char* wanted = std::getenv("ROBSON_ABUSE_CONNECTIONS");      // NOLINT
    const int total = wanted != nullptr ? std::atoi(wanted) : 10'000;  // NOLINT
    rlimit files{};
    ::getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &files);
    const long before = robson::abuse::residentKiB(api().process->pid());

    struct Client {
        int fd = -1;
        bool sent = false;
        std::string text;
    };
    std::vector<Client> clients(static_cast<std::size_t>(total));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(api().port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int ok = 0, queue_full = 0, other = 0, resets = 0, unopened = 0;
    for (auto& client : clients) {
        client.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (client.fd < 0 || (::connect(client.fd,
                                        reinterpret_cast<const sockaddr*>(&address),  // NOLINT
                                        sizeof address) != 0 &&
                              errno != EINPROGRESS)) {
            ++unopened;
            if (client.fd >= 0) {
                ::close(client.fd);
            }
            client.fd = -1;
        }
    }
    const auto until = std::chrono::steady_clock::now() + 40s;
    std::size_t open = clients.size() - static_cast<std::size_t>(unopened);
    std::vector<pollfd> polled;
    std::vector<std::size_t> index;
    while (open > 0 && std::chrono::steady_clock::now() < until) {
        polled.clear();
        index.clear();
        for (std::size_t i = 0; i < clients.size(); ++i) {
            if (clients[i].fd >= 0) {
                polled.push_back(
                    {clients[i].fd, static_cast<short>(clients[i].sent ? POLLIN : POLLOUT), 0});
                index.push_back(i);
            }
        }
        if (::poll(polled.data(), polled.size(), 200) <= 0) {
            continue;
        }
        for (std::size_t k = 0; k < polled.size(); ++k) {
            auto& client = clients[index[k]];
            if (polled[k].revents == 0) {
                continue;
            }
            if (!client.sent) {
                client.sent = ::send(client.fd, kHealth.data(), kHealth.size(), MSG_NOSIGNAL) ==
                              static_cast<ssize_t>(kHealth.size());
                if (client.sent) {
                    continue;
                }
            }
            char buffer[2048];
            const auto n = client.sent ? ::recv(client.fd, buffer, sizeof buffer, 0) : -1;
            if (n > 0) {
                client.text.append(buffer, static_cast<std::size_t>(n));
                continue;
            }
            if (n == 0 && statusOf(client.text) == 200) {
                ++ok;
            } else if (n == 0 && statusOf(client.text) == 503 &&
                       client.text.find("\"queue_full\"") != std::string::npos) {
                ++queue_full;
            } else if (n < 0 && errno == EAGAIN) {
                continue;
            } else if (n < 0) {
                ++resets;
            } else {
                ++other;
            }
            ::close(client.fd);
            client.fd = -1;
            --open;
        }
    }
    for (auto& client : clients) {
        if (client.fd >= 0) {
            ::close(client.fd);
        }
    }
    BOOST_TEST_MESSAGE("flood of " << total << ": " << ok << " answered 200, " << queue_full
                                   << " 503 queue_full, " << resets << " reset, " << other
                                   << " other, " << open << " unfinished, " << unopened
                                   << " not opened");
    BOOST_TEST(queue_full > 0, "the budget was never reached");
    BOOST_TEST(ok > 0);
    BOOST_TEST(open == 0U, "connections left hanging");
    // Everything answered: a reset or a close without an answer is at most 1 in 1000.
    BOOST_TEST(resets + other + unopened <= total / 1000);
    BOOST_TEST(healthy());
    const long after = robson::abuse::residentKiB(api().process->pid());
    BOOST_TEST_MESSAGE("API resident memory: " << before << " KiB before, " << after
                                               << " KiB after");
    BOOST_TEST(after - before < 64 * 1024, "resident memory grew by " << after - before << " KiB");
}

BOOST_AUTO_TEST_CASE(the_api_still_answers_normally_after_the_abuse) {
    BOOST_TEST(healthy());
}

BOOST_AUTO_TEST_SUITE_END()
