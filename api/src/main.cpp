// robson-api: the HTTP API (docs/api-contract.md), and `robson-api add-user` to seed logins.
#include "robson/api/api_server.hpp"
#include "robson/api/exchange_keys_admin.hpp"
#include "robson/api/server_config.hpp"
#include "robson/api/user_admin.hpp"
#include "robson/logging/log_event.hpp"
#include "robson/metrics/metrics_server.hpp"
#include "robson/secrets/secret_box.hpp"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <pthread.h>
#include <span>
#include <string>
#include <vector>

namespace {

std::optional<std::string> environment(std::string_view name) {
    const char* value = std::getenv(std::string(name).c_str());  // NOLINT(concurrency-mt-unsafe)
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    return std::string(value);
}

/// add-user [--database URL] --tenant NAME --username USER --password PASS
int addUserCommand(std::span<const std::string> args) {
    std::map<std::string, std::string> values;
    if (auto url = environment("DATABASE_URL")) {
        values["--database"] = *url;
    }
    for (std::size_t i = 0; i < args.size(); i += 2) {
        const std::string& flag = args[i];
        if ((flag != "--database" && flag != "--tenant" && flag != "--username" &&
             flag != "--password") ||
            i + 1 >= args.size()) {
            std::cerr << robson::api::kServerUsage;
            return 2;
        }
        values[flag] = args[i + 1];
    }
    for (const char* required : {"--database", "--tenant", "--username", "--password"}) {
        if (values.count(required) == 0) {
            std::cerr << "robson-api add-user: " << required << " is required\n"
                      << robson::api::kServerUsage;
            return 2;
        }
    }
    const auto added = robson::api::addUser(
        values["--database"], values["--tenant"], values["--username"], values["--password"]);
    std::cout << "robson-api: user '" << values["--username"] << "' "
              << (added.created ? "created" : "password updated") << " in tenant '"
              << values["--tenant"] << "'\n";
    return 0;
}

/// set-exchange-keys [--database URL] --tenant NAME --exchange simulator|binance-testnet|binance
/// The API key and secret are read from stdin, one per line: arguments show in `ps`.
int setExchangeKeysCommand(std::span<const std::string> args) {
    std::map<std::string, std::string> values;
    if (auto url = environment("DATABASE_URL")) {
        values["--database"] = *url;
    }
    for (std::size_t i = 0; i < args.size(); i += 2) {
        const std::string& flag = args[i];
        if ((flag != "--database" && flag != "--tenant" && flag != "--exchange") ||
            i + 1 >= args.size()) {
            std::cerr << "usage: robson-api set-exchange-keys [--database URL] --tenant NAME "
                         "--exchange simulator|binance-testnet|binance  (key and secret on "
                         "stdin, one per line; needs ROBSON_SECRET_KEY)\n";
            return 2;
        }
        values[flag] = args[i + 1];
    }
    for (const char* required : {"--database", "--tenant", "--exchange"}) {
        if (values.count(required) == 0) {
            std::cerr << "robson-api set-exchange-keys: " << required << " is required\n";
            return 2;
        }
    }
    robson::store::ExchangeKeys keys;
    std::getline(std::cin, keys.api_key);
    std::getline(std::cin, keys.api_secret);
    try {
        robson::api::setExchangeKeys(
            values["--database"], values["--tenant"], values["--exchange"], keys);
    } catch (const std::exception& error) {
        std::cerr << "robson-api set-exchange-keys: " << error.what() << "\n";
        return 2;
    }
    std::cout << "robson-api: " << values["--exchange"] << " keys stored (encrypted) for tenant '"
              << values["--tenant"] << "'\n";
    return 0;
}

int serve(std::span<const std::string> args) {
    robson::api::ServerConfig config = robson::api::defaultServerConfig(environment);
    if (const auto error = robson::api::applyServerFlags(args, config)) {
        std::cerr << "robson-api: " << *error << '\n' << robson::api::kServerUsage;
        return 2;
    }
    if (config.database_url.empty()) {
        std::cerr << "robson-api: no database: give --database URL or set DATABASE_URL\n";
        return 2;
    }
    // Block the stop signals before any thread starts, so only sigwait sees them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);  // NOLINT(cert-err33-c)

    robson::logging::setService("api");
    std::unique_ptr<robson::metrics::MetricsServer> metrics_server;
    if (!config.metrics_address.empty()) {
        config.metrics_registry = std::make_shared<prometheus::Registry>();
        metrics_server = std::make_unique<robson::metrics::MetricsServer>(config.metrics_address,
                                                                          config.metrics_registry);
    }
    robson::api::ApiServer server(config);
    server.start();
    std::cout << "robson-api listening on http://" << config.bind << ":" << server.port()
              << std::endl;
    if (metrics_server) {
        std::cout << "robson-api metrics on http://127.0.0.1:" << metrics_server->port()
                  << "/metrics" << std::endl;
    }
    robson::logging::logEvent("info", "api_started", {{"port", server.port()}});
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
    robson::logging::logEvent("info", "api_stopped");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::span<char*> raw(argv, static_cast<std::size_t>(argc));
        std::vector<std::string> args(raw.begin() + 1, raw.end());
        if (!args.empty() && args.front() == "set-exchange-keys") {
            return setExchangeKeysCommand(std::span<const std::string>(args).subspan(1));
        }
        if (!args.empty() && args.front() == "new-secret-key") {
            std::cout << robson::secrets::SecretBox::generateHexKey() << "\n";
            return 0;
        }
        if (!args.empty() && args.front() == "add-user") {
            return addUserCommand(std::span<const std::string>(args).subspan(1));
        }
        if (!args.empty() && (args.front() == "--help" || args.front() == "help")) {
            std::cout << robson::api::kServerUsage;
            return 0;
        }
        return serve(args);
    } catch (const std::exception& error) {
        robson::logging::logEvent("error", "api_failed", {{"error", error.what()}});
        return 1;
    }
}
