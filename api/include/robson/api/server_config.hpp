#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace prometheus {
class Registry;
}

namespace robson::api {

/// Everything robson-api starts with. Plain value; the tests fill one directly.
struct ServerConfig {
    std::string bind = "127.0.0.1";
    std::uint16_t port = 8080;  ///< 0 picks a free port
    std::string database_url;
    std::string broker = "tcp://127.0.0.1:5555";
    std::string exchange_url = "http://127.0.0.1:8765";
    /// The HS256 key; empty → loaded from ROBSON_JWT_SECRET / jwt_secret_file (or generated).
    std::string jwt_secret;
    std::optional<std::filesystem::path> jwt_secret_file;
    std::optional<std::filesystem::path> web_root;
    std::filesystem::path openapi_path;  ///< api/openapi.yaml in the source tree by default
    std::chrono::milliseconds plan_wait{10'000};
    std::chrono::milliseconds execute_wait{30'000};
    std::chrono::milliseconds poll_interval{20};
    std::int64_t max_backlog = 5000;  ///< non-terminal jobs above this → 503 queue_full
    int max_threads = 32;
    int max_queued = 256;
    std::size_t max_body_bytes = std::size_t{64} * 1024;
    std::chrono::seconds db_connect_timeout{3};
    /// A kept-alive connection is closed after this without a next request (it waits at the
    /// connection gate, holding no thread).
    std::chrono::seconds keep_alive_timeout{5};
    std::chrono::seconds socket_timeout{15};
    /// --metrics HOST:PORT: where robson-api serves GET /metrics (not served when empty).
    std::string metrics_address;
    /// The registry the API's metrics are registered in (robson-api serves it on
    /// metrics_address); a private one when null, so the counting code never checks.
    std::shared_ptr<prometheus::Registry> metrics_registry;
    /// Connections open at once (receiving a request, kept alive between two, queued or
    /// served); one more is answered 503 queue_full and closed, unless an idle kept-alive
    /// connection can be closed for it. --max-connections.
    std::size_t max_connections = 512;
    /// The whole request, head and body, must arrive within this (of the accept, or of the
    /// first byte for a later request on a kept-alive connection), else 408: slow clients never
    /// hold a pool thread. --head-timeout-ms.
    std::chrono::milliseconds head_timeout{5000};
    /// A request head above this is answered 431.
    std::size_t max_head_bytes = std::size_t{16} * 1024;
};

/// The defaults above plus the environment: DATABASE_URL, ROBSON_BROKER, ROBSON_EXCHANGE_URL,
/// ROBSON_JWT_SECRET, ROBSON_WEB_ROOT.
using EnvironmentLookup = std::function<std::optional<std::string>(std::string_view)>;
[[nodiscard]] ServerConfig defaultServerConfig(const EnvironmentLookup& environment);

/// Applies "--flag value" pairs (see kServerUsage) over `config`; returns an error sentence for
/// an unknown flag, a missing value or a value out of range.
[[nodiscard]] std::optional<std::string> applyServerFlags(std::span<const std::string> args,
                                                          ServerConfig& config);

inline constexpr std::string_view kServerUsage =
    "usage: robson-api [--port 8080] [--bind 127.0.0.1] [--database URL]\n"
    "                  [--broker tcp://127.0.0.1:5555] [--exchange URL] [--jwt-secret-file FILE]\n"
    "                  [--web-root DIR] [--openapi FILE] [--plan-wait-ms 10000]\n"
    "                  [--execute-wait-ms 30000] [--max-backlog 5000] [--max-threads 32]\n"
    "                  [--metrics 127.0.0.1:9098]\n"
    "                  [--max-connections 512] [--head-timeout-ms 5000]\n"
    "       robson-api add-user [--database URL] --tenant NAME --username USER --password PASS\n"
    "       robson-api set-exchange-keys [--database URL] --tenant NAME --exchange EXCHANGE\n"
    "                  (API key and secret on stdin, one per line; needs ROBSON_SECRET_KEY)\n"
    "       robson-api new-secret-key      (prints a fresh ROBSON_SECRET_KEY)\n"
    "environment: DATABASE_URL, ROBSON_BROKER, ROBSON_EXCHANGE_URL, ROBSON_JWT_SECRET,\n"
    "             ROBSON_WEB_ROOT\n";

}  // namespace robson::api
