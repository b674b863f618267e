#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace robson::cli {

/// The config file is unreadable or not the JSON we wrote; the command exits 3 (bad data file)
/// instead of silently logging the person out.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What `robson login` remembers between runs. Empty strings mean "not stored".
struct CliConfig {
    std::string server;    ///< the API the tokens were issued by
    std::string username;  ///< shown in messages only
    std::string access;    ///< short-lived access token (JWT)
    std::string refresh;   ///< long-lived refresh token (JWT)
};

/// $ROBSON_CONFIG, else $XDG_CONFIG_HOME/robson/config.json, else ~/.config/robson/config.json.
[[nodiscard]] std::filesystem::path configPath();

/// The stored config, or an empty one when the file does not exist. Throws ConfigError when it
/// exists but cannot be read or parsed.
[[nodiscard]] CliConfig loadConfig(const std::filesystem::path& path);

/// Writes the file atomically (temporary file + rename) with mode 0600 — it holds bearer
/// tokens — creating its directory (mode 0700) when missing. Throws ConfigError on failure.
void saveConfig(const std::filesystem::path& path, const CliConfig& config);

/// "http://host:8080/" and "http://host:8080" are the same server: the trailing slashes go.
[[nodiscard]] std::string normalizeServerUrl(std::string url);

}  // namespace robson::cli
