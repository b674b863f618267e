// robson-broker: routes job envelopes by service to idle workers (see docs/wire-protocol.md).
#include "broker_loop.hpp"

#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

namespace {
robson::broker::BrokerLoop* g_broker = nullptr;  // for the signal handler only

extern "C" void onSignal(int /*signal*/) {
    if (g_broker != nullptr) {
        g_broker->stop();  // an atomic store: async-signal-safe
    }
}

constexpr const char* kUsage =
    "usage: robson-broker [--bind tcp://127.0.0.1:5555] [--max-queue 10000] [--busy-expiry-ms "
    "120000]\n";
}  // namespace

int main(int argc, char** argv) {
    robson::broker::BrokerOptions options;
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
        } else if (arg == "--busy-expiry-ms" && has_value) {
            options.busy_expiry = std::chrono::milliseconds(std::stol(argv[++i]));
        } else {
            std::cerr << kUsage;
            return 2;
        }
    }
    try {
        robson::broker::BrokerLoop broker(options);
        const std::string endpoint = broker.bind();
        g_broker = &broker;
        static_cast<void>(std::signal(SIGINT, onSignal));
        static_cast<void>(std::signal(SIGTERM, onSignal));
        std::cout << "robson-broker listening on " << endpoint << std::endl;
        broker.run();
        g_broker = nullptr;
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "robson-broker: " << error.what() << "\n";
        return 1;
    }
}
