// `robson status`, `robson cancel` and `robson list`: reading and cancelling intents.
#include "api_command.hpp"
#include "api_commands.hpp"
#include "intent_printing.hpp"
#include "interrupt.hpp"
#include "json_text.hpp"

#include <Poco/URI.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace robson::cli {
namespace {

using nlohmann::json;

const CommandSpec kStatusSpec{
    "status",
    R"(usage: robson status ID [--watch] [--server URL] [--token T] [--json]

The intent whole: its plan figures, the stop and sizing explanations, each guard, the orders
and the audit trail once executed.

  --watch   poll every second and print each status change with its time (UTC) until the
            intent ends (REJECTED, EXECUTED, FAILED or CANCELLED); Ctrl-C stops watching (130)
)",
    {},
    {"watch"}};

const CommandSpec kCancelSpec{"cancel",
                              R"(usage: robson cancel ID [--server URL] [--token T] [--json]

Cancels an intent that has not started executing (PLANNING, PENDING or VALIDATED).

exit: 0 cancelled, 7 no such intent, 8 not cancellable any more (executing or finished)
)",
                              {},
                              {}};

const CommandSpec kListSpec{
    "list",
    R"(usage: robson list [--status S] [--symbol SYM] [--page N] [--page-size N] [options]

Your intents, newest first.

  --status S       PLANNING, PENDING, VALIDATED, REJECTED, EXECUTING, EXECUTED, FAILED, CANCELLED
  --symbol SYM     e.g. BTCUSDT
  --since T        created at or after T (RFC 3339, e.g. 2026-01-01T00:00:00Z)
  --until T        created before T
  --page N         from 1 (default 1)
  --page-size N    1 to 100 (default 20)
  --server URL --token T --json   see robson help
)",
    {"status", "symbol", "since", "until", "page", "page-size"},
    {}};

constexpr std::chrono::milliseconds kWatchInterval{1000};
constexpr int kMaxPageSize = 100;

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(std::toupper(c));
    });
    return text;
}

void printIntentWhole(const json& intent, std::ostream& out) {
    printIntentSummary(intent, out);
    printPlanDetails(member(intent, "plan"), out);
    printValidation(member(intent, "validation_result"), out);
    if (member(intent, "execution_result").is_object()) {
        printExecution(member(intent, "execution_result"), out);
    }
}

int watch(ApiContext& context, const std::string& id) {
    const std::string path = "/api/intents/" + id + "/status/";
    const InterruptScope interrupt;
    std::string last;
    while (true) {
        const ApiReply reply = requireObject(context.client.get(path));
        const std::string status = field(reply.json, "status");
        if (status != last) {
            if (context.json) {
                // One compact document per line (NDJSON): a script reads them as they come.
                context.out << reply.json.dump(-1, ' ', false, json::error_handler_t::replace)
                            << std::endl;
            } else {
                const auto reason = field(reply.json, "status_reason", "");
                context.out << utcNow() << "  " << id << "  " << status
                            << (reason.empty() ? "" : "  " + reason) << std::endl;
            }
            last = status;
        }
        if (isTerminalStatus(status)) {
            return kExitOk;
        }
        if (!InterruptScope::sleepFor(kWatchInterval)) {
            context.err << "\nrobson status: stopped watching; the intent carries on\n";
            return kExitInterrupted;
        }
    }
}

std::string queryValue(const std::string& value) {
    std::string encoded;
    Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", encoded);
    return encoded;
}

std::string listQuery(const CommandLine& line) {
    std::string query;
    const auto add = [&query](const std::string& name, const std::string& value) {
        query += (query.empty() ? "?" : "&") + name + "=" + queryValue(value);
    };
    if (const auto status = line.value("status")) {
        static constexpr std::array<std::string_view, 8> kStatuses = {"PLANNING",
                                                                      "PENDING",
                                                                      "VALIDATED",
                                                                      "REJECTED",
                                                                      "EXECUTING",
                                                                      "EXECUTED",
                                                                      "FAILED",
                                                                      "CANCELLED"};
        const std::string wanted = upper(*status);
        if (std::find(kStatuses.begin(), kStatuses.end(), wanted) == kStatuses.end()) {
            throw UsageError(
                "--status must be one of PLANNING, PENDING, VALIDATED, REJECTED, "
                "EXECUTING, EXECUTED, FAILED, CANCELLED (got '" +
                *status + "')");
        }
        add("status", wanted);
    }
    if (const auto symbol = line.value("symbol")) {
        add("symbol", upper(*symbol));
    }
    for (const char* name : {"since", "until"}) {
        if (const auto value = line.value(name)) {
            add(name, *value);
        }
    }
    if (const auto page = line.value("page")) {
        add("page", std::to_string(parsePositiveInt(*page, "--page")));
    }
    if (const auto size = line.value("page-size")) {
        const int page_size = parsePositiveInt(*size, "--page-size");
        if (page_size > kMaxPageSize) {
            throw UsageError("--page-size must be between 1 and 100 (got '" + *size + "')");
        }
        add("page_size", std::to_string(page_size));
    }
    return query;
}

}  // namespace

int runStatus(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runApiCommand(kStatusSpec, args, out, err, [](ApiContext& context) {
        const std::string id = intentIdArgument(context.line, "status");
        if (context.line.flag("watch")) {
            return watch(context, id);
        }
        const ApiReply reply = requireObject(context.client.get("/api/intents/" + id + "/status/"));
        if (context.json) {
            printJson(reply.json, context.out);
        } else {
            printIntentWhole(reply.json, context.out);
        }
        return kExitOk;
    });
}

int runCancel(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runApiCommand(kCancelSpec, args, out, err, [](ApiContext& context) {
        const std::string id = intentIdArgument(context.line, "cancel");
        const ApiReply reply =
            context.client.postOk("/api/intents/" + id + "/cancel/", json::object());
        if (context.json) {
            printJson(reply.json, context.out);
        } else {
            context.out << "Intent " << field(reply.json, "intent_id", id) << "  "
                        << field(reply.json, "status") << " at "
                        << field(reply.json, "cancelled_at") << "\n";
        }
        return kExitOk;
    });
}

int runList(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runApiCommand(kListSpec, args, out, err, [](ApiContext& context) {
        if (!context.line.positionals().empty()) {
            throw UsageError("list takes no arguments (got '" + context.line.positionals().front() +
                             "')");
        }
        const ApiReply reply = context.client.get("/api/intents/" + listQuery(context.line));
        requireArray(reply, "results");
        if (context.json) {
            printJson(reply.json, context.out);
        } else {
            printIntentList(reply.json, context.out);
        }
        return kExitOk;
    });
}

}  // namespace robson::cli
