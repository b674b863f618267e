// `robson scan SYMBOL... --timeframe T`: asks the API to scan now, follows each scan until it
// is done (or failed, or the timeout), then shows the patterns on those symbols.
#include "api_command.hpp"
#include "api_commands.hpp"
#include "interrupt.hpp"
#include "json_text.hpp"
#include "pattern_arguments.hpp"
#include "pattern_printing.hpp"

#include <algorithm>
#include <set>

namespace robson::cli {
namespace {

using nlohmann::json;

const CommandSpec kScanSpec{
    "scan",
    R"(usage: robson scan SYMBOL... --timeframe T [--timeout 120] [--server URL] [--token T] [--json]

Scans 1 to 20 symbols for chart patterns now (the scanner also scans on its own at every candle
close of the symbols your configurations name). Shows each scan's progress, then the newest
patterns on those symbols and that timeframe.

  --timeframe T   1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d (required)
  --timeout S     stop following after S seconds (default 120; the scans carry on)
  --json          one document at the end: {"scans": [...], "patterns": [...]}

exit: 0 every scan done, 5 a scan failed (the exchange could not be read) or the timeout
      passed first, 130 Ctrl-C
)",
    {"timeframe", "timeout"},
    {}};

constexpr std::size_t kMaxSymbols = 20;
constexpr int kPatternsShown = 10;
constexpr std::chrono::milliseconds kPollInterval{1000};

/// One scan being followed.
struct Tracked {
    std::int64_t id = 0;
    std::string symbol;
    std::string state = "queued";
    json last = json::object();

    [[nodiscard]] bool finished() const { return state == "done" || state == "failed"; }
};

std::vector<std::string> symbolArguments(const CommandLine& line) {
    const auto& positionals = line.positionals();
    if (positionals.empty() || positionals.size() > kMaxSymbols) {
        throw UsageError("scan needs 1 to 20 symbols (got " + std::to_string(positionals.size()) +
                         ")");
    }
    std::vector<std::string> symbols;
    std::set<std::string> seen;
    for (const std::string& text : positionals) {
        std::string symbol = symbolArgument(text, "each symbol");
        if (!seen.insert(symbol).second) {
            throw UsageError("scan lists " + symbol + " twice");
        }
        symbols.push_back(std::move(symbol));
    }
    return symbols;
}

std::vector<Tracked> queuedScans(const ApiReply& reply) {
    std::vector<Tracked> tracked;
    for (const auto& scan : requireArray(reply, "results")) {
        const json& id = member(scan, "id");
        if (!id.is_number_integer() || id.get<std::int64_t>() <= 0) {
            throw ApiError(kExitExchange,
                           "unexpected answer from the API: a queued scan without an id");
        }
        tracked.push_back(Tracked{id.get<std::int64_t>(), field(scan, "symbol"), "queued", scan});
    }
    return tracked;
}

/// Reads every unfinished scan once, printing each change of state; true when all finished.
bool pollOnce(ApiContext& context, std::vector<Tracked>& scans, const std::string& timeframe) {
    bool all_finished = true;
    for (Tracked& scan : scans) {
        if (scan.finished()) {
            continue;
        }
        const ApiReply reply =
            requireObject(context.client.get("/api/scans/" + std::to_string(scan.id) + "/"));
        const std::string state = field(reply.json, "state");
        if (state != scan.state && !context.json) {
            context.out << utcNow() << "  " << scan.symbol << "  " << timeframe << "  "
                        << (state == "done" || state == "failed" ? scanOutcome(reply.json) : state)
                        << std::endl;
        }
        scan.state = state;
        scan.last = reply.json;
        all_finished = all_finished && scan.finished();
    }
    return all_finished;
}

std::string pendingList(const std::vector<Tracked>& scans) {
    std::string list;
    for (const Tracked& scan : scans) {
        if (!scan.finished()) {
            list += list.empty() ? "" : ", ";
            list += scan.symbol;
            list += " (scan ";
            list += std::to_string(scan.id);
            list += ')';
        }
    }
    return list;
}

}  // namespace

int runScan(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runApiCommand(kScanSpec, args, out, err, [](ApiContext& context) {
        const std::vector<std::string> symbols = symbolArguments(context.line);
        const auto timeframe_text = context.line.value("timeframe");
        if (!timeframe_text) {
            throw UsageError("scan needs --timeframe (e.g. --timeframe 15m)");
        }
        const std::string timeframe = timeframeArgument(*timeframe_text);
        const int timeout = parsePositiveInt(context.line.valueOr("timeout", "120"), "--timeout");

        std::vector<Tracked> scans = queuedScans(
            context.client.postOk("/api/scans/", {{"symbols", symbols}, {"timeframe", timeframe}}));
        if (!context.json) {
            context.out << "Scanning " << symbols.size() << " symbol(s) on " << timeframe
                        << "...\n";
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout);
        const InterruptScope interrupt;
        while (!pollOnce(context, scans, timeframe)) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                context.err << "robson scan: still scanning after " << timeout
                            << " s: " << pendingList(scans)
                            << "; the scans carry on (robson patterns --symbol SYM)\n";
                return kExitExchange;
            }
            if (!InterruptScope::sleepFor(std::min(kPollInterval, left))) {
                context.err << "\nrobson scan: stopped following; the scans carry on\n";
                return kExitInterrupted;
            }
        }

        json finished = json::array();
        json found = json::array();
        bool any_failed = false;
        for (const Tracked& scan : scans) {
            finished.push_back(scan.last);
            any_failed = any_failed || scan.state == "failed";
        }
        for (const std::string& symbol : symbols) {
            const ApiReply page = context.client.get(
                "/api/patterns/" + queryString({{"symbol", symbol},
                                                {"timeframe", timeframe},
                                                {"page_size", std::to_string(kPatternsShown)}}));
            const auto& results = requireArray(page, "results");
            if (context.json) {
                found.insert(found.end(), results.begin(), results.end());
                continue;
            }
            context.out << "\nPatterns on " << symbol << " " << timeframe << " (newest "
                        << results.size() << " of " << field(page.json, "count") << "):\n";
            if (results.empty()) {
                context.out << "  none\n";
            } else {
                printPatternTable(results, context.out);
            }
        }
        if (context.json) {
            printJson({{"scans", finished}, {"patterns", found}}, context.out);
        }
        return any_failed ? kExitExchange : kExitOk;
    });
}

}  // namespace robson::cli
