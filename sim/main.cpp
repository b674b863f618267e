// robson-exchange-sim: the command line of docs/exchange-simulator.md.
#include "robson/sim/http/sim_server.hpp"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <pthread.h>
#include <span>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view kUsage =
    "usage: robson-exchange-sim [--host 127.0.0.1] [--port 0] [--api-key KEY --api-secret SECRET"
    " | --keys-file FILE]\n"
    "                           [--data DIR] [--speed 1] [--seed 1] [--commission 0.001]\n"
    "                           [--latency-ms 0] [--fault-seed N] [--weight-limit 6000]\n";

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
    } else if (flag == "--latency-ms") {
        config.latency_ms = std::stoll(value);
    } else if (flag == "--fault-seed") {
        config.fault_seed = std::stoull(value);
    } else if (flag == "--weight-limit") {
        config.weight_limit = std::stoi(value);
    } else {
        return false;
    }
    return true;
}

std::optional<robson::sim::SimConfig> parseArgs(std::span<char*> args) {
    robson::sim::SimConfig config;
    config.data_dir = ROBSON_SIM_DEFAULT_DATA;
    for (std::size_t i = 1; i < args.size(); i += 2) {
        if (i + 1 >= args.size() || !applyFlag(args[i], args[i + 1], config)) {
            return std::nullopt;
        }
    }
    if (config.speed <= 0.0 || config.latency_ms < 0 || config.weight_limit <= 0) {
        return std::nullopt;
    }
    return config;
}

}  // namespace

int main(int argc, char** argv) {
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

        robson::sim::SimServer server(*config);
        server.start();
        for (const std::string& warning : server.warnings()) {
            std::cerr << "robson-exchange-sim: " << warning << '\n';
        }
        std::cout << "robson-exchange-sim listening on " << server.baseUrl() << std::endl;
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
        std::cerr << "robson-exchange-sim: stopped\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "robson-exchange-sim: " << error.what() << '\n';
        return 1;
    }
}
