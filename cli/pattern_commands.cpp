// `robson patterns`, `robson pattern-configs` and `robson autotrigger`: what the scanner found,
// what you asked it to do with it, and the switch that stops automatic execution.
#include "api_command.hpp"
#include "api_commands.hpp"
#include "json_text.hpp"
#include "pattern_arguments.hpp"
#include "pattern_printing.hpp"

namespace robson::cli {
namespace {

using nlohmann::json;

const CommandSpec kPatternsSpec{
    "patterns",
    R"(usage: robson patterns [--symbol SYM] [--timeframe T] [--pattern P] [--state S]
                       [--page N] [--page-size N] [--server URL] [--token T] [--json]

The chart patterns the scanner found (shared by everyone), newest first, with the intents they
made for you.

  --symbol SYM     e.g. BTCUSDT
  --timeframe T    1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d
  --pattern P      MA_CROSSOVER, GOLDEN_CROSS, BOLLINGER_RSI, HAMMER, BULLISH_ENGULFING,
                   BEARISH_ENGULFING
  --state S        DETECTED, CONFIRMED, CONSUMED, EXPIRED, INVALIDATED
  --page N         from 1 (default 1)
  --page-size N    1 to 100 (default 20)
)",
    {"symbol", "timeframe", "pattern", "state", "page", "page-size"},
    {}};

const CommandSpec kPatternConfigsSpec{
    "pattern-configs",
    R"(usage: robson pattern-configs [--server URL] [--token T] [--json]

Your pattern configurations: which confirmed patterns become intents, on which symbols and
timeframes, with what capital, and whether they wait for you (manual) or execute on their own
(auto_dry_run, auto_live). Create and change them in the web UI or with the API
(/api/pattern-configs/).
)",
    {},
    {}};

const CommandSpec kAutotriggerSpec{
    "autotrigger",
    R"(usage: robson autotrigger on|off|status [--server URL] [--token T] [--json]

Automatic execution of confirmed patterns (configurations in auto_dry_run or auto_live mode).

  status   whether it is on, the daily cap, the cooldown, how many started today
  off      the kill switch: no automatic execution starts from now on; pattern intents wait
           for you to execute or cancel them
  on       automatic execution again, within the daily cap and the cooldown

Each change is written to the audit trail with your name.
)",
    {},
    {}};

constexpr int kMaxPageSize = 100;

void requireNoPositionals(const CommandLine& line, const std::string& command) {
    if (!line.positionals().empty()) {
        throw UsageError(command + " takes no arguments (got '" + line.positionals().front() +
                         "')");
    }
}

std::string patternsQuery(const CommandLine& line) {
    std::vector<std::pair<std::string, std::string>> pairs;
    if (const auto symbol = line.value("symbol")) {
        pairs.emplace_back("symbol", symbolArgument(*symbol, "--symbol"));
    }
    if (const auto timeframe = line.value("timeframe")) {
        pairs.emplace_back("timeframe", timeframeArgument(*timeframe));
    }
    if (const auto pattern = line.value("pattern")) {
        pairs.emplace_back("pattern", patternArgument(*pattern));
    }
    if (const auto state = line.value("state")) {
        pairs.emplace_back("state", patternStateArgument(*state));
    }
    if (const auto page = line.value("page")) {
        pairs.emplace_back("page", std::to_string(parsePositiveInt(*page, "--page")));
    }
    if (const auto size = line.value("page-size")) {
        const int page_size = parsePositiveInt(*size, "--page-size");
        if (page_size > kMaxPageSize) {
            throw UsageError("--page-size must be between 1 and 100 (got '" + *size + "')");
        }
        pairs.emplace_back("page_size", std::to_string(page_size));
    }
    return queryString(pairs);
}

}  // namespace

int runPatterns(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runApiCommand(kPatternsSpec, args, out, err, [](ApiContext& context) {
        requireNoPositionals(context.line, "patterns");
        const ApiReply reply = context.client.get("/api/patterns/" + patternsQuery(context.line));
        requireArray(reply, "results");
        if (context.json) {
            printJson(reply.json, context.out);
        } else {
            printPatternPage(reply.json, context.out);
        }
        return kExitOk;
    });
}

int runPatternConfigs(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runApiCommand(kPatternConfigsSpec, args, out, err, [](ApiContext& context) {
        requireNoPositionals(context.line, "pattern-configs");
        const ApiReply reply = context.client.get("/api/pattern-configs/");
        const auto& results = requireArray(reply, "results");
        if (context.json) {
            printJson(reply.json, context.out);
        } else {
            printPatternConfigs(results, context.out);
        }
        return kExitOk;
    });
}

int runAutotrigger(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runApiCommand(kAutotriggerSpec, args, out, err, [](ApiContext& context) {
        const auto& positionals = context.line.positionals();
        const std::string action = positionals.size() == 1 ? positionals.front() : "";
        if (action != "on" && action != "off" && action != "status") {
            throw UsageError("autotrigger needs exactly one of on, off or status");
        }
        const ApiReply reply =
            action == "status"
                ? requireObject(context.client.get("/api/autotrigger/"))
                : context.client.putOk("/api/autotrigger/", {{"enabled", action == "on"}});
        if (context.json) {
            printJson(reply.json, context.out);
        } else {
            printAutotrigger(reply.json, context.out);
        }
        return kExitOk;
    });
}

}  // namespace robson::cli
