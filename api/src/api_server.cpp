// Poco glue: sockets, the bounded thread pool, body limits; everything else is App.
#include "robson/api/api_server.hpp"

#include "app.hpp"
#include "http_errors.hpp"
#include "query_params.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
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
        Request parsed;
        parsed.method = request.getMethod() == "HEAD" ? "GET" : request.getMethod();
        parsed.authorization = request.get("Authorization", "");
        parsed.body = std::move(*body);
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

    const App& app_;
    std::size_t max_body_;
};

class ApiHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    ApiHandlerFactory(const App& app, std::size_t max_body) : app_(app), max_body_(max_body) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
        return new ApiRequestHandler(app_, max_body_);
    }

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
    std::unique_ptr<Poco::Net::HTTPServer> server;
    std::uint16_t port = 0;
};

ApiServer::ApiServer(ServerConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}

ApiServer::~ApiServer() {
    stop();
}

void ApiServer::start() {
    impl_->context = std::make_unique<AppContext>(impl_->config);
    impl_->app = std::make_unique<App>(*impl_->context);
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(impl_->config.bind, impl_->config.port),
                                   128);
    auto params = Poco::makeAuto<Poco::Net::HTTPServerParams>();
    params->setMaxThreads(impl_->config.max_threads);
    params->setMaxQueued(impl_->config.max_queued);
    params->setKeepAlive(true);
    // A keep-alive connection holds a pool thread until it times out (poco#269): keep it short.
    params->setKeepAliveTimeout(Poco::Timespan(impl_->config.keep_alive_timeout.count(), 0));
    params->setMaxKeepAliveRequests(1000);
    // Socket send/receive timeout: a client that stops mid-request frees its thread.
    params->setTimeout(Poco::Timespan(impl_->config.socket_timeout.count(), 0));
    impl_->server = std::make_unique<Poco::Net::HTTPServer>(
        Poco::makeShared<ApiHandlerFactory>(*impl_->app, impl_->config.max_body_bytes),
        impl_->pool,
        socket,
        params);
    impl_->server->start();
    impl_->port = socket.address().port();
}

void ApiServer::stop() {
    if (impl_ && impl_->server) {
        impl_->context->stopping = true;
        impl_->server->stopAll(true);
        impl_->pool.joinAll();
        impl_->server.reset();
        impl_->app.reset();
        impl_->context.reset();
    }
}

std::uint16_t ApiServer::port() const {
    return impl_->port;
}

}  // namespace robson::api
