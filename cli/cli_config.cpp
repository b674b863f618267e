#include "cli_config.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace robson::cli {
namespace {

/// strerror() is not thread-safe; the error category's message is the same text.
std::string systemError(int code) {
    return std::generic_category().message(code);
}

std::string envOrEmpty(const char* name) {
    const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): single-threaded CLI
    return value == nullptr ? std::string() : std::string(value);
}

std::filesystem::path homeDirectory() {
    if (auto home = envOrEmpty("HOME"); !home.empty()) {
        return home;
    }
    // NOLINTNEXTLINE(concurrency-mt-unsafe): called once, before any thread exists
    if (const passwd* entry = getpwuid(getuid()); entry != nullptr && entry->pw_dir != nullptr) {
        return entry->pw_dir;
    }
    throw ConfigError("cannot find the home directory (set HOME or ROBSON_CONFIG)");
}

std::string stringField(const nlohmann::json& document, const char* key) {
    const auto found = document.find(key);
    if (found == document.end() || found->is_null()) {
        return {};
    }
    if (!found->is_string()) {
        throw ConfigError(std::string("field '") + key + "' is not a string");
    }
    return found->get<std::string>();
}

/// Writes `text` to a new file beside `path` and renames it over `path`, so a crash never
/// leaves half a config (and the tokens in it) behind.
void writeAtomically(const std::filesystem::path& path, const std::string& text) {
    const std::filesystem::path temporary = path.string() + ".tmp." + std::to_string(getpid());
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-vararg): POSIX open takes the mode as varargs
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw ConfigError("cannot write " + temporary.string() + ": " + systemError(errno));
    }
    ::fchmod(fd, 0600);  // O_TRUNC on a leftover file keeps its old mode
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const std::string reason = systemError(errno);
            ::close(fd);
            ::unlink(temporary.c_str());
            throw ConfigError("cannot write " + temporary.string() + ": " + reason);
        }
        written += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    if (!synced || !closed || ::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string reason = systemError(errno);
        ::unlink(temporary.c_str());
        throw ConfigError("cannot save " + path.string() + ": " + reason);
    }
}

}  // namespace

std::filesystem::path configPath() {
    if (auto explicit_path = envOrEmpty("ROBSON_CONFIG"); !explicit_path.empty()) {
        return explicit_path;
    }
    if (auto xdg = envOrEmpty("XDG_CONFIG_HOME"); !xdg.empty()) {
        return std::filesystem::path(xdg) / "robson" / "config.json";
    }
    return homeDirectory() / ".config" / "robson" / "config.json";
}

CliConfig loadConfig(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        return {};
    }
    std::ifstream file(path);
    if (!file) {
        throw ConfigError("cannot read " + path.string());
    }
    std::stringstream text;
    text << file.rdbuf();
    const auto document = nlohmann::json::parse(text.str(), nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        throw ConfigError(path.string() + " is not a JSON object (fix it or run robson login)");
    }
    try {
        CliConfig config;
        config.server = stringField(document, "server");
        config.username = stringField(document, "username");
        config.access = stringField(document, "access");
        config.refresh = stringField(document, "refresh");
        return config;
    } catch (const ConfigError& bad) {
        throw ConfigError(path.string() + ": " + bad.what());
    }
}

void saveConfig(const std::filesystem::path& path, const CliConfig& config) {
    if (const auto directory = path.parent_path(); !directory.empty()) {
        std::error_code error;
        if (!std::filesystem::exists(directory, error)) {
            // The leaf directory is ours (…/robson): private, like the file.
            std::filesystem::create_directories(directory.parent_path(), error);
            if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) {
                throw ConfigError("cannot create " + directory.string() + ": " +
                                  systemError(errno));
            }
        }
    }
    const nlohmann::json document = {{"server", config.server},
                                     {"username", config.username},
                                     {"access", config.access},
                                     {"refresh", config.refresh}};
    writeAtomically(path, document.dump(2) + "\n");
}

std::string normalizeServerUrl(std::string url) {
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

}  // namespace robson::cli
