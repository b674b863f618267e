#pragma once
// A scripted HTTP/1.1 server on loopback for the gateway's transport tests: answers each
// request from a queue (or drops the connection), records every request line and API key
// header, and answers GET /api/v3/time by itself.

#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace robson::binance::testing {

/// One scripted answer.
struct FakeReply {
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    bool drop = false;                   ///< close the connection instead of answering
    std::chrono::milliseconds delay{0};  ///< wait before answering
};

/// One received request.
struct FakeRequest {
    std::string method;
    std::string target;  ///< the raw request target, exactly as sent
    std::string api_key;
};

/// Serves one connection at a time on 127.0.0.1:<port 0>. Thread-safe accessors.
class FakeExchange {
public:
    FakeExchange();
    ~FakeExchange();
    FakeExchange(const FakeExchange&) = delete;
    FakeExchange& operator=(const FakeExchange&) = delete;
    FakeExchange(FakeExchange&&) = delete;
    FakeExchange& operator=(FakeExchange&&) = delete;

    [[nodiscard]] std::string url() const;
    void push(FakeReply reply);
    /// Every request except GET /api/v3/time.
    [[nodiscard]] std::vector<FakeRequest> requests() const;
    /// How many TCP connections were accepted so far (keep-alive reuse keeps this at 1).
    [[nodiscard]] int acceptedConnections() const { return accepted_; }
    /// Added to the real clock in /api/v3/time answers.
    void setServerSkewMs(std::int64_t skew) { skew_ms_ = skew; }

private:
    void serve();
    bool serveConnection(Poco::Net::StreamSocket& socket);
    FakeReply answerFor(const FakeRequest& request);

    Poco::Net::ServerSocket server_;
    std::atomic<bool> stop_{false};
    std::atomic<std::int64_t> skew_ms_{0};
    std::atomic<int> accepted_{0};
    mutable std::mutex mutex_;
    std::deque<FakeReply> replies_;
    std::vector<FakeRequest> requests_;
    std::thread thread_;
};

}  // namespace robson::binance::testing
