// Poco glue: the connection gate, the bounded thread pool, body limits; everything else is App.
#include "robson/api/api_server.hpp"

#include "app.hpp"
#include "connection_gate.hpp"
#include "http_errors.hpp"
#include "query_params.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerConnectionFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServerDispatcher.h>
#include <Poco/ThreadPool.h>

#include <array>
#include <iostream>

namespace robson::api {

namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

/// Bodies up to this are read and dropped before a 413 is sent: a client still writing when
/// the server answers and closes sees a reset instead of the reason. Larger ones are not worth
/// the bandwidth; their connection is closed.
constexpr std::streamsize kDrainLimit = std::streamsize{1} << 20U;

/// The body, or nullopt when it exceeds `limit` (declared or actual).
std::optional<std::string> readBody(HTTPServerRequest& request, std::size_t limit) {
    if (request.hasContentLength() &&
        request.getContentLength64() > static_cast<Poco::Int64>(limit)) {
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

void drainModestBody(HTTPServerRequest& request) {
    if (request.hasContentLength() && request.getContentLength64() > kDrainLimit) {
        return;
    }
    std::array<char, 8192> buffer{};
    std::istream& stream = request.stream();
    std::streamsize drained = 0;
    while (stream && drained <= kDrainLimit) {
        stream.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        drained += stream.gcount();
    }
}

void send(HTTPServerResponse& response, const Response& reply) {
    response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    response.setContentType(reply.content_type);
    response.set("Cache-Control", "no-store");
    for (const auto& [name, value] : reply.headers) {
        response.set(name, value);
    }
    if (reply.stream) {
        // A stream ends the connection: its length is unknown, and its thread is held anyway.
        response.setKeepAlive(false);
        response.setChunkedTransferEncoding(true);
        reply.stream(response.send());
        return;
    }
    response.setContentLength64(static_cast<Poco::Int64>(reply.body.size()));
    response.send() << reply.body;
}

/// One request: read within limits, hand to App, write. The only place Poco types are seen.
class ApiRequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    ApiRequestHandler(const App& app, std::size_t max_body) : app_(app), max_body_(max_body) {}

    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
        try {
            serve(request, response);
        } catch (const std::exception& error) {
            // Reading or writing the socket failed (timeout, reset): nothing left to answer.
            if (!response.sent()) {
                response.setKeepAlive(false);
                send(response,
                     ApiError(400, "invalid_json", "The request could not be read.").toResponse());
            }
        }
    }

private:
    void serve(HTTPServerRequest& request, HTTPServerResponse& response) {
        const bool unframed = withoutFraming(request);
        if (unframed && request.getMethod() == "POST") {
            // Every POST of the API carries a body and every client sends its length; Poco
            // would otherwise read until the client closes (or the socket times out).
            response.setKeepAlive(false);
            send(response,
                 ApiError(411,
                          "length_required",
                          "A POST request needs a Content-Length (or chunked encoding).")
                     .toResponse());
            return;
        }
        if (unframed) {
            // RFC 9112 section 6.3: no Content-Length and no Transfer-Encoding is an empty
            // body. Whatever the client sent after the head is not read as a next request:
            // the connection closes after the answer.
            response.setKeepAlive(false);
            serveParsed(request, response, std::string());
            return;
        }
        auto body = readBody(request, max_body_);
        if (!body) {
            drainModestBody(request);
            response.setKeepAlive(false);
            send(response,
                 ApiError(413,
                          "body_too_large",
                          "The request body is larger than " + std::to_string(max_body_ / 1024) +
                              " KiB.")
                     .toResponse());
            return;
        }
        serveParsed(request, response, std::move(*body));
    }

    void serveParsed(HTTPServerRequest& request, HTTPServerResponse& response, std::string body) {
        Request parsed;
        parsed.method = request.getMethod() == "HEAD" ? "GET" : request.getMethod();
        parsed.authorization = request.get("Authorization", "");
        parsed.body = std::move(body);
        const std::string& target = request.getURI();
        const auto question = target.find('?');
        parsed.path = target.substr(0, question);
        try {
            if (question != std::string::npos) {
                parsed.query = parseQuery(std::string_view(target).substr(question + 1));
            }
        } catch (const ApiError& error) {
            send(response, error.toResponse());
            return;
        }
        send(response, app_.handle(parsed));
    }

    /// A method that may carry a body, sent with neither Content-Length nor chunked encoding.
    static bool withoutFraming(const HTTPServerRequest& request) {
        const std::string& method = request.getMethod();
        const bool bodiless = method == "GET" || method == "HEAD" || method == "DELETE";
        return !bodiless && !request.hasContentLength() && !request.getChunkedTransferEncoding();
    }

    const App& app_;
    std::size_t max_body_;
};

class ApiHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    ApiHandlerFactory(const App& app, std::size_t max_body) : app_(app), max_body_(max_body) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
        return new ApiRequestHandler(app_, max_body_);
    }

    /// Ends the connections being served (abort: their sockets are shut down, so keep-alive
    /// waits and event streams return at once).
    void stopConnections(bool abort) { serverStopped.notify(this, abort); }

