// robson-broker: routes job envelopes by service to idle workers (see docs/wire-protocol.md).
#include "broker_loop.hpp"
#include "broker_metrics.hpp"
#include "robson/logging/log_event.hpp"
#include "robson/metrics/metrics_server.hpp"

#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <thread>

namespace {
robson::broker::BrokerLoop* g_broker = nullptr;  // for the signal handler only

extern "C" void onSignal(int /*signal*/) {
    if (g_broker != nullptr) {
        g_broker->stop();  // an atomic store: async-signal-safe
    }
}

constexpr const char* kUsage =
    "usage: robson-broker [--bind tcp://127.0.0.1:5555] [--max-queue 10000] [--busy-expiry-ms "
    "120000] [--metrics 127.0.0.1:9099]\n";
}  // namespace

int main(int argc, char** argv) {
    robson::broker::BrokerOptions options;
    std::string metrics_address;
    // Read once at start-up, before any thread exists.
    if (const char* env = std::getenv("ROBSON_BROKER_BIND")) {  // NOLINT(concurrency-mt-unsafe)
        options.endpoint = env;
    }
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--bind" && has_value) {
            options.endpoint = argv[++i];
        } else if (arg == "--max-queue" && has_value) {
            options.max_queued_per_service = std::stoul(argv[++i]);
        } else if (arg == "--metrics" && has_value) {
            metrics_address = argv[++i];
        } else if (arg == "--busy-expiry-ms" && has_value) {
            options.busy_expiry = std::chrono::milliseconds(std::stol(argv[++i]));
        } else {
            std::cerr << kUsage;
            return 2;
        }
    }
    robson::logging::setService("broker");
    try {
        robson::broker::BrokerLoop broker(options);
        const std::string endpoint = broker.bind();
        g_broker = &broker;
        static_cast<void>(std::signal(SIGINT, onSignal));
        static_cast<void>(std::signal(SIGTERM, onSignal));
        std::cout << "robson-broker listening on " << endpoint << std::endl;
        robson::logging::logEvent("info", "broker_started", {{"endpoint", endpoint}});
        auto registry = std::make_shared<prometheus::Registry>();
        robson::broker::BrokerMetrics broker_metrics(*registry);
        std::unique_ptr<robson::metrics::MetricsServer> metrics_server;
        std::jthread metrics_thread;
        if (!metrics_address.empty()) {
            metrics_server =
                std::make_unique<robson::metrics::MetricsServer>(metrics_address, registry);
            std::cout << "robson-broker metrics on http://127.0.0.1:" << metrics_server->port()
                      << "/metrics" << std::endl;
            // The loop's thread owns the sockets; this one only copies figures out of it.
            metrics_thread = std::jthread([&](const std::stop_token& stop) {
                while (!stop.stop_requested()) {
                    broker_metrics.update(broker.counters(), broker.snapshot());
                    std::this_thread::sleep_for(std::chrono::milliseconds(500));
                }
            });
        }
        broker.run();
        if (metrics_thread.joinable()) {
            metrics_thread.request_stop();
            metrics_thread.join();
        }
        g_broker = nullptr;
        return 0;
    } catch (const std::exception& error) {
        robson::logging::logEvent("error", "broker_failed", {{"error", error.what()}});
        return 1;
    }
}
