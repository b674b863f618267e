#pragma once
// What every API command shares: the global options (--server, --token, --json, --help), where
// the server and the token come from, and how failures become messages and exit codes.

#include "api_client.hpp"
#include "cli_config.hpp"
#include "command_line.hpp"

#include <filesystem>
#include <functional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace robson::cli {

/// The API's address when nothing says otherwise (robson-api's default port on this machine).
inline constexpr const char* kDefaultServer = "http://127.0.0.1:8080";

/// One API command: its usage text (printed by --help) and the options it accepts besides the
/// global ones.
struct CommandSpec {
    std::string name;
    std::string usage;
    std::set<std::string> values;
    std::set<std::string> flags;
};

/// The server and token after precedence (flag > environment > config file > default).
struct ApiSettings {
    ApiEndpoint endpoint;
    ApiCredentials credentials;
    std::filesystem::path config_path;
    CliConfig config;  ///< the config file as read (empty when missing)
};

/// Resolves the settings for a parsed command line. The config file's tokens are used only
/// for the server they were issued by, so `--server` never leaks them to another host.
/// Throws ConfigError for an unreadable config file unless `tolerate_bad_config` (login, which
/// rewrites it).
[[nodiscard]] ApiSettings resolveApiSettings(const CommandLine& line, bool tolerate_bad_config);

/// What a command body gets.
struct ApiContext {
    const CommandLine& line;
    ApiSettings& settings;
    ApiClient& client;
    bool json;  ///< --json: print the API's JSON bodies instead of tables
    std::ostream& out;
    std::ostream& err;
};

using ApiCommandBody = std::function<int(ApiContext&)>;

/// Parses `args` for `spec`, prints the usage for --help/-h, resolves the settings, runs `body`
/// and turns every failure into a message on `err` and its exit code (see `robson help`).
int runApiCommand(const CommandSpec& spec,
                  const std::vector<std::string>& args,
                  std::ostream& out,
                  std::ostream& err,
                  const ApiCommandBody& body,
                  bool tolerate_bad_config = false);

/// An intent id from the command line, checked so it cannot reshape the request path.
[[nodiscard]] std::string intentIdArgument(const CommandLine& line, const std::string& command);

/// Prints a 2xx JSON body for --json (pretty, two-space indent).
void printJson(const nlohmann::json& body, std::ostream& out);

}  // namespace robson::cli
