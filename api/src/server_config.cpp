#include "robson/api/server_config.hpp"

#include <charconv>
#include <map>

namespace robson::api {

namespace {

/// A whole number in [min, max], or nullopt.
std::optional<std::int64_t> parseInteger(const std::string& text,
                                         std::int64_t min,
                                         std::int64_t max) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

ServerConfig defaultServerConfig(const EnvironmentLookup& environment) {
    ServerConfig config;
    config.openapi_path = ROBSON_API_DEFAULT_OPENAPI;
    if (auto url = environment("DATABASE_URL")) {
        config.database_url = *url;
    }
    if (auto broker = environment("ROBSON_BROKER")) {
        config.broker = *broker;
    }
    if (auto exchange = environment("ROBSON_EXCHANGE_URL")) {
        config.exchange_url = *exchange;
    }
    if (auto secret = environment("ROBSON_JWT_SECRET")) {
        config.jwt_secret = *secret;
    }
    if (auto web_root = environment("ROBSON_WEB_ROOT")) {
        config.web_root = *web_root;
    }
    return config;
}

std::optional<std::string> applyServerFlags(std::span<const std::string> args,
                                            ServerConfig& config) {
    using Setter = std::function<bool(const std::string&)>;
    const auto milliseconds = [](std::chrono::milliseconds& target, std::int64_t max) {
        return Setter([&target, max](const std::string& value) {
            const auto parsed = parseInteger(value, 0, max);
            if (parsed) {
                target = std::chrono::milliseconds(*parsed);
            }
            return parsed.has_value();
        });
    };
    const std::map<std::string, Setter, std::less<>> setters{
        {"--port",
         [&config](const std::string& value) {
             const auto port = parseInteger(value, 0, 65535);
             if (port) {
                 config.port = static_cast<std::uint16_t>(*port);
             }
             return port.has_value();
         }},
        {"--bind",
         [&config](const std::string& value) {
             config.bind = value;
             return !value.empty();
         }},
        {"--database",
         [&config](const std::string& value) {
             config.database_url = value;
             return !value.empty();
         }},
        {"--broker",
         [&config](const std::string& value) {
             config.broker = value;
             return !value.empty();
         }},
        {"--exchange",
         [&config](const std::string& value) {
             config.exchange_url = value;
             return !value.empty();
         }},
        {"--jwt-secret-file",
         [&config](const std::string& value) {
             config.jwt_secret_file = value;
             return !value.empty();
         }},
        {"--web-root",
         [&config](const std::string& value) {
             config.web_root = value;
             return !value.empty();
         }},
        {"--openapi",
         [&config](const std::string& value) {
             config.openapi_path = value;
             return !value.empty();
         }},
        {"--metrics",
         [&config](const std::string& value) {
             config.metrics_address = value;
             return !value.empty();
         }},
        {"--plan-wait-ms", milliseconds(config.plan_wait, 600'000)},
        {"--execute-wait-ms", milliseconds(config.execute_wait, 600'000)},
        {"--max-backlog",
         [&config](const std::string& value) {
             const auto backlog = parseInteger(value, 0, 100'000'000);
             if (backlog) {
                 config.max_backlog = *backlog;
             }
             return backlog.has_value();
         }},
        {"--max-connections",
         [&config](const std::string& value) {
             const auto connections = parseInteger(value, 1, 100'000);
             if (connections) {
                 config.max_connections = static_cast<std::size_t>(*connections);
             }
             return connections.has_value();
         }},
        {"--head-timeout-ms", milliseconds(config.head_timeout, 600'000)},
        {"--max-threads",
         [&config](const std::string& value) {
             const auto threads = parseInteger(value, 1, 1024);
             if (threads) {
                 config.max_threads = static_cast<int>(*threads);
             }
             return threads.has_value();
         }},
    };
    for (std::size_t i = 0; i < args.size(); i += 2) {
        const auto setter = setters.find(args[i]);
        if (setter == setters.end()) {
            return "unknown option " + args[i];
        }
        if (i + 1 >= args.size()) {
            return "option " + args[i] + " needs a value";
        }
        if (!setter->second(args[i + 1])) {
            return "bad value for " + args[i] + ": " + args[i + 1];
        }
    }
    return std::nullopt;
}

}  // namespace robson::api
