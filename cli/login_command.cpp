// `robson login`: trades a username and password for the API's tokens and keeps them (and the
// server they belong to) in the config file, mode 0600.
#include "api_command.hpp"
#include "api_commands.hpp"
#include "json_text.hpp"

#include <termios.h>
#include <unistd.h>

namespace robson::cli {
namespace {

using nlohmann::json;

const CommandSpec kLoginSpec{
    "login",
    R"(usage: robson login [--username U] [--password P | --password-stdin] [--server URL]

Signs in to the Robson API and stores the access and refresh tokens with the server URL in
$ROBSON_CONFIG, else $XDG_CONFIG_HOME/robson/config.json, else ~/.config/robson/config.json
(mode 0600). Later commands use them; an expired access token is refreshed automatically.

  --username U        asked for on a terminal when missing
  --password P        visible to other users in the process list: prefer the prompt (no echo)
  --password-stdin    read the password from the first line of standard input (scripts)
  --server URL        the API (default: $ROBSON_API_URL, the stored server, http://127.0.0.1:8080)

exit: 0 signed in, 2 missing username/password without a terminal to ask on,
      5 API unreachable, 6 wrong username or password
)",
    {"username", "password"},
    {"password-stdin"}};

std::string withoutLineEnd(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    return text;
}

std::string askLine(Console& console, std::ostream& err, const std::string& prompt) {
    err << prompt << std::flush;
    std::string answer;
    std::getline(console.in, answer);
    return withoutLineEnd(answer);
}

/// Reads a line with the terminal's echo off, restoring the terminal even if reading fails.
std::string askSecret(Console& console, std::ostream& err, const std::string& prompt) {
    termios saved{};
    const bool tty = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    std::string answer = askLine(console, err, prompt);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err << "\n";  // the Enter the person typed was not echoed
    }
    return answer;
}

std::string username(const CommandLine& line, Console& console, std::ostream& err) {
    if (const auto given = line.value("username")) {
        return *given;
    }
    if (!console.interactive) {
        throw UsageError("login needs --username (no terminal to ask on)");
    }
    return askLine(console, err, "Username: ");
}

std::string password(const CommandLine& line, Console& console, std::ostream& err) {
    const auto given = line.value("password");
    if (given && line.flag("password-stdin")) {
        throw UsageError("give either --password or --password-stdin, not both");
    }
    if (given) {
        return *given;
    }
    if (line.flag("password-stdin")) {
        std::string text;
        std::getline(console.in, text);
        return withoutLineEnd(text);
    }
    if (!console.interactive) {
        throw UsageError("login needs a password: --password-stdin (or run it on a terminal)");
    }
    return askSecret(console, err, "Password: ");
}

}  // namespace

int runLogin(const std::vector<std::string>& args,
             Console console,
             std::ostream& out,
             std::ostream& err) {
    const auto body = [&console](ApiContext& context) {
        if (!context.line.positionals().empty()) {
            throw UsageError("login takes no arguments (got '" +
                             context.line.positionals().front() + "')");
        }
        if (context.line.value("token")) {
            throw UsageError("login gets its own token; --token is for the other commands");
        }
        const std::string user = username(context.line, console, context.err);
        const std::string secret = password(context.line, console, context.err);
        if (user.empty() || secret.empty()) {
            throw UsageError("login needs a non-empty username and password");
        }
        const ApiReply reply = context.client.postAnonymous(
            "/api/auth/token/", {{"username", user}, {"password", secret}});
        const json& tokens = requireObject(reply).json;
        CliConfig config = context.settings.config;
        config.server = context.client.server();
        config.username = user;
        config.access = field(tokens, "access", "");
        config.refresh = field(tokens, "refresh", "");
        if (!member(tokens, "access").is_string() || config.access.empty()) {
            throw ApiError(kExitExchange, "unexpected answer from the API: no access token");
        }
        saveConfig(context.settings.config_path, config);
        if (context.json) {
            // Never the tokens themselves: --json output ends up in logs.
            printJson({{"username", user},
                       {"server", config.server},
                       {"config", context.settings.config_path.string()},
                       {"expires_in", member(tokens, "expires_in")}},
                      context.out);
        } else {
            context.out << "Logged in to " << config.server << " as " << user
                        << ". Tokens saved in " << context.settings.config_path.string()
                        << " (access expires in " << field(tokens, "expires_in")
                        << " s; renewed automatically).\n";
        }
        return kExitOk;
    };
    // A corrupt config file must not lock the person out of the command that rewrites it.
    return runApiCommand(kLoginSpec, args, out, err, body, true);
}

}  // namespace robson::cli
