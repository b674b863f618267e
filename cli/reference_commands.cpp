// `robson strategies` and `robson symbols`: the reference data a plan refers to.
#include "api_command.hpp"
#include "api_commands.hpp"
#include "json_text.hpp"
#include "text_table.hpp"

namespace robson::cli {
namespace {

const CommandSpec kStrategiesSpec{"strategies",
                                  R"(usage: robson strategies [--server URL] [--token T] [--json]

The strategies a plan can use (the built-ins and your own): id, name, timeframe, default
side, risk per trade, the support/resistance level the stop anchors on.
)",
                                  {},
                                  {}};

const CommandSpec kSymbolsSpec{"symbols",
                               R"(usage: robson symbols [--server URL] [--token T] [--json]

The symbols a plan can trade, with their base and quote assets.
)",
                               {},
                               {}};

void requireNoPositionals(const CommandLine& line, const std::string& command) {
    if (!line.positionals().empty()) {
        throw UsageError(command + " takes no arguments (got '" + line.positionals().front() +
                         "')");
    }
}

}  // namespace

int runStrategies(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runApiCommand(kStrategiesSpec, args, out, err, [](ApiContext& context) {
        requireNoPositionals(context.line, "strategies");
        const ApiReply reply = context.client.get("/api/strategies/");
        const auto& results = requireArray(reply, "results");
        if (context.json) {
            printJson(reply.json, context.out);
            return kExitOk;
        }
        TextTable table(
            {"ID", "NAME", "TIMEFRAME", "SIDE", "RISK %", "STOP LEVEL", "MODE", "DESCRIPTION"});
        for (const auto& strategy : results) {
            table.addRow({field(strategy, "id"),
                          field(strategy, "name"),
                          field(strategy, "timeframe"),
                          field(strategy, "default_side"),
                          field(strategy, "risk_percent"),
                          field(strategy, "stop_level"),
                          field(strategy, "mode") +
                              (member(strategy, "builtin") == true ? " (built-in)" : ""),
                          field(strategy, "description", "")});
        }
        table.print(context.out);
        return kExitOk;
    });
}

int runSymbols(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runApiCommand(kSymbolsSpec, args, out, err, [](ApiContext& context) {
        requireNoPositionals(context.line, "symbols");
        const ApiReply reply = context.client.get("/api/symbols/");
        const auto& results = requireArray(reply, "results");
        if (context.json) {
            printJson(reply.json, context.out);
            return kExitOk;
        }
        TextTable table({"SYMBOL", "BASE", "QUOTE"});
        for (const auto& symbol : results) {
            table.addRow({field(symbol, "symbol"),
                          field(symbol, "base_asset"),
                          field(symbol, "quote_asset")});
        }
        table.print(context.out);
        return kExitOk;
    });
}

}  // namespace robson::cli
