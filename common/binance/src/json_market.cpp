// Parsers of Binance market-data and account bodies (see binance_json.hpp).
#include "json_fields.hpp"
#include "robson/binance/binance_json.hpp"

namespace robson::binance {

using detail::badResponse;
using detail::decimalField;
using detail::decimalValue;
using detail::intField;
using detail::Json;
using detail::member;
using detail::stringField;

namespace {

const Json& arrayOf(const Json& json, const char* what) {
    if (!json.is_array()) {
        badResponse(std::string(what) + " is not an array");
    }
    return json;
}

/// A count filter's field (MAX_NUM_ORDERS's maxNumOrders, MAX_NUM_ALGO_ORDERS's
/// maxNumAlgoOrders): a negative or absurd value is a bad answer rather than a limit the
/// execute stage would trust.
int orderCount(const Json& filter, const std::string& type, const char* field) {
    const std::int64_t value = intField(filter, field);
    if (value < 0 || value > 1'000'000) {
        badResponse(type + " " + field + " is out of range");
    }
    return static_cast<int>(value);
}

void applyFilter(const Json& filter, domain::SymbolRules& rules, bool& has_notional) {
    const std::string type = stringField(filter, "filterType");
    if (type == "PRICE_FILTER") {
        rules.min_price = decimalField(filter, "minPrice");
        rules.max_price = decimalField(filter, "maxPrice");
        rules.tick_size = decimalField(filter, "tickSize");
    } else if (type == "LOT_SIZE") {
        rules.min_qty = decimalField(filter, "minQty");
        rules.max_qty = decimalField(filter, "maxQty");
        rules.step_size = decimalField(filter, "stepSize");
    } else if (type == "MARKET_LOT_SIZE") {
        // Zeros (common in live captures) mean "no limit"; the domain's checks treat them so.
        rules.market_step_size = decimalField(filter, "stepSize");
        rules.market_min_qty = decimalField(filter, "minQty");
        rules.market_max_qty = decimalField(filter, "maxQty");
    } else if (type == "NOTIONAL") {
        rules.min_notional = decimalField(filter, "minNotional");
        rules.max_notional = decimalField(filter, "maxNotional");
        has_notional = true;
    } else if (type == "MIN_NOTIONAL" && !has_notional) {
        rules.min_notional = decimalField(filter, "minNotional");
    } else if (type == "MAX_NUM_ORDERS") {
        rules.max_num_orders = orderCount(filter, type, "maxNumOrders");
    } else if (type == "MAX_NUM_ALGO_ORDERS") {
        rules.max_num_algo_orders = orderCount(filter, type, "maxNumAlgoOrders");
    }
}

domain::SymbolRules parseSymbol(const Json& symbol) {
    domain::SymbolRules rules;
    rules.symbol = stringField(symbol, "symbol");
    rules.base_asset = stringField(symbol, "baseAsset");
    rules.quote_asset = stringField(symbol, "quoteAsset");
    // A status the domain does not know (e.g. CANCEL_ONLY) is treated as not trading.
    rules.status = domain::parseSymbolStatus(stringField(symbol, "status"))
                       .value_or(domain::SymbolStatus::Halt);
    for (const auto& type : arrayOf(member(symbol, "orderTypes"), "orderTypes")) {
        if (type.is_string()) {
            if (const auto parsed = domain::parseOrderType(type.get_ref<const std::string&>())) {
                rules.order_types.insert(*parsed);
            }
        }
    }
    bool has_notional = false;
    // NOTIONAL wins over MIN_NOTIONAL whichever comes first: apply NOTIONAL in a first pass.
    const Json& filters = arrayOf(member(symbol, "filters"), "filters");
    for (const auto& filter : filters) {
        if (stringField(filter, "filterType") == "NOTIONAL") {
            applyFilter(filter, rules, has_notional);
        }
    }
    for (const auto& filter : filters) {
        if (stringField(filter, "filterType") != "NOTIONAL") {
            applyFilter(filter, rules, has_notional);
        }
    }
    return rules;
}

std::int64_t intAt(const Json& row, std::size_t index) {
    if (!row.at(index).is_number_integer()) {
        badResponse("kline column " + std::to_string(index) + " is not an integer");
    }
    return row.at(index).get<std::int64_t>();
}

}  // namespace

std::int64_t parseServerTime(std::string_view body) {
    return intField(detail::parseBody(body), "serverTime");
}

std::vector<domain::SymbolRules> parseExchangeInfo(std::string_view body) {
    const Json json = detail::parseBody(body);
    std::vector<domain::SymbolRules> all;
    for (const auto& symbol : arrayOf(member(json, "symbols"), "symbols")) {
        all.push_back(parseSymbol(symbol));
    }
    return all;
}

std::vector<domain::Candle> parseKlines(std::string_view body) {
    const Json json = detail::parseBody(body);
    std::vector<domain::Candle> candles;
    for (const auto& row : arrayOf(json, "klines")) {
        if (!row.is_array() || row.size() < 7) {
            badResponse("a kline is not an array of at least 7 columns");
        }
        domain::Candle candle;
        candle.open_time_ms = intAt(row, 0);
        candle.open = decimalValue(row.at(1), "open");
        candle.high = decimalValue(row.at(2), "high");
        candle.low = decimalValue(row.at(3), "low");
        candle.close = decimalValue(row.at(4), "close");
        candle.volume = decimalValue(row.at(5), "volume");
        candle.close_time_ms = intAt(row, 6);
        candles.push_back(candle);
    }
    return candles;
}

domain::Decimal parseTickerPrice(std::string_view body) {
    return decimalField(detail::parseBody(body), "price");
}

exchange::BookTicker parseBookTicker(std::string_view body) {
    const Json json = detail::parseBody(body);
    return exchange::BookTicker{stringField(json, "symbol"),
                                decimalField(json, "bidPrice"),
                                decimalField(json, "bidQty"),
                                decimalField(json, "askPrice"),
                                decimalField(json, "askQty")};
}

std::vector<exchange::Balance> parseAccountBalances(std::string_view body) {
    const Json json = detail::parseBody(body);
    std::vector<exchange::Balance> balances;
    for (const auto& entry : arrayOf(member(json, "balances"), "balances")) {
        balances.push_back(exchange::Balance{stringField(entry, "asset"),
                                             decimalField(entry, "free"),
                                             decimalField(entry, "locked")});
    }
    return balances;
}

}  // namespace robson::binance
