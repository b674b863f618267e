// Poco glue: the connection gate, the bounded thread pool, body limits; everything else is App.
#include "robson/api/api_server.hpp"

#include "app.hpp"
#include "connection_gate.hpp"
#include "gate_metrics.hpp"
#include "http_errors.hpp"
#include "query_params.hpp"

#include <Poco/Buffer.h>
#include <Poco/Delegate.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/Net/TCPServerDispatcher.h>
#include <Poco/ThreadPool.h>
#include <Poco/Timestamp.h>

#include <array>
#include <atomic>
#include <chrono>
#include <iostream>
#include <limits>
#include <memory>
#include <poll.h>
#include <sys/socket.h>

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
    /// What stopConnections() notifies: each GatedConnection being served listens.
    Poco::BasicEvent<const bool>& stopping() { return serverStopped; }

private:
    const App& app_;
    std::size_t max_body_;
};

/// How long a pool thread looks for a kept-alive connection's next request after a response,
/// when no other connection is waiting for a thread: a deadline from the response, so a slow
/// client cannot extend it. A client that sends its next request at once (a script, a load
/// generator, a pipelining client) is served on the same thread, without a trip through the
/// gate; anything slower goes back to the gate.
constexpr auto kNextRequestLook = std::chrono::milliseconds(2);

/// What every GatedConnection needs; the factory holds it (it outlives the connections).
struct ConnectionContext {
    Poco::Net::HTTPServerParams::Ptr params;
    Poco::SharedPtr<ApiHandlerFactory> handlers;
    GateLimits limits;
    /// Gives a kept-alive connection back to the gate (ConnectionGate::readmit).
    std::function<void(const Poco::Net::StreamSocket&)> readmit;
    /// True while connections are queued for a pool thread.
    std::function<bool()> others_waiting;
};

/// Serves a connection's requests on a pool thread: Poco's HTTPServerConnection::run without
/// its wait for the next request. The gate has received each request whole (head and body)
/// before this runs, so nothing here waits for the client.
///
/// Why not Poco's keep-alive loop: after a response it waits on the pool thread for the next
/// request (up to the keep-alive timeout), then reads that request's head and body with a
/// per-read timeout, so a client dribbling its second request a byte a second, or 32 idle
/// keep-alive connections, held every thread. Here, after a response, the next request is
/// served on the same thread only if it is already whole, or whole within kNextRequestLook
/// while no one else waits for a thread; otherwise the connection goes back to the gate,
/// which waits for it without a thread, under the same deadlines as for a first request (and
/// closes it after the keep-alive timeout if nothing comes).
class GatedConnection : public Poco::Net::TCPServerConnection {
public:
    GatedConnection(const Poco::Net::StreamSocket& socket, ConnectionContext& context)
        : TCPServerConnection(socket), context_(context) {
        context_.handlers->stopping() += Poco::delegate(this, &GatedConnection::onServerStopped);
    }
    ~GatedConnection() override {
        try {
            context_.handlers->stopping() -=
                Poco::delegate(this, &GatedConnection::onServerStopped);
        } catch (...) {  // NOLINT(bugprone-empty-catch): nothing to do in a destructor
        }
    }
    GatedConnection(const GatedConnection&) = delete;
    GatedConnection& operator=(const GatedConnection&) = delete;
    GatedConnection(GatedConnection&&) = delete;
    GatedConnection& operator=(GatedConnection&&) = delete;

    void run() override {
        auto* impl = dynamic_cast<GateSocketImpl*>(socket().impl());
        if (impl == nullptr) {
            return;  // not from the gate: never the case
        }
        // However run() ends, this thread is done with the connection's socket.
        const std::unique_ptr<GateSocketImpl, void (*)(GateSocketImpl*)> done(
            impl, [](GateSocketImpl* served) { served->letGo(); });
        Poco::Net::StreamSocket connection = socket();
        while (true) {
            Poco::Net::HTTPServerSession session(connection, context_.params);
            if (!serve(session) || stopped_.load()) {
                return;  // the session closes the socket
            }
            // What Poco's session read past this request (a pipelined next one) stays with
            // the connection, before what is left of the gate's bytes (GateSocketImpl).
            Poco::Buffer<char> ahead(0);
            session.drainBuffer(ahead);
            connection = session.detachSocket();
            impl->unread(std::string_view(ahead.begin(), ahead.size()));
            if (!nextRequestIsHere(*impl)) {
                context_.readmit(connection);
                return;
            }
        }
    }

private:
    /// True when the connection's next request is whole within kNextRequestLook and nobody
    /// waits for a thread (so a pipelining client cannot keep a thread from the others); what
    /// arrived meanwhile is left pending on the socket either way.
    bool nextRequestIsHere(GateSocketImpl& impl) const {
        if (stopped_.load() || context_.others_waiting()) {
            return false;
        }
        std::string bytes = impl.takePending();
        bool whole = holdsWholeRequest(bytes, context_.limits);
        const std::size_t most = context_.limits.max_head_bytes + context_.limits.max_body_bytes +
                                 std::size_t{32} * 1024;
        const auto until = std::chrono::steady_clock::now() + kNextRequestLook;
        std::array<char, 16384> buffer{};
        while (!whole && bytes.size() < most) {
            const auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(
                until - std::chrono::steady_clock::now());
            pollfd polled{impl.sockfd(), POLLIN, 0};
            const timespec wait{0, static_cast<long>(left.count())};
            if (left.count() <= 0 || ::ppoll(&polled, 1, &wait, nullptr) != 1) {
                break;
            }
            const auto got = ::recv(impl.sockfd(), buffer.data(), buffer.size(), MSG_DONTWAIT);
            if (got <= 0) {
                break;  // closed, or failed: the gate sees it too
            }
            bytes.append(buffer.data(), static_cast<std::size_t>(got));
            whole = holdsWholeRequest(bytes, context_.limits);
        }
        impl.setPending(std::move(bytes));
        return whole;
    }

