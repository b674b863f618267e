// `robson validate ID`: waits for the guards to decide (the API validates on its own after the
// plan; this command watches the status until it leaves PLANNING/PENDING) and shows each guard.
#include "api_command.hpp"
#include "api_commands.hpp"
#include "intent_printing.hpp"
#include "interrupt.hpp"
#include "json_text.hpp"

namespace robson::cli {
namespace {

using nlohmann::json;

const CommandSpec kValidateSpec{
    "validate",
    R"(usage: robson validate ID [--timeout 30] [--server URL] [--token T] [--json]

Waits until the intent's guard checks are done (polling its status every 0.5 s) and prints each
guard as PASS, WARNING or FAIL with its message.

  --timeout S   give up after S seconds (default 30; the intent keeps going without us)

exit: 0 VALIDATED, 4 REJECTED (or FAILED), 5 still not decided after the timeout,
      8 the intent was cancelled, 130 Ctrl-C
)",
    {"timeout"},
    {}};

constexpr std::chrono::milliseconds kPollInterval{500};

bool stillDeciding(const std::string& status) {
    return status == "PLANNING" || status == "PENDING";
}

int verdict(const std::string& status) {
    if (status == "REJECTED" || status == "FAILED") {
        return kExitRefused;
    }
    if (status == "CANCELLED") {
        return kExitConflict;
    }
    return kExitOk;  // VALIDATED, or already past it (EXECUTING, EXECUTED)
}

}  // namespace

int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runApiCommand(kValidateSpec, args, out, err, [](ApiContext& context) {
        const std::string id = intentIdArgument(context.line, "validate");
        const int timeout = parsePositiveInt(context.line.valueOr("timeout", "30"), "--timeout");
        const std::string path = "/api/intents/" + id + "/status/";
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout);
        const InterruptScope interrupt;
        ApiReply reply = requireObject(context.client.get(path));
        bool announced = false;
        while (stillDeciding(field(reply.json, "status"))) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                context.err << "robson validate: intent " << id << " is still "
                            << field(reply.json, "status") << " after " << timeout
                            << " s; follow it with robson status " << id << " --watch\n";
                return kExitExchange;
            }
            if (!announced && !context.json) {
                context.err << "waiting for the guards (" << field(reply.json, "status")
                            << ")...\n";
                announced = true;
            }
            if (!InterruptScope::sleepFor(std::min(kPollInterval, left))) {
                context.err
                    << "\nrobson validate: stopped waiting; the intent carries on (robson status "
                    << id << ")\n";
                return kExitInterrupted;
            }
            reply = requireObject(context.client.get(path));
        }
        const json& intent = reply.json;
        const std::string status = field(intent, "status");
        if (context.json) {
            printJson(intent, context.out);
            return verdict(status);
        }
        printIntentSummary(intent, context.out);
        printValidation(member(intent, "validation_result"), context.out);
        if (status == "VALIDATED") {
            context.out << "Next: robson execute " << id << "   (DRY-RUN unless --live)\n";
        }
        return verdict(status);
    });
}

}  // namespace robson::cli
