#include "request_bodies/pattern_config_body.hpp"

#include "http_errors.hpp"
#include "json_request.hpp"
#include "pattern_catalog.hpp"
#include "request_bodies/symbol_syntax.hpp"
#include "robson/domain/decimal.hpp"
#include "robson/domain/strategy.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

constexpr std::int64_t kMaxCapital = 1'000'000'000;
constexpr std::int64_t kMaxStrategyId = std::int64_t{1} << 53U;
constexpr std::size_t kMaxSymbols = 50;     // the table's CHECK
constexpr std::size_t kMaxTimeframes = 10;  // the table's CHECK

std::string patternField(const FieldReader& fields) {
    const auto pattern = fields.optionalString("pattern", 32);
    if (!pattern) {
        return {};
    }
    if (!isKnownPattern(*pattern)) {
        std::string names;
        for (const auto& entry : patternCatalog()) {
            names += names.empty() ? "" : " ";
            names += entry.pattern;
        }
        throw invalidField("pattern", "must be one of " + names);
    }
    return *pattern;
}

std::optional<std::vector<std::string>> symbolsField(const FieldReader& fields) {
    auto symbols = fields.optionalStringArray("symbols", 1, kMaxSymbols, 20);
    for (const std::string& symbol : symbols.value_or(std::vector<std::string>{})) {
        if (!isPlausibleSymbol(symbol)) {
            throw invalidField("symbols",
                               "holds '" + symbol +
                                   "'; a symbol is 2 to 20 upper-case letters "
                                   "or digits");
        }
    }
    return symbols;
}

std::optional<std::vector<std::string>> timeframesField(const FieldReader& fields) {
    auto timeframes = fields.optionalStringArray("timeframes", 1, kMaxTimeframes, 8);
    for (const std::string& timeframe : timeframes.value_or(std::vector<std::string>{})) {
        if (!domain::isAllowedTimeframe(timeframe)) {
            throw invalidField("timeframes",
                               "holds '" + timeframe +
                                   "'; each must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d");
        }
    }
    return timeframes;
}

/// A decimal from 0 to 1 with at most 3 decimals (NUMERIC(4, 3): more would be rounded
/// silently by PostgreSQL).
std::optional<std::string> minConfidenceField(const FieldReader& fields) {
    const auto value = fields.optionalDecimal("min_confidence");
    if (!value) {
        return std::nullopt;
    }
    constexpr std::int64_t kThousandth = domain::Decimal::kUnitsPerOne / 1000;
    if (value->isNegative() || *value > domain::Decimal::fromInteger(1) ||
        value->units() % kThousandth != 0) {
        throw invalidField("min_confidence",
                           "must be a decimal from 0 to 1 with at most 3 decimals, such as "
                           "\"0.70\"");
    }
    return value->toString();
}

}  // namespace

ParsedChange parsePatternConfigBody(std::string_view raw, bool creating) {
    const json body = parseJsonObject(raw, false);
    const FieldReader fields(body,
                             {"strategy_id",
                              "pattern",
                              "symbols",
                              "timeframes",
                              "min_confidence",
                              "capital",
                              "mode",
                              "acknowledge_risk",
                              "enabled"});
    ParsedChange parsed;
    auto& change = parsed.change;
    change.strategy_id = fields.optionalInteger("strategy_id", 1, kMaxStrategyId);
    if (auto pattern = patternField(fields); !pattern.empty()) {
        change.pattern = std::move(pattern);
    }
    change.symbols = symbolsField(fields);
    change.timeframes = timeframesField(fields);
    change.min_confidence = minConfidenceField(fields);
    change.capital = fields.optionalAmount("capital", kMaxCapital);
    change.mode = fields.optionalString("mode", 16);
    if (change.mode && *change.mode != "manual" && *change.mode != "auto_dry_run" &&
        *change.mode != "auto_live") {
        throw invalidField("mode", "must be manual, auto_dry_run or auto_live");
    }
    parsed.acknowledge_risk = fields.optionalBool("acknowledge_risk").value_or(false);
    change.enabled = fields.optionalBool("enabled");
    if (creating) {
        const std::pair<const char*, bool> required[] = {{"strategy_id", !change.strategy_id},
                                                         {"pattern", !change.pattern},
                                                         {"symbols", !change.symbols},
                                                         {"timeframes", !change.timeframes},
                                                         {"capital", !change.capital}};
        for (const auto& [name, missing] : required) {
            if (missing) {
                throw ApiError(400, "missing_field", "'" + std::string(name) + "' is required.");
            }
        }
    }
    // LIVE automation places real orders with nobody watching: the person says so each time
    // they ask for it, in the request that asks.
    if (change.mode == "auto_live") {
        if (!parsed.acknowledge_risk) {
            throw ApiError(400,
                           "risk_not_acknowledged",
                           "auto_live executes confirmed patterns with real orders and nobody "
                           "watching: set \"acknowledge_risk\": true.");
        }
        change.acknowledge_risk_now = true;
    }
    return parsed;
}

}  // namespace robson::api
