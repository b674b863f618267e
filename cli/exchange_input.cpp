#include "exchange_input.hpp"

#include "robson/binance/binance_config.hpp"
#include "robson/binance/binance_gateway.hpp"

#include <cstdlib>

namespace robson::cli {

ExchangeMarket readExchangeMarket(const std::string& url,
                                  const std::string& symbol,
                                  const std::string& interval,
                                  int candle_count,
                                  domain::Side side) {
    // The environment decides keys and refuses a remote URL without them; --exchange only
    // overrides the address.
    const auto lookup = [&url](std::string_view name) -> std::optional<std::string> {
        if (name == "ROBSON_EXCHANGE_URL") {
            return url;
        }
        // The CLI reads its environment on its only thread.
        const char* value =
            std::getenv(std::string(name).c_str());  // NOLINT(concurrency-mt-unsafe)
        return value == nullptr ? std::nullopt : std::optional<std::string>(value);
    };
    binance::BinanceGateway gateway(binance::configFromEnvironment(lookup));
    ExchangeMarket market;
    market.rules = gateway.symbolRules(symbol);
    market.candles = gateway.candles(symbol, interval, candle_count);
    const auto book = gateway.bookTicker(symbol);
    market.entry = side == domain::Side::Buy ? book.ask_price : book.bid_price;
    return market;
}

}  // namespace robson::cli
