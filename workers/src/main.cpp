// robson-worker: one worker of a pool (plan, validate, execute or scan). Start as many as you like,
// on any machine that reaches the broker and the database:
//   robson-worker --service plan --broker tcp://10.0.0.5:5555 --database postgresql://…
// The exchange comes from ROBSON_EXCHANGE_URL / _API_KEY / _API_SECRET (the local simulator by
// default; a real Binance only when configured explicitly with keys).
#include "log_line.hpp"
#include "pipeline_metrics.hpp"
#include "robson/binance/binance_config.hpp"
#include "robson/binance/binance_gateway.hpp"
#include "robson/metrics/metrics_server.hpp"
#include "worker_loop.hpp"

#include <charconv>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <unistd.h>

namespace {

std::atomic<bool> g_stopping{false};

extern "C" void onSignal(int /*signal*/) {
    g_stopping.store(true);
}

constexpr const char* kUsage =
    "usage: robson-worker --service plan|validate|execute|scan [--broker tcp://127.0.0.1:5555]\n"
    "                     [--database URL] [--exchange URL] [--metrics 127.0.0.1:9101]\n"
    "                     [--concurrent-executions 4]\n"
    "  --database defaults to $DATABASE_URL; --broker to $ROBSON_BROKER; the exchange to\n"
    "  $ROBSON_EXCHANGE_URL (the simulator at http://127.0.0.1:8765 when unset).\n"
    "  --concurrent-executions (1..1000): the execute pool's size on all machines; an entry\n"
    "  is sent only while the symbol's MAX_NUM_ORDERS leaves 3 orders free for each, and its\n"
    "  MAX_NUM_ALGO_ORDERS 1 stop.\n";

std::string environment(const char* name, const std::string& fallback) {
    const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): before threads
    return value == nullptr ? fallback : std::string(value);
}

/// A --concurrent-executions value: a whole number in 1..1000, else nullopt.
std::optional<int> concurrencyOf(const std::string& text) {
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc{} || stop != end || value < 1 || value > 1000) {
        return std::nullopt;
    }
    return value;
}

std::string hostName() {
    std::array<char, 256> name{};
    if (gethostname(name.data(), name.size() - 1) != 0) {
        return "unknown-host";
    }
    return name.data();
}

}  // namespace

int main(int argc, char** argv) {
    using namespace robson;
    workers::WorkerOptions options;
    options.broker_endpoint = environment("ROBSON_BROKER", options.broker_endpoint);
    options.database_url = environment("DATABASE_URL", "");
    std::optional<std::string> exchange_url;
    std::optional<wire::JobKind> kind;
    std::string metrics_address;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--service" && has_value) {
            kind = wire::parseJobKind(argv[++i]);
        } else if (arg == "--broker" && has_value) {
            options.broker_endpoint = argv[++i];
        } else if (arg == "--database" && has_value) {
            options.database_url = argv[++i];
        } else if (arg == "--metrics" && has_value) {
            metrics_address = argv[++i];
        } else if (arg == "--exchange" && has_value) {
            exchange_url = argv[++i];
        } else if (arg == "--concurrent-executions" && has_value) {
            const auto count = concurrencyOf(argv[++i]);
            if (!count) {
                std::cerr << "robson-worker: --concurrent-executions must be 1..1000\n" << kUsage;
                return 2;
            }
            options.concurrent_executions = *count;
        } else if (arg == "--help" || arg == "-h") {
            std::cout << kUsage;
            return 0;
        } else {
            std::cerr << "robson-worker: unexpected argument '" << arg << "'\n" << kUsage;
            return 2;
        }
    }
    if (!kind || !workers::stageFor(*kind)) {
        std::cerr << "robson-worker: --service must be plan, validate, execute or scan\n" << kUsage;
        return 2;
    }
    if (options.database_url.empty()) {
        std::cerr << "robson-worker: no database (--database or DATABASE_URL)\n" << kUsage;
        return 2;
    }
    options.kind = *kind;
    const std::string service(wire::toString(*kind));
    logging::setService("worker-" + service);
    options.owner = hostName() + ":" + std::to_string(getpid()) + ":" + service;
    if (*kind == wire::JobKind::Execute) {
        options.lease = std::chrono::seconds(90);
    }
    try {
        const auto lookup = [&](std::string_view name) -> std::optional<std::string> {
            if (name == "ROBSON_EXCHANGE_URL" && exchange_url) {
                return exchange_url;
            }
            const char* value =
                std::getenv(std::string(name).c_str());  // NOLINT(concurrency-mt-unsafe)
            return value == nullptr ? std::nullopt : std::optional<std::string>(value);
        };
        workers::TenantExchanges exchanges(binance::configFromEnvironment(lookup),
                                           secrets::secretBoxFromEnvironment());
        static_cast<void>(std::signal(SIGINT, onSignal));
        static_cast<void>(std::signal(SIGTERM, onSignal));
        workers::logEvent(
            "info", "worker_started", {{"service", service}, {"broker", options.broker_endpoint}});
        auto registry = std::make_shared<prometheus::Registry>();
        workers::WorkerMetrics worker_metrics(*registry, *kind);
        workers::PipelineMetrics pipeline_metrics(*registry);
        workers::installPipelineMetrics(&pipeline_metrics);
        std::unique_ptr<metrics::MetricsServer> metrics_server;
        if (!metrics_address.empty()) {
            metrics_server = std::make_unique<metrics::MetricsServer>(metrics_address, registry);
            std::cout << "robson-worker metrics on http://127.0.0.1:" << metrics_server->port()
                      << "/metrics" << std::endl;
        }
        workers::WorkerLoop loop(options, exchanges, worker_metrics);
        loop.run(g_stopping);
        workers::logEvent("info", "worker_stopped", {{"service", service}});
        workers::installPipelineMetrics(nullptr);
        return 0;
    } catch (const secrets::SecretError& error) {
        workers::logEvent("error", "bad_secret_key", {{"error", error.what()}});
        return 2;
    } catch (const binance::ConfigError& error) {
        workers::logEvent("error", "bad_exchange_configuration", {{"error", error.what()}});
        return 2;
    } catch (const std::exception& error) {
        workers::logEvent("error", "worker_failed", {{"error", error.what()}});
        return 1;
    }
}
