#pragma once
// A fake Robson API for the CLI tests: a Poco HTTPServer on 127.0.0.1:<port 0> answering
// canned contract responses per "METHOD target" and recording every request it got.

#include <Poco/Net/HTTPServer.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace robson::cli::testing {

/// One canned answer.
struct CannedReply {
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::chrono::milliseconds delay{0};  ///< wait before answering (timeouts)
};

/// One request as the server received it.
struct RecordedRequest {
    std::string method;
    std::string target;  ///< path and query, as sent
    std::string authorization;
    std::string content_type;
    std::string body;
};

/// Thread-safe: the server answers on its own threads while the test reads what it recorded.
class FakeApi {
public:
    FakeApi();
    ~FakeApi();
    FakeApi(const FakeApi&) = delete;
    FakeApi& operator=(const FakeApi&) = delete;
    FakeApi(FakeApi&&) = delete;
    FakeApi& operator=(FakeApi&&) = delete;

    [[nodiscard]] std::string url() const;
    /// Queues an answer for `method target`; answers are used in order and the last repeats.
    void on(const std::string& method, const std::string& target, CannedReply reply);
    [[nodiscard]] std::vector<RecordedRequest> requests() const;
    [[nodiscard]] std::vector<RecordedRequest> requestsTo(const std::string& method,
                                                          const std::string& target) const;

    /// Used by the request handler: records the request and picks its answer.
    CannedReply answer(RecordedRequest request);
    /// Used by the request handler: waits out a reply's delay, cut short when the server stops.
    void delay(std::chrono::milliseconds duration);
    /// Used by the request handler: one more (or one fewer) request being answered.
    void handlerStarted();
    void handlerFinished();

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    int active_handlers_ = 0;
    bool stopping_ = false;
    std::map<std::string, std::deque<CannedReply>> replies_;
    std::vector<RecordedRequest> requests_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace robson::cli::testing
