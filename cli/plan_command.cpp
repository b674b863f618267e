// `robson plan buy|sell SYMBOL --strategy NAME|ID --capital N`: PLAN through the API
// (POST /api/intents/create/) and show the plan it computed.
#include "api_command.hpp"
#include "api_commands.hpp"
#include "intent_printing.hpp"
#include "json_text.hpp"

#include <algorithm>
#include <cctype>

namespace robson::cli {
namespace {

using nlohmann::json;

const CommandSpec kPlanSpec{
    "plan",
    R"(usage: robson plan buy|sell SYMBOL --strategy NAME|ID --capital N [options]

Asks the API to plan a trade: the technical stop from the chart, the position size that loses
at most the strategy's risk if the stop is hit, and the guard checks. Nothing is sent to the
exchange: execute the intent later with robson execute.

  --strategy NAME|ID   a strategy name (any case) or id, see robson strategies   (required)
  --capital N          capital in the quote asset, an exact decimal such as 100 or 250.50
                       (> 0, at most 1000000000, at most 8 decimals)               (required)
  --timeframe TF       candle timeframe, e.g. 15m (default: the strategy's)
  --note TEXT          free text kept with the intent (metadata.note)
  --server URL --token T --json   see robson help

exit: 0 planned (or still planning: follow it with robson status ID --watch),
      4 refused (no valid stop or size; the reason is printed), 7 unknown strategy/symbol
)",
    {"strategy", "capital", "timeframe", "note"},
    {}};

/// The contract's ceiling for capital; checked here so a typo never reaches the API.
constexpr std::int64_t kMaxCapital = 1'000'000'000;

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(std::toupper(c));
    });
    return text;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return text;
}

std::string requiredValue(const CommandLine& line, const std::string& name) {
    const auto value = line.value(name);
    if (!value || value->empty()) {
        throw UsageError("plan needs --" + name);
    }
    return *value;
}

/// The capital exactly as typed, once it is known to be an amount the API will accept.
std::string capitalArgument(const CommandLine& line) {
    std::string text = requiredValue(line, "capital");
    const auto capital = parsePositiveDecimal(text, "--capital");
    if (capital > domain::Decimal::fromInteger(kMaxCapital)) {
        throw UsageError("--capital must be at most 1000000000 (got '" + text + "')");
    }
    return text;
}

std::string sideArgument(const std::string& text) {
    std::string side = upper(text);
    if (side != "BUY" && side != "SELL") {
        throw UsageError("plan needs buy or sell first (got '" + text + "')");
    }
    return side;
}

std::string symbolArgument(const std::string& text) {
    const bool plausible =
        !text.empty() && text.size() <= 20 &&
        std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isalnum(c) != 0; });
    if (!plausible) {
        throw UsageError("'" + text + "' is not a symbol such as BTCUSDT");
    }
    return upper(text);
}

/// A numeric --strategy is an id; a name is looked up (case-insensitively) in the strategies
/// this tenant can use, so "all in" and "All In" both work.
json strategyId(ApiContext& context, const std::string& wanted) {
    if (std::all_of(
            wanted.begin(), wanted.end(), [](unsigned char c) { return std::isdigit(c); })) {
        return parsePositiveInt(wanted, "--strategy");
    }
    const ApiReply reply = context.client.get("/api/strategies/");
    const json& results = requireArray(reply, "results");
    std::vector<json> matches;
    std::string names;
    for (const auto& strategy : results) {
        const std::string name = field(strategy, "name", "");
        names += (names.empty() ? "" : ", ") + name;
        if (lower(name) == lower(wanted)) {
            matches.push_back(member(strategy, "id"));
        }
    }
    if (matches.empty()) {
        throw ApiError(kExitNotFound,
                       "no strategy named '" + wanted + "' (available: " + names + ")",
                       "strategy_not_found");
    }
    if (matches.size() > 1) {
        std::string ids;
        for (const auto& id : matches) {
            ids += (ids.empty() ? "" : ", ") + displayText(id);
        }
        throw UsageError("several strategies are named '" + wanted + "' (ids " + ids +
                         "): give --strategy ID");
    }
    return matches.front();
}

int printPlanned(ApiContext& context, const ApiReply& reply) {
    const json& intent = requireObject(reply).json;
    if (context.json) {
        printJson(intent, context.out);
    } else {
        printIntentSummary(intent, context.out);
    }
    const std::string status = field(intent, "status");
    const std::string id = field(intent, "intent_id");
    if (!context.json) {
        if (status == "VALIDATED" || status == "REJECTED") {
            printValidation(member(intent, "validation_result"), context.out);
        }
        if (reply.status == 202 || status == "PLANNING") {
            context.out << "Still planning. Follow it with: robson status " << id << " --watch\n";
        } else if (status == "PENDING") {
            context.out << "Next: robson validate " << id << "\n";
        } else if (status == "VALIDATED") {
            context.out << "Next: robson execute " << id << "   (DRY-RUN unless --live)\n";
        }
    }
    return status == "REJECTED" || status == "FAILED" ? kExitRefused : kExitOk;
}

int printRefused(ApiContext& context, const ApiReply& reply) {
    if (context.json) {
        printJson(reply.json, context.out);
        return kExitRefused;
    }
    context.out << "Plan refused: " << field(reply.json, "detail") << " ("
                << field(reply.json, "code") << ")\n";
    if (const auto id = field(reply.json, "intent_id", ""); !id.empty()) {
        context.out << "  intent " << id << " is kept as REJECTED (robson status " << id << ")\n";
    }
    return kExitRefused;
}

}  // namespace

int runPlan(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runApiCommand(kPlanSpec, args, out, err, [](ApiContext& context) {
        const auto& positionals = context.line.positionals();
        if (positionals.size() != 2) {
            throw UsageError("plan needs a side and a symbol: robson plan buy BTCUSDT ...");
        }
        json request = {{"side", sideArgument(positionals[0])},
                        {"symbol", symbolArgument(positionals[1])},
                        {"capital", capitalArgument(context.line)}};
        const std::string strategy = requiredValue(context.line, "strategy");
        if (const auto timeframe = context.line.value("timeframe")) {
            request["timeframe"] = *timeframe;
        }
        if (const auto note = context.line.value("note")) {
            request["metadata"] = {{"note", *note}};
        }
        // Every local check passed: only now ask the API (the name lookup is a request too).
        request["strategy_id"] = strategyId(context, strategy);
        const ApiReply reply = context.client.post("/api/intents/create/", request);
        if (reply.status == 422 && reply.json.is_object()) {
            return printRefused(context, reply);
        }
        return printPlanned(context, reply);
    });
}

}  // namespace robson::cli
