// robson-exchange-sim: the command line of docs/exchange-simulator.md.
#include "robson/logging/log_event.hpp"
#include "robson/metrics/metrics_server.hpp"
#include "robson/sim/http/sim_server.hpp"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <pthread.h>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view kUsage =
    "usage: robson-exchange-sim [--host 127.0.0.1] [--port 0] [--api-key KEY --api-secret SECRET"
    " | --keys-file FILE]\n"
    "                           [--data DIR] [--speed 1] [--seed 1] [--commission 0.001]\n"
    "                           [--weight-limit 6000] [--max-num-orders 200]"
    " [--max-num-algo-orders 5]\n"
    "                           [--metrics 127.0.0.1:9097]\n"
    "                           [--latency-ms 0] [--http-5xx-next N] [--unknown-status-next-orders "
    "N]\n"
    "                           [--drop-connection-next-orders N] [--reject-next-stop-orders N]\n"
    "                           [--rate-limit-burst N] [--fault-rate P] [--fault-seed S]\n"
    "                           [--fault-kinds http_5xx,unknown_status,drop_connection,reject_stop,"
    "rate_limit]\n";

/// A fault counter flag: 0..1000000, like the admin endpoint accepts.
int faultCount(const std::string& value) {
    const int count = std::stoi(value);
    if (count < 0 || count > 1'000'000) {
        throw std::invalid_argument("a fault count must be in 0..1000000");
    }
    return count;
}

/// Applies one fault flag (the admin endpoint's fields, spelled as flags); false if unknown.
bool applyFaultFlag(std::string_view flag, const std::string& value, robson::sim::Faults& faults) {
    if (flag == "--latency-ms") {
        faults.latency_ms = faultCount(value);
    } else if (flag == "--http-5xx-next") {
        faults.http_5xx_next = faultCount(value);
    } else if (flag == "--unknown-status-next-orders") {
        faults.unknown_status_next_orders = faultCount(value);
    } else if (flag == "--drop-connection-next-orders") {
        faults.drop_connection_next_orders = faultCount(value);
    } else if (flag == "--reject-next-stop-orders") {
        faults.reject_next_stop_orders = faultCount(value);
    } else if (flag == "--rate-limit-burst") {
        faults.rate_limit_burst = faultCount(value);
    } else if (flag == "--fault-rate") {
        faults.rate = std::stod(value);
    } else if (flag == "--fault-seed") {
        faults.seed = std::stoull(value);
    } else if (flag == "--fault-kinds") {
        auto kinds = robson::sim::parseFaultKindList(value);
        if (!kinds) {
            return false;
        }
        faults.kinds = std::move(*kinds);
    } else {
        return false;
    }
    return true;
}

/// Reads api_key=... and api_secret=... lines; returns false when the file cannot be read.
bool readKeysFile(const std::string& path, robson::sim::SimConfig& config) {
    std::ifstream file(path);
    if (!file) {
        return false;
    }
    std::string line;
    while (std::getline(file, line)) {
        if (line.starts_with("api_key=")) {
            config.api_key = line.substr(8);
        } else if (line.starts_with("api_secret=")) {
            config.api_secret = line.substr(11);
        }
    }
    return true;
}

/// Applies one "--flag value"; false for an unknown flag.
bool applyFlag(std::string_view flag, const std::string& value, robson::sim::SimConfig& config) {
    if (flag == "--host") {
        config.host = value;
    } else if (flag == "--port") {
        config.port = static_cast<std::uint16_t>(std::stoul(value));
    } else if (flag == "--api-key") {
        config.api_key = value;
    } else if (flag == "--api-secret") {
        config.api_secret = value;
    } else if (flag == "--keys-file") {
        return readKeysFile(value, config);
    } else if (flag == "--data") {
        config.data_dir = value;
    } else if (flag == "--speed") {
        config.speed = std::stod(value);
    } else if (flag == "--seed") {
        config.seed = std::stoull(value);
    } else if (flag == "--commission") {
        config.commission = value;
    } else if (flag == "--weight-limit") {
        config.weight_limit = std::stoi(value);
    } else if (flag == "--max-num-orders") {
        config.max_num_orders = std::stoi(value);
    } else if (flag == "--max-num-algo-orders") {
        config.max_num_algo_orders = std::stoi(value);
    } else if (flag == "--metrics") {
        config.metrics_address = value;
    } else {
        return applyFaultFlag(flag, value, config.faults);
    }
    return true;
}

std::optional<robson::sim::SimConfig> parseArgs(std::span<char*> args) {
    robson::sim::SimConfig config;
    config.data_dir = ROBSON_SIM_DEFAULT_DATA;
    for (std::size_t i = 1; i < args.size(); i += 2) {
        try {
            if (i + 1 >= args.size() || !applyFlag(args[i], args[i + 1], config)) {
                return std::nullopt;
            }
        } catch (const std::logic_error&) {  // a number that does not parse or fit: usage
            return std::nullopt;
        }
    }
    const double rate = config.faults.rate;
    const auto in_range = [](int limit) { return limit >= 1 && limit <= 1'000'000; };
    const bool orders_ok = in_range(config.max_num_orders) && in_range(config.max_num_algo_orders);
    if (config.speed <= 0.0 || config.weight_limit <= 0 || !orders_ok ||
        !(rate >= 0.0 && rate <= 1.0)) {
        return std::nullopt;
    }
    return config;
}

}  // namespace

int main(int argc, char** argv) {
    robson::logging::setService("sim");
    try {
        const auto config = parseArgs(std::span<char*>(argv, static_cast<std::size_t>(argc)));
        if (!config) {
            std::cerr << kUsage;
            return 2;
        }
        // Block the stop signals before any thread starts, so only sigwait sees them.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
        std::signal(SIGPIPE, SIG_IGN);  // NOLINT(cert-err33-c)

        auto served = *config;
        std::unique_ptr<robson::metrics::MetricsServer> metrics_server;
        if (!served.metrics_address.empty()) {
            served.metrics_registry = std::make_shared<prometheus::Registry>();
            metrics_server = std::make_unique<robson::metrics::MetricsServer>(
                served.metrics_address, served.metrics_registry);
        }
        robson::sim::SimServer server(served);
        server.start();
        for (const std::string& warning : server.warnings()) {
            robson::logging::logEvent("warning", "data_skipped", {{"detail", warning}});
        }
        std::cout << "robson-exchange-sim listening on " << server.baseUrl() << std::endl;
        if (metrics_server) {
            std::cout << "robson-exchange-sim metrics on http://127.0.0.1:"
                      << metrics_server->port() << "/metrics" << std::endl;
        }
        robson::logging::logEvent("info", "sim_started", {{"url", server.baseUrl()}});
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
        robson::logging::logEvent("info", "sim_stopped");
        return 0;
    } catch (const std::exception& error) {
        robson::logging::logEvent("error", "sim_failed", {{"error", error.what()}});
        return 1;
    }
}
