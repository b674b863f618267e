#include "fake_api.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>

#include <ostream>

namespace robson::cli::testing {
namespace {

class CannedHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit CannedHandler(FakeApi& api) : api_(api) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        api_.handlerStarted();
        try {
            answer(request, response);
        } catch (...) {  // NOLINT(bugprone-empty-catch): the client went away (a timeout test)
        }
        api_.handlerFinished();
    }

private:
    void answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
        RecordedRequest recorded;
        recorded.method = request.getMethod();
        recorded.target = request.getURI();
        recorded.authorization = request.get("Authorization", "");
        recorded.content_type = request.get("Content-Type", "");
        Poco::StreamCopier::copyToString(request.stream(), recorded.body);
        const CannedReply reply = api_.answer(std::move(recorded));
        api_.delay(reply.delay);
        response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status),
                                    "Canned");
        response.setContentType("application/json");
        for (const auto& [name, value] : reply.headers) {
            response.set(name, value);
        }
        response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
        response.send() << reply.body;
    }

    FakeApi& api_;
};

class CannedFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit CannedFactory(FakeApi& api) : api_(api) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest& /*request*/) override {
        return new CannedHandler(api_);  // NOLINT(cppcoreguidelines-owning-memory): Poco owns it
    }

private:
    FakeApi& api_;
};

}  // namespace

FakeApi::FakeApi() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    auto* params = new Poco::Net::HTTPServerParams;  // NOLINT: Poco's AutoPtr takes ownership
    params->setMaxThreads(4);
    params->setKeepAlive(false);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new CannedFactory(*this), socket, params);
    server_->start();
}

FakeApi::~FakeApi() {
    // A handler still answering after the test (a delayed reply whose client timed out) must
    // finish before the FakeApi and, at exit, Poco's own statics are destroyed.
    std::unique_lock lock(mutex_);
    stopping_ = true;
    changed_.notify_all();
    lock.unlock();
    server_->stopAll(true);
    lock.lock();
    changed_.wait_for(lock, std::chrono::seconds(10), [this] { return active_handlers_ == 0; });
}

void FakeApi::delay(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, duration, [this] { return stopping_; });
}

void FakeApi::handlerStarted() {
    const std::lock_guard lock(mutex_);
    ++active_handlers_;
}

void FakeApi::handlerFinished() {
    const std::lock_guard lock(mutex_);
    --active_handlers_;
    changed_.notify_all();
}

std::string FakeApi::url() const {
    return "http://127.0.0.1:" + std::to_string(server_->port());
}

void FakeApi::on(const std::string& method, const std::string& target, CannedReply reply) {
    const std::lock_guard lock(mutex_);
    replies_[method + " " + target].push_back(std::move(reply));
}

std::vector<RecordedRequest> FakeApi::requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
}

std::vector<RecordedRequest> FakeApi::requestsTo(const std::string& method,
                                                 const std::string& target) const {
    std::vector<RecordedRequest> matching;
    for (auto& request : requests()) {
        if (request.method == method && request.target == target) {
            matching.push_back(request);
        }
    }
    return matching;
}

CannedReply FakeApi::answer(RecordedRequest request) {
    const std::lock_guard lock(mutex_);
    const std::string key = request.method + " " + request.target;
    requests_.push_back(std::move(request));
    auto found = replies_.find(key);
    if (found == replies_.end() || found->second.empty()) {
        return {500,
                R"({"detail":"the fake API has no answer for )" + key + R"(","code":"unscripted"})",
                {},
                std::chrono::milliseconds(0)};
    }
    CannedReply reply = found->second.front();
    if (found->second.size() > 1) {
        found->second.pop_front();
    }
    return reply;
}

}  // namespace robson::cli::testing
