#include "api_command.hpp"

#include <algorithm>
#include <cstdlib>

namespace robson::cli {
namespace {

const std::set<std::string> kGlobalValues = {"server", "token"};
const std::set<std::string> kGlobalFlags = {"json", "help"};

std::string envOrEmpty(const char* name) {
    const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): single-threaded CLI
    return value == nullptr ? std::string() : std::string(value);
}

std::set<std::string> merged(const std::set<std::string>& own, const std::set<std::string>& all) {
    std::set<std::string> result = own;
    result.insert(all.begin(), all.end());
    return result;
}

bool wantsHelp(const std::vector<std::string>& args) {
    return std::any_of(args.begin(), args.end(), [](const std::string& arg) {
        return arg == "--help" || arg == "-h";
    });
}

void printApiError(const ApiError& error,
                   const ApiSettings* settings,
                   const std::string& command,
                   std::ostream& err) {
    err << "robson " << command << ": " << error.what();
    if (!error.code().empty()) {
        err << " (" << error.code() << ")";
    }
    err << "\n";
    if (error.retryAfter()) {
        err << "robson " << command << ": the API is busy; retry after " << *error.retryAfter()
            << " s\n";
    }
    if (error.exitCode() == kExitAuth && command != "login") {
        std::string hint = "run robson login";
        if (settings != nullptr && settings->endpoint.server != kDefaultServer) {
            hint += " --server " + settings->endpoint.server;
        }
        err << "robson " << command << ": not authenticated: " << hint << "\n";
    }
}

int runBody(const CommandSpec& spec,
            const CommandLine& line,
            std::ostream& out,
            std::ostream& err,
            const ApiCommandBody& body,
            bool tolerate_bad_config) {
    ApiSettings settings = resolveApiSettings(line, tolerate_bad_config);
    ApiClient client(settings.endpoint, settings.credentials);
    ApiContext context{line, settings, client, line.flag("json"), out, err};
    try {
        return body(context);
    } catch (const ApiError& error) {
        if (context.json && !error.body().is_null()) {
            printJson(error.body(), out);
        }
        printApiError(error, &settings, spec.name, err);
        return error.exitCode();
    } catch (const nlohmann::json::exception& error) {
        err << "robson " << spec.name << ": unexpected answer from the API: " << error.what()
            << "\n";
        return kExitExchange;
    }
}

}  // namespace

ApiSettings resolveApiSettings(const CommandLine& line, bool tolerate_bad_config) {
    ApiSettings settings;
    settings.config_path = configPath();
    try {
        settings.config = loadConfig(settings.config_path);
    } catch (const ConfigError&) {
        if (!tolerate_bad_config) {
            throw;
        }
    }
    const std::string stored_server = normalizeServerUrl(
        settings.config.server.empty() ? kDefaultServer : settings.config.server);
    if (const auto flag = line.value("server")) {
        settings.endpoint.server = *flag;
    } else if (const auto env = envOrEmpty("ROBSON_API_URL"); !env.empty()) {
        settings.endpoint.server = env;
    } else {
        settings.endpoint.server = stored_server;
    }
    settings.endpoint.server = normalizeServerUrl(settings.endpoint.server);

    if (const auto flag = line.value("token")) {
        settings.credentials.access = *flag;
    } else if (const auto env = envOrEmpty("ROBSON_TOKEN"); !env.empty()) {
        settings.credentials.access = env;
    } else if (!settings.config.access.empty() && stored_server == settings.endpoint.server) {
        settings.credentials.access = settings.config.access;
        settings.credentials.stored = settings.config;
        settings.credentials.config_path = settings.config_path;
    }
    return settings;
}

int runApiCommand(const CommandSpec& spec,
                  const std::vector<std::string>& args,
                  std::ostream& out,
                  std::ostream& err,
                  const ApiCommandBody& body,
                  bool tolerate_bad_config) {
    if (wantsHelp(args)) {
        out << spec.usage;
        return kExitOk;
    }
    try {
        const CommandLine line(
            args, merged(spec.values, kGlobalValues), merged(spec.flags, kGlobalFlags));
        return runBody(spec, line, out, err, body, tolerate_bad_config);
    } catch (const UsageError& error) {
        err << "robson " << spec.name << ": " << error.what() << "\n(run 'robson " << spec.name
            << " --help' for usage)\n";
        return kExitUsage;
    } catch (const ApiError& error) {
        printApiError(error, nullptr, spec.name, err);
        return error.exitCode();
    } catch (const ConfigError& error) {
        err << "robson " << spec.name << ": config file: " << error.what() << "\n";
        return kExitBadData;
    } catch (const std::exception& error) {
        err << "robson " << spec.name << ": internal error: " << error.what() << "\n";
        return kExitFailure;
    }
}

std::string intentIdArgument(const CommandLine& line, const std::string& command) {
    if (line.positionals().size() != 1) {
        throw UsageError(command + " needs exactly one intent id");
    }
    const std::string& id = line.positionals().front();
    const bool safe =
        !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '_';
        });
    if (!safe) {
        throw UsageError("'" + id + "' is not an intent id (letters, digits, '-' and '_')");
    }
    return id;
}

void printJson(const nlohmann::json& body, std::ostream& out) {
    out << body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace robson::cli