    /// One request and its response; true when the connection stays open (keep-alive).
    bool serve(Poco::Net::HTTPServerSession& session) {
        try {
            Poco::Net::HTTPServerResponseImpl response(session);
            Poco::Net::HTTPServerRequestImpl request(response, session, context_.params.get());
            response.setDate(Poco::Timestamp());
            response.setVersion(request.getVersion());
            response.setKeepAlive(context_.params->getKeepAlive() && request.getKeepAlive());
            // No "100 Continue" here: the gate sent it, when expected, to receive the body.
            const std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(
                context_.handlers->createRequestHandler(request));
            handler->handleRequest(request, response);
            if (!response.sent() || !response.getKeepAlive()) {
                return false;
            }
            // The body is in memory (the gate waited for it): what a handler left unread
            // must not be taken for the next request.
            request.stream().ignore(std::numeric_limits<std::streamsize>::max());
            return true;  // the response's destructor flushes it, before the connection goes back
        } catch (const Poco::Net::NoMessageException&) {
            return false;
        } catch (const Poco::Net::MessageException&) {
            // A head the gate let through but Poco cannot parse (more than 100 fields...).
            sendBadRequest(session);
            return false;
        } catch (const Poco::Exception&) {
            return false;  // the socket failed (reset, timeout): nothing left to answer
        }
    }

    static void sendBadRequest(Poco::Net::HTTPServerSession& session) {
        try {
            Poco::Net::HTTPServerResponseImpl response(session);
            response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
            response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
            response.setKeepAlive(false);
            response.send();
        } catch (const Poco::Exception&) {  // NOLINT(bugprone-empty-catch): the client left
        }
    }

    /// ApiServer::stop(): ends the connection being served (an event stream returns at once).
    void onServerStopped(const bool& /*abort*/) {
        stopped_ = true;
        try {
            socket().shutdown();
        } catch (const Poco::Exception&) {  // NOLINT(bugprone-empty-catch): already closed
        }
    }

    ConnectionContext& context_;
    std::atomic<bool> stopped_{false};
};

class GatedConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
public:
    explicit GatedConnectionFactory(ConnectionContext context) : context_(std::move(context)) {}

    Poco::Net::TCPServerConnection* createConnection(
        const Poco::Net::StreamSocket& socket) override {
        return new GatedConnection(socket, context_);
    }

private:
    ConnectionContext context_;
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
    std::unique_ptr<GateMetrics> gate_metrics;  ///< outlives the gate, which counts into it
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
    // Keep-alive without a thread waiting: after each response the connection goes back to the
    // gate (GatedConnection), which closes it after keep_alive_timeout without a request.
    params->setKeepAlive(true);
    // Socket send timeout: a client that stops reading its response frees its thread. (The
    // request is in memory before a thread sees it: nothing is read from the client here.)
    params->setTimeout(Poco::Timespan(config.socket_timeout.count(), 0));
    impl_->handlers = Poco::makeShared<ApiHandlerFactory>(*impl_->app, config.max_body_bytes);
    const GateLimits limits{
        config.max_connections,
        config.head_timeout,
        config.max_head_bytes,
        config.max_body_bytes,
        std::chrono::duration_cast<std::chrono::milliseconds>(config.keep_alive_timeout)};
    Impl* self = impl_.get();
    impl_->dispatcher = new Poco::Net::TCPServerDispatcher(
        Poco::makeShared<GatedConnectionFactory>(ConnectionContext{
            params,
            impl_->handlers,
            limits,
            [self](const Poco::Net::StreamSocket& connection) { self->gate->readmit(connection); },
            [self] { return self->dispatcher->queuedConnections() > 0; }}),
        impl_->pool,
        params);
    impl_->port = socket.address().port();
    Poco::Net::TCPServerDispatcher* dispatcher = impl_->dispatcher;
    impl_->gate_metrics = std::make_unique<GateMetrics>(*impl_->context->metrics_registry);
    GateMetrics* gate_metrics = impl_->gate_metrics.get();
    impl_->gate = std::make_unique<ConnectionGate>(
        socket,
        limits,
        [dispatcher](const Poco::Net::StreamSocket& connection) {
            dispatcher->enqueue(connection);
        },
        [dispatcher] {
            return static_cast<std::size_t>(dispatcher->currentConnections() +
                                            dispatcher->queuedConnections());
        },
        [gate_metrics](int status) { gate_metrics->answered(status); });
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
        impl_->gate_metrics.reset();
        impl_->handlers.reset();
        impl_->app.reset();
        impl_->context.reset();
    }
}

std::uint16_t ApiServer::port() const {
    return impl_->port;
}

}  // namespace robson::api