private:
    const App& app_;
    std::size_t max_body_;
};

}  // namespace

struct ApiServer::Impl {
    explicit Impl(ServerConfig server_config)
        : config(std::move(server_config)), pool(2, config.max_threads) {}

    ServerConfig config;
    std::unique_ptr<AppContext> context;
    std::unique_ptr<App> app;
    Poco::ThreadPool pool;
    Poco::SharedPtr<ApiHandlerFactory> handlers;
    /// Reference-counted by Poco (protected destructor): released in stop().
    Poco::Net::TCPServerDispatcher* dispatcher = nullptr;
    std::unique_ptr<ConnectionGate> gate;
    std::uint16_t port = 0;
};

ApiServer::ApiServer(ServerConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}

ApiServer::~ApiServer() {
    stop();
}

void ApiServer::start() {
    const ServerConfig& config = impl_->config;
    impl_->context = std::make_unique<AppContext>(config);
    impl_->app = std::make_unique<App>(*impl_->context);
    // A deep backlog: a burst of connections waits in the kernel while the gate works through
    // it, instead of being refused there.
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(config.bind, config.port), 1024);
    auto params = Poco::makeAuto<Poco::Net::HTTPServerParams>();
    params->setMaxThreads(config.max_threads);
    // The gate keeps the queue within max_connections; Poco would otherwise close (reset)
    // connections past its own bound.
    params->setMaxQueued(static_cast<int>(config.max_connections) + config.max_threads);
    params->setKeepAlive(true);
    // A keep-alive connection holds a pool thread until it times out (poco#269): keep it short.
    params->setKeepAliveTimeout(Poco::Timespan(config.keep_alive_timeout.count(), 0));
    params->setMaxKeepAliveRequests(1000);
    // Socket send/receive timeout: a client that stops mid-request frees its thread.
    params->setTimeout(Poco::Timespan(config.socket_timeout.count(), 0));
    impl_->handlers = Poco::makeShared<ApiHandlerFactory>(*impl_->app, config.max_body_bytes);
    impl_->dispatcher = new Poco::Net::TCPServerDispatcher(
        Poco::makeShared<Poco::Net::HTTPServerConnectionFactory>(params, impl_->handlers),
        impl_->pool,
        params);
    impl_->port = socket.address().port();
    Poco::Net::TCPServerDispatcher* dispatcher = impl_->dispatcher;
    impl_->gate = std::make_unique<ConnectionGate>(
        socket,
        GateLimits{config.max_connections, config.head_timeout, config.max_head_bytes},
        [dispatcher](const Poco::Net::StreamSocket& connection) {
            dispatcher->enqueue(connection);
        },
        [dispatcher] {
            return static_cast<std::size_t>(dispatcher->currentConnections() +
                                            dispatcher->queuedConnections());
        });
    impl_->gate->start();
}

void ApiServer::stop() {
    if (impl_ && impl_->gate) {
        impl_->context->stopping = true;
        impl_->gate->stop();
        impl_->handlers->stopConnections(true);
        impl_->dispatcher->stop();
        impl_->pool.joinAll();
        impl_->dispatcher->release();
        impl_->dispatcher = nullptr;
        impl_->gate.reset();
        impl_->handlers.reset();
        impl_->app.reset();
        impl_->context.reset();
    }
}

std::uint16_t ApiServer::port() const {
    return impl_->port;
}

}  // namespace robson::api
