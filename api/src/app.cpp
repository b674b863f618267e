#include "app.hpp"

#include "auth/jwt_secret.hpp"
#include "http_errors.hpp"
#include "robson/logging/log_event.hpp"

#include <chrono>

namespace robson::api {

namespace {

std::string resolveSecret(const ServerConfig& config) {
    if (!config.jwt_secret.empty()) {
        return auth::loadJwtSecret(config.jwt_secret, std::nullopt);
    }
    return auth::loadJwtSecret(std::nullopt, config.jwt_secret_file);
}

}  // namespace

AppContext::AppContext(ServerConfig server_config)
    : config(std::move(server_config)),
      metrics_registry(config.metrics_registry ? config.metrics_registry
                                               : std::make_shared<prometheus::Registry>()),
      intents_created(*metrics_registry),
      pool(config.database_url,
           static_cast<std::size_t>(config.max_threads) + 4,
           config.db_connect_timeout),
      jwt(resolveSecret(config)),
      zmq_context(1),
      sender(std::make_unique<bus::JobSender>(zmq_context, config.broker)),
      market(config.exchange_url) {
    if (config.web_root) {
        static_files.emplace(*config.web_root);
    }
}

AppContext::~AppContext() {
    // The socket must close before the context terminates, or zmq_ctx_term waits forever.
    sender.reset();
}

App::App(AppContext& context) : context_(context) {
    addAuthRoutes(router_, context_);
    addReferenceRoutes(router_, context_);
    // Before the intent routes: GET /api/intents/pending-confirmation/ is matched by its own
    // template, never read as an intent id.
    addPatternRoutes(router_, context_);
    addPatternConfigRoutes(router_, context_);
    addAutotriggerRoutes(router_, context_);
    addScanRoutes(router_, context_);
    addIntentRoutes(router_, context_);
    addIntentEventRoutes(router_, context_);
    addIntentActionRoutes(router_, context_);
    addOpsRoutes(router_, context_);
    router_.setFallback([this](const Request& request, const PathParams&) {
        if (!context_.static_files) {
            throw notFound("This path");
        }
        return context_.static_files->serve(request.path);
    });
    http_metrics_ = std::make_unique<HttpMetrics>(*context_.metrics_registry, router_.routes());
}

Response App::handle(const Request& request) const noexcept {
    const auto started = std::chrono::steady_clock::now();
    std::string route_label = "unmatched";
    Response response = route(request, route_label);
    try {
        http_metrics_->observe(
            route_label,
            request.method,
            response.status,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    } catch (...) {  // NOLINT(bugprone-empty-catch): a metric never fails a request
    }
    return response;
}

Response App::route(const Request& request, std::string& route_label) const noexcept {
    try {
        try {
            return router_.dispatch(request, &route_label);
        } catch (const ApiError& error) {
            return error.toResponse();
        } catch (const pqxx::broken_connection&) {
            return unavailable("The database is unreachable.").toResponse();
        } catch (const std::exception& error) {
            // A bug, not an input problem: the detail stays generic, the log gets the cause.
            logging::logEvent("error",
                              "internal_error",
                              {{"method", request.method.substr(0, 16)},
                               {"route", route_label},
                               {"error", error.what()}});
            return ApiError(500, "internal", "An internal error occurred.").toResponse();
        }
    } catch (...) {
        Response response;
        response.status = 500;
        response.body = R"({"detail":"An internal error occurred.","code":"internal"})";
        return response;
    }
}

}  // namespace robson::api
