#pragma once
// The one place the CLI talks HTTP to the Robson API (docs/api-contract.md): requests with the
// bearer token, one transparent token refresh, and the mapping of every failure to an exit code.

#include "cli_config.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace robson::cli {

/// One HTTP answer. `json` is discarded (is_discarded()) when the body is not JSON.
struct ApiReply {  // NOLINT(bugprone-exception-escape): nlohmann::json may allocate
    int status = 0;
    std::string body;
    nlohmann::json json;
    std::optional<std::string> retry_after;  ///< the Retry-After header, verbatim

    [[nodiscard]] bool ok() const { return status >= 200 && status < 300; }
};

/// A failure the command reports and turns into its exit code: an API error answer
/// (`detail` and `code` from the body), an unreachable server or an unusable answer.
class ApiError : public std::runtime_error {
public:
    ApiError(int exit_code, const std::string& message, std::string code = {})
        : std::runtime_error(message), exit_code_(exit_code), code_(std::move(code)) {}

    [[nodiscard]] int exitCode() const { return exit_code_; }
    [[nodiscard]] const std::string& code() const { return code_; }
    [[nodiscard]] int httpStatus() const { return http_status_; }
    [[nodiscard]] const std::optional<std::string>& retryAfter() const { return retry_after_; }
    /// The error body when it was JSON (printed as is by --json), else null.
    [[nodiscard]] const nlohmann::json& body() const { return body_; }

    /// The error an API answer stands for (status, detail, code, Retry-After).
    static ApiError fromReply(const ApiReply& reply);

private:
    int exit_code_;
    std::string code_;
    int http_status_ = 0;
    std::optional<std::string> retry_after_;
    nlohmann::json body_;
};

/// The exit code for an HTTP error status and the API's error `code` (see `robson help`).
[[nodiscard]] int exitCodeFor(int http_status, const std::string& code);

/// Where the API is and how long to wait for it.
struct ApiEndpoint {
    std::string server = "http://127.0.0.1:8080";
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds read_timeout{60000};
};

/// The token to send and, when it came from the config file, how to renew it.
struct ApiCredentials {
    std::string access;  ///< empty: send no Authorization header (the API answers 401)
    /// Set only when `access` came from the config file: its refresh token is tried once on
    /// 401 token_expired, and the new access token is written back to `config_path`.
    std::optional<CliConfig> stored;
    std::filesystem::path config_path;
};

/// Blocking JSON-over-HTTP calls. One connection per request (no keep-alive): a POST is never
/// re-sent over a connection the server may have closed, so an execute cannot go out twice.
class ApiClient {
public:
    ApiClient(ApiEndpoint endpoint, ApiCredentials credentials);

    /// The answer whatever its status; throws ApiError (exit 5) when the server cannot be
    /// reached or does not answer in time. Retries once after a token refresh on 401
    /// token_expired.
    ApiReply get(const std::string& path_and_query);
    ApiReply post(const std::string& path, const nlohmann::json& body);
    ApiReply put(const std::string& path, const nlohmann::json& body);

    /// get()/post() that throw ApiError::fromReply unless the status is 2xx with a JSON object.
    ApiReply getOk(const std::string& path_and_query);
    ApiReply postOk(const std::string& path, const nlohmann::json& body);
    ApiReply putOk(const std::string& path, const nlohmann::json& body);

    /// POST without a token and without the refresh dance (login, refresh itself).
    ApiReply postAnonymous(const std::string& path, const nlohmann::json& body);

    [[nodiscard]] const std::string& server() const { return endpoint_.server; }
    [[nodiscard]] bool hasToken() const { return !credentials_.access.empty(); }

private:
    ApiReply call(const std::string& method,
                  const std::string& target,
                  const std::optional<std::string>& body);
    [[nodiscard]] ApiReply send(const std::string& method,
                                const std::string& target,
                                const std::optional<std::string>& body,
                                bool with_token) const;
    bool refreshAccessToken();

    ApiEndpoint endpoint_;
    ApiCredentials credentials_;
    std::string host_;
    std::uint16_t port_ = 0;
    std::string base_path_;  ///< a path prefix in the server URL ("http://h/robson"), or ""
    bool refreshed_ = false;
};

/// Throws ApiError::fromReply unless the reply is 2xx with a JSON object body; a 2xx whose
/// body is not a JSON object is an unusable answer (exit 5).
const ApiReply& requireObject(const ApiReply& reply);

/// The array `key` of a 2xx object reply; an answer without it is unusable (ApiError, exit 5).
const nlohmann::json& requireArray(const ApiReply& reply, const char* key);

}  // namespace robson::cli
