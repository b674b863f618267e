#pragma once

#include "auth/jwt.hpp"
#include "db/connection_pool.hpp"
#include "http_metrics.hpp"
#include "http_types.hpp"
#include "market_data.hpp"
#include "robson/api/server_config.hpp"
#include "robson/bus/job_sender.hpp"
#include "robson/metrics/intents_created.hpp"
#include "router.hpp"
#include "static_files.hpp"

#include <zmq.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <string>

namespace robson::api {

/// What the routes share: configuration and the thread-safe services (the connection pool,
/// the token codec, the one JobSender, the exchange gateways). Built once per server.
struct AppContext {
    explicit AppContext(ServerConfig server_config);
    ~AppContext();
    AppContext(const AppContext&) = delete;
    AppContext& operator=(const AppContext&) = delete;
    AppContext(AppContext&&) = delete;
    AppContext& operator=(AppContext&&) = delete;

    ServerConfig config;
    /// config.metrics_registry, or a private one: the API counts whether or not it is served.
    std::shared_ptr<prometheus::Registry> metrics_registry;
    metrics::IntentsCreated intents_created;
    db::ConnectionPool pool;
    auth::JwtCodec jwt;
    zmq::context_t zmq_context;
    std::unique_ptr<bus::JobSender> sender;  // declared after the context it uses
    MarketData market;
    std::optional<StaticFiles> static_files;
    /// Set at shutdown: the wait loops stop waiting for workers and answer 202 at once.
    std::atomic<bool> stopping{false};
    /// Server-Sent Event streams open now; each holds a server thread (bounded).
    std::atomic<int> open_event_streams{0};
};

/// The routes of docs/api-contract.md over an AppContext. handle() never throws: every
/// failure becomes a JSON error response.
class App {
public:
    explicit App(AppContext& context);

    [[nodiscard]] Response handle(const Request& request) const noexcept;

private:
    [[nodiscard]] Response route(const Request& request, std::string& route_label) const noexcept;

    AppContext& context_;
    Router router_;
    std::unique_ptr<HttpMetrics> http_metrics_;  ///< made after every route is added
};

// Route groups, one file each.
void addAuthRoutes(Router& router, AppContext& context);
void addReferenceRoutes(Router& router, AppContext& context);
void addIntentRoutes(Router& router, AppContext& context);
void addIntentEventRoutes(Router& router, AppContext& context);
void addIntentActionRoutes(Router& router, AppContext& context);
void addOpsRoutes(Router& router, AppContext& context);
void addPatternRoutes(Router& router, AppContext& context);
void addPatternConfigRoutes(Router& router, AppContext& context);
void addAutotriggerRoutes(Router& router, AppContext& context);
void addScanRoutes(Router& router, AppContext& context);

}  // namespace robson::api
