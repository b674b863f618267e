// Public market-data endpoints: ping, time, exchangeInfo, klines, tickers, depth, avgPrice.
#include "api_failure.hpp"
#include "json_views.hpp"
#include "robson/sim/engine/error_texts.hpp"
#include "routes.hpp"

#include <array>

namespace robson::sim {

using nlohmann::json;

namespace {

int one(const Params& /*params*/) {
    return 1;
}
int two(const Params& /*params*/) {
    return 2;
}
int twenty(const Params& /*params*/) {
    return 20;
}
int tickerWeight(const Params& params) {
    return params.has("symbol") ? 2 : 4;
}
int depthWeight(const Params& params) {
    const auto limit = params.integer("limit").value_or(100);
    return limit <= 100 ? 5 : (limit <= 500 ? 25 : (limit <= 1000 ? 50 : 250));
}

/// The symbols a ticker/exchangeInfo call names: symbol, symbols (JSON array) or all.
std::vector<std::string> namedSymbols(const SimState& state, const Params& params) {
    if (auto symbol = params.text("symbol")) {
        return {symbolRules(state, *symbol).symbol};
    }
    std::vector<std::string> result;
    if (auto list = params.text("symbols")) {
        const json parsed = json::parse(*list, nullptr, false);
        if (parsed.is_discarded() || !parsed.is_array() || parsed.empty()) {
            throw ApiFailure(errors::illegalChars(
                "symbols", R"(^\[("[A-Z0-9-_.]{1,20}"(,"[A-Z0-9-_.]{1,20}"){0,}){0,1}\]$)"));
        }
        for (const json& item : parsed) {
            if (!item.is_string()) {
                throw ApiFailure(errors::invalidSymbol());
            }
            result.push_back(symbolRules(state, item.get<std::string>()).symbol);
        }
        return result;
    }
    for (const domain::SymbolRules& rules : state.engine.symbols()) {
        result.push_back(rules.symbol);
    }
    return result;
}

/// One object for a single `symbol`, else an array.
Reply perSymbol(SimState& state,
                const Params& params,
                json (*make)(SimState&, const std::string&)) {
    Reply reply;
    if (params.has("symbol")) {
        reply.body = make(state, namedSymbols(state, params).front());
        return reply;
    }
    reply.body = json::array();
    for (const std::string& symbol : namedSymbols(state, params)) {
        reply.body.push_back(make(state, symbol));
    }
    return reply;
}

Reply ping(SimState& /*state*/, const Request& /*request*/, const Params& /*params*/) {
    return Reply{};
}

Reply time(SimState& state, const Request& /*request*/, const Params& /*params*/) {
    Reply reply;
    reply.body = json{{"serverTime", state.now()}};
    return reply;
}

Reply exchangeInfo(SimState& state, const Request& /*request*/, const Params& params) {
    json symbols = json::array();
    for (const std::string& symbol : namedSymbols(state, params)) {
        symbols.push_back(symbolJson(*state.engine.rules(symbol)));
    }
    const json rate_limits = json::array({json{{"rateLimitType", "REQUEST_WEIGHT"},
                                               {"interval", "MINUTE"},
                                               {"intervalNum", 1},
                                               {"limit", state.weights.limit()}},
                                          json{{"rateLimitType", "ORDERS"},
                                               {"interval", "SECOND"},
                                               {"intervalNum", 10},
                                               {"limit", 100}},
                                          json{{"rateLimitType", "ORDERS"},
                                               {"interval", "DAY"},
                                               {"intervalNum", 1},
                                               {"limit", 200000}},
                                          json{{"rateLimitType", "RAW_REQUESTS"},
                                               {"interval", "MINUTE"},
                                               {"intervalNum", 5},
                                               {"limit", 300000}}});
    Reply reply;
    reply.body = json{{"timezone", "UTC"},
                      {"serverTime", state.now()},
                      {"rateLimits", rate_limits},
                      {"exchangeFilters", json::array()},
                      {"symbols", symbols}};
    return reply;
}

Reply klines(SimState& state, const Request& /*request*/, const Params& params) {
    const std::string symbol = symbolRules(state, params.required("symbol")).symbol;
    const std::string interval = params.required("interval");
    if (!intervalMs(interval) && interval != "1M") {
        throw ApiFailure(ApiError{-1120, "Invalid interval.", 400});
    }
    const std::int64_t limit =
        std::clamp<std::int64_t>(params.integer("limit").value_or(500), 1, 1000);
    const auto start = params.integer("startTime");
    const auto end = params.integer("endTime");
    Reply reply;
    reply.body = json::array();
    CandleSeries* series = state.market.series(symbol, interval);
    if (series == nullptr) {
        return reply;  // a valid interval this data set does not hold
    }
    const std::int64_t sim_now = state.market.simNow(state.now());
    for (const domain::Candle& candle :
         series->klines(start, end, static_cast<std::size_t>(limit), sim_now)) {
        reply.body.push_back(klineRow(candle));
    }
    return reply;
}

json priceJson(SimState& state, const std::string& symbol) {
    return json{{"symbol", symbol}, {"price", money(*state.engine.lastPrice(symbol))}};
}

Reply tickerPrice(SimState& state, const Request& /*request*/, const Params& params) {
    return perSymbol(state, params, priceJson);
}

json bookJson(SimState& state, const std::string& symbol) {
    const Decimal depth_qty = mulInteger(state.engine.rules(symbol)->step_size, 1000);
    return json{{"symbol", symbol},
                {"bidPrice", money(state.engine.bid(symbol))},
                {"bidQty", money(depth_qty)},
                {"askPrice", money(state.engine.ask(symbol))},
                {"askQty", money(depth_qty)}};
}

Reply bookTicker(SimState& state, const Request& /*request*/, const Params& params) {
    return perSymbol(state, params, bookJson);
}

Reply depth(SimState& state, const Request& /*request*/, const Params& params) {
    const std::string symbol = symbolRules(state, params.required("symbol")).symbol;
    const std::int64_t limit =
        std::clamp<std::int64_t>(params.integer("limit").value_or(100), 1, 5000);
    const domain::SymbolRules& rules = *state.engine.rules(symbol);
    json bids = json::array();
    json asks = json::array();
    Decimal bid = state.engine.bid(symbol);
    Decimal ask = state.engine.ask(symbol);
    for (std::int64_t level = 0; level < limit; ++level) {
        const Decimal qty = mulInteger(rules.step_size, 100 + (level * 37) % 400);
        if (bid.isPositive()) {
            bids.push_back(json::array({money(bid), money(qty)}));
        }
        asks.push_back(json::array({money(ask), money(qty)}));
        bid -= rules.tick_size;
        ask += rules.tick_size;
    }
    Reply reply;
    reply.body =
        json{{"lastUpdateId", state.market.simNow(state.now())}, {"bids", bids}, {"asks", asks}};
    return reply;
}

Reply avgPrice(SimState& state, const Request& /*request*/, const Params& params) {
    const std::string symbol = symbolRules(state, params.required("symbol")).symbol;
    Reply reply;
    reply.body = json{
        {"mins", 5}, {"price", money(*state.engine.lastPrice(symbol))}, {"closeTime", state.now()}};
    return reply;
}

json dayJson(SimState& state, const std::string& symbol) {
    constexpr std::int64_t kDayMs = 86'400'000;
    const std::int64_t real_now = state.now();
    const std::int64_t sim_now = state.market.simNow(real_now);
    const auto window =
        state.market.finest(symbol).klines(sim_now - kDayMs, std::nullopt, 5000, sim_now);
    const Decimal last = *state.engine.lastPrice(symbol);
    Decimal open = window.empty() ? last : window.front().open;
    Decimal high = last;
    Decimal low = last;
    Decimal volume;
    for (const domain::Candle& candle : window) {
        high = max(high, candle.high);
        low = min(low, candle.low);
        volume += candle.volume;
    }
    const Decimal change = last - open;
    const Decimal percent = open.isPositive()
                                ? div(mulInteger(change, 100), open, domain::Rounding::HalfEven)
                                : Decimal{};
    json out = bookJson(state, symbol);
    out.update({{"priceChange", money(change)},
                {"priceChangePercent", percent.toFixed(3)},
                {"weightedAvgPrice", money(last)},
                {"prevClosePrice", money(open)},
                {"lastPrice", money(last)},
                {"lastQty", money(state.engine.rules(symbol)->step_size)},
                {"openPrice", money(open)},
                {"highPrice", money(high)},
                {"lowPrice", money(low)},
                {"volume", money(volume)},
                {"quoteVolume", money(mul(volume, last, domain::Rounding::Down))},
                {"openTime", real_now - kDayMs},
                {"closeTime", real_now},
                {"firstId", -1},
                {"lastId", -1},
                {"count", 0}});
    return out;
}

Reply ticker24h(SimState& state, const Request& /*request*/, const Params& params) {
    return perSymbol(state, params, dayJson);
}

constexpr std::array<Route, 10> kRoutes{{
    {"GET", "/api/v3/ping", false, false, one, ping},
    {"GET", "/api/v3/time", false, false, one, time},
    {"GET", "/api/v3/exchangeInfo", false, false, twenty, exchangeInfo},
    {"GET", "/api/v3/klines", false, false, two, klines},
    {"GET", "/api/v3/uiKlines", false, false, two, klines},
    {"GET", "/api/v3/ticker/price", false, false, tickerWeight, tickerPrice},
    {"GET", "/api/v3/ticker/bookTicker", false, false, tickerWeight, bookTicker},
    {"GET", "/api/v3/ticker/24hr", false, false, tickerWeight, ticker24h},
    {"GET", "/api/v3/depth", false, false, depthWeight, depth},
    {"GET", "/api/v3/avgPrice", false, false, two, avgPrice},
}};

}  // namespace

std::span<const Route> marketRoutes() {
    return kRoutes;
}

}  // namespace robson::sim
