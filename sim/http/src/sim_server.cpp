// Poco glue: sockets, threads, body limits, latency, dropped connections.
#include "robson/sim/http/sim_server.hpp"

#include "routes.hpp"
#include "sim_state.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/ThreadPool.h>

#include <array>
#include <chrono>
#include <thread>

namespace robson::sim {

namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

void send(HTTPServerResponse& response, const Reply& reply) {
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    response.setContentType("application/json;charset=UTF-8");
    for (const auto& [name, value] : reply.headers) {
        response.set(name, value);
    }
    const std::string body =
        reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    response.send() << body;
}

/// Reads at most limit bytes; nullopt when the body is larger.
std::optional<std::string> readBody(HTTPServerRequest& request, std::size_t limit) {
    if (request.hasContentLength() &&
        request.getContentLength64() > static_cast<std::streamsize>(limit)) {
        return std::nullopt;
    }
    std::string body;
    std::array<char, 8192> buffer{};
    std::istream& stream = request.stream();
    while (stream) {
        stream.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        body.append(buffer.data(), static_cast<std::size_t>(stream.gcount()));
        if (body.size() > limit) {
            return std::nullopt;
        }
    }
    return body;
}

/// Reads and discards what is left of a too-large body when it is modest (≤ 1 MiB declared):
/// answering before the client finished writing makes its kernel see a reset instead of our
/// 413, so a well-behaved client would never read the reason. Larger bodies are not worth the
/// bandwidth: the connection is closed on them.
void drainModestBody(HTTPServerRequest& request) {
    constexpr std::streamsize kDrainLimit = 1 << 20;
    if (!request.hasContentLength() || request.getContentLength64() > kDrainLimit) {
        return;
    }
    std::array<char, 8192> buffer{};
    std::istream& stream = request.stream();
    while (stream) {
        stream.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    }
}

Request toRequest(HTTPServerRequest& request, std::string body) {
    Request out;
    out.method = request.getMethod();
    const std::string& target = request.getURI();
    const auto question = target.find('?');
    out.path = target.substr(0, question);
    out.raw_query = question == std::string::npos ? "" : target.substr(question + 1);
    out.raw_body = std::move(body);
    out.api_key = request.get("X-MBX-APIKEY", "");
    out.ip = request.clientAddress().host().toString();
    out.loopback = request.clientAddress().host().isLoopback();
    return out;
}

/// One request: read, route, delay, answer (or drop). The only try/catch of the thread.
class SimRequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit SimRequestHandler(SimState& state) : state_(state) {}

    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
        try {
            serve(request, response);
        } catch (const std::exception&) {
            if (!response.sent()) {
                send(response,
                     errorReply(ApiError{-1000,
                                         "An unknown error occurred while processing "
                                         "the request.",
                                         500}));
            }
        }
    }

private:
    void serve(HTTPServerRequest& request, HTTPServerResponse& response) {
        auto body = readBody(request, state_.config.max_body_bytes);
        if (!body) {
            drainModestBody(request);
            response.setKeepAlive(false);
            send(response, errorReply(ApiError{-1000, "Request body too large.", 413}));
            return;
        }
        const Request parsed = toRequest(request, std::move(*body));
        if (parsed.path.starts_with("/sim/admin/")) {
            send(response, handleAdmin(state_, parsed));
            return;
        }
        const Reply reply = handleApi(state_, parsed);
        std::int64_t latency = 0;
        {
            const std::lock_guard lock(state_.mutex);
            latency = state_.faults.latency_ms;
        }
        if (latency > 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(latency));
        }
        if (reply.drop_connection) {
            response.setKeepAlive(false);
            dynamic_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket().shutdown();
            return;
        }
        send(response, reply);
    }

    SimState& state_;
};

class SimHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit SimHandlerFactory(SimState& state) : state_(state) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const HTTPServerRequest& /*request*/) override {
        return new SimRequestHandler(state_);
    }

private:
    SimState& state_;
};

}  // namespace

struct SimServer::Impl {
    explicit Impl(SimConfig sim_config)
        : config(std::move(sim_config)), pool(2, config.max_threads + 2) {}

    SimConfig config;
    std::vector<std::string> warnings;
    std::unique_ptr<SimState> state;
    Poco::ThreadPool pool;
    std::unique_ptr<Poco::Net::HTTPServer> server;
    std::uint16_t port = 0;
};

SimServer::SimServer(SimConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}

SimServer::~SimServer() {
    stop();
}

void SimServer::start() {
    impl_->state = std::make_unique<SimState>(impl_->config, impl_->warnings);
    // A deep listen backlog: with Poco's default (64) a burst of connections overflows it
    // whenever the accept thread is not scheduled for a moment, and the kernel then drops
    // SYNs, stalling each of those clients for a 1 s retransmit instead of queueing them.
    constexpr int kListenBacklog = 1024;
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(impl_->config.host, impl_->config.port),
                                   kListenBacklog);
    auto params = Poco::makeAuto<Poco::Net::HTTPServerParams>();
    params->setMaxThreads(impl_->config.max_threads);
    params->setMaxQueued(impl_->config.max_queued);
    params->setKeepAlive(true);
    params->setTimeout(Poco::Timespan(10, 0));
    params->setKeepAliveTimeout(Poco::Timespan(10, 0));
    params->setMaxKeepAliveRequests(10'000);
    impl_->server = std::make_unique<Poco::Net::HTTPServer>(
        Poco::makeShared<SimHandlerFactory>(*impl_->state), impl_->pool, socket, params);
    impl_->server->start();
    impl_->port = socket.address().port();
}

void SimServer::stop() {
    if (impl_ && impl_->server) {
        impl_->server->stopAll(true);
        impl_->server.reset();
        impl_->pool.joinAll();
    }
}

std::uint16_t SimServer::port() const {
    return impl_->port;
}

std::string SimServer::baseUrl() const {
    return "http://" + impl_->config.host + ":" + std::to_string(impl_->port);
}

const std::vector<std::string>& SimServer::warnings() const {
    return impl_->warnings;
}

}  // namespace robson::sim
