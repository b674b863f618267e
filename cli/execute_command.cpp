// `robson execute ID`: EXECUTE through the API. DRY-RUN unless both --live and
// --acknowledge-risk are given; a LIVE run first shows what will be sent and, on a terminal,
// asks for "yes".
#include "api_command.hpp"
#include "api_commands.hpp"
#include "intent_printing.hpp"
#include "json_text.hpp"

namespace robson::cli {
namespace {

using nlohmann::json;

const CommandSpec kExecuteSpec{
    "execute",
    R"(usage: robson execute ID [--live --acknowledge-risk [--yes]] [--server URL] [--token T] [--json]

Executes a VALIDATED intent. DRY-RUN by default: the orders are simulated and nothing reaches
the exchange.

  --live               send real orders; needs --acknowledge-risk too (either alone is refused
                       here, before anything is sent)
  --acknowledge-risk   you accept that the position can lose up to its risk amount
  --yes                do not ask for confirmation on a terminal (LIVE only)

A LIVE run prints the quantity, entry, stop and maximum loss first and, when the input is a
terminal, waits for you to type yes.

exit: 0 EXECUTED (or still executing), 2 --live/--acknowledge-risk not given together,
      4 FAILED (or LIVE not confirmed), 8 not VALIDATED / already executed
)",
    {},
    {"live", "acknowledge-risk", "yes"}};

/// What a LIVE execution will do, from the intent's own figures (never recomputed here).
void printLivePreview(const json& intent, std::ostream& out) {
    out << "LIVE execution of intent " << field(intent, "intent_id")
        << ": real orders go to the exchange.\n"
        << "  " << field(intent, "side") << " " << field(intent, "quantity") << " "
        << field(intent, "symbol") << " at market (planned entry " << field(intent, "entry_price")
        << ")\n"
        << "  Stop-loss at " << field(intent, "stop_price") << "\n"
        << "  Max loss if the stop is hit: " << field(intent, "risk_amount") << " ("
        << field(intent, "risk_percent") << " % of capital " << field(intent, "capital") << ")\n";
}

bool confirmed(Console& console, std::ostream& err) {
    err << "Type yes to send these orders: " << std::flush;
    std::string answer;
    if (!std::getline(console.in, answer)) {
        return false;
    }
    while (!answer.empty() && (answer.back() == '\r' || answer.back() == ' ')) {
        answer.pop_back();
    }
    return answer == "yes";
}

/// Shows the LIVE preview and gets the go-ahead; returns kExitOk to send, else the exit code.
int approveLive(ApiContext& context, Console& console, const std::string& id) {
    const ApiReply reply = requireObject(context.client.get("/api/intents/" + id + "/status/"));
    // With --json stdout is for the API's answer only; the preview goes to stderr.
    std::ostream& shown = context.json ? context.err : context.out;
    printLivePreview(reply.json, shown);
    if (const auto status = field(reply.json, "status"); status != "VALIDATED") {
        context.err << "robson execute: intent " << id << " is " << status
                    << "; only a VALIDATED intent can be executed. Nothing was sent.\n";
        return kExitConflict;
    }
    if (console.interactive && !context.line.flag("yes") && !confirmed(console, context.err)) {
        context.err << "robson execute: not confirmed. Nothing was sent.\n";
        return kExitRefused;
    }
    return kExitOk;
}

int printExecuted(ApiContext& context, const ApiReply& reply, bool live) {
    const json& body = requireObject(reply).json;
    const std::string status = field(body, "status");
    if (context.json) {
        printJson(body, context.out);
    } else {
        if (!live) {
            context.out << "DRY-RUN: nothing was sent to the exchange.\n";
        }
        context.out << "Intent " << field(body, "intent_id") << "  " << status << "\n";
        if (member(body, "execution_result").is_object()) {
            printExecution(member(body, "execution_result"), context.out);
        }
        if (reply.status == 202 || status == "EXECUTING") {
            context.out << "Still executing. Follow it with: robson status "
                        << field(body, "intent_id") << " --watch\n";
        }
    }
    return status == "FAILED" ? kExitRefused : kExitOk;
}

}  // namespace

int runExecute(const std::vector<std::string>& args,
               Console console,
               std::ostream& out,
               std::ostream& err) {
    return runApiCommand(kExecuteSpec, args, out, err, [&console](ApiContext& context) {
        const std::string id = intentIdArgument(context.line, "execute");
        const bool live = context.line.flag("live");
        if (live != context.line.flag("acknowledge-risk")) {
            throw UsageError(live ? "--live sends real orders and needs --acknowledge-risk too; "
                                    "nothing was sent"
                                  : "--acknowledge-risk is only for --live (a DRY-RUN has no "
                                    "risk); nothing was sent");
        }
        if (live) {
            if (const int refused = approveLive(context, console, id); refused != kExitOk) {
                return refused;
            }
        }
        const json request = {{"mode", live ? "LIVE" : "DRY_RUN"}, {"acknowledge_risk", live}};
        return printExecuted(
            context, context.client.post("/api/intents/" + id + "/execute/", request), live);
    });
}

}  // namespace robson::cli
