#include "request_bodies/intent_create_body.hpp"

#include "http_errors.hpp"
#include "json_request.hpp"
#include "request_bodies/symbol_syntax.hpp"
#include "robson/domain/strategy.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

constexpr std::int64_t kMaxCapital = 1'000'000'000;
constexpr std::size_t kMaxMetadataBytes = 4096;
constexpr std::int64_t kMaxStrategyId = std::int64_t{1} << 53U;  // exact in every JSON reader

}  // namespace

CreateRequest parseCreateBody(std::string_view raw) {
    const json body = parseJsonObject(raw, false);
    const FieldReader fields(
        body, {"strategy_id", "symbol", "capital", "timeframe", "side", "entry_mode", "metadata"});
    CreateRequest create;
    create.strategy_id = fields.requiredInteger("strategy_id", 1, kMaxStrategyId);
    create.symbol = fields.requiredString("symbol", 20);
    if (!isPlausibleSymbol(create.symbol)) {
        throw invalidField("symbol", "must be 2 to 20 upper-case letters or digits");
    }
    create.capital = fields.requiredAmount("capital", kMaxCapital);
    create.timeframe = fields.optionalString("timeframe", 8);
    if (create.timeframe && !domain::isAllowedTimeframe(*create.timeframe)) {
        throw invalidField("timeframe", "must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d");
    }
    create.side = fields.optionalString("side", 8);
    if (create.side && *create.side != "BUY" && *create.side != "SELL") {
        throw invalidField("side", "must be BUY or SELL");
    }
    create.entry_mode = fields.optionalString("entry_mode", 16).value_or("manual");
    if (create.entry_mode != "manual" && create.entry_mode != "auto") {
        throw invalidField("entry_mode", "must be manual or auto");
    }
    create.metadata = fields.optionalObject("metadata", kMaxMetadataBytes).value_or(json::object());
    return create;
}

}  // namespace robson::api
