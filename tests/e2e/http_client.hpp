#pragma once
// A small JSON-over-HTTP client for end-to-end tests of the API.

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace robson::e2e {

struct HttpAnswer {
    int status = 0;
    nlohmann::json body;  ///< null when the body is not JSON
    std::string raw;
    std::map<std::string, std::string> headers;
};

/// One request to `base_url` + `target`. `body` is sent as JSON when not null; `token` as a
/// Bearer header when not empty. Never throws for HTTP errors (the status says); throws
/// Poco exceptions when the server cannot be reached.
HttpAnswer httpJson(const std::string& base_url,
                    const std::string& method,
                    const std::string& target,
                    const nlohmann::json& body = nullptr,
                    const std::string& token = "");

/// Runs a command, returns its exit status and what it printed (stdout and stderr).
struct CommandOutput {
    int status = 0;
    std::string output;
};
CommandOutput runCommand(const std::string& command);

}  // namespace robson::e2e
