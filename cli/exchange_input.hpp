#pragma once

#include "robson/domain/candle.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/symbol_rules.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace robson::cli {

/// What `robson analyze --exchange URL` reads from a Binance-compatible exchange.
struct ExchangeMarket {
    domain::SymbolRules rules;
    std::vector<domain::Candle> candles;
    domain::Decimal entry;  ///< the best ask for a BUY, the best bid for a SELL
};

/// Reads the symbol's rules, the strategy timeframe's recent candles and the book from the
/// exchange at `url` (the simulator by default). Keys come from ROBSON_EXCHANGE_API_KEY /
/// ROBSON_EXCHANGE_API_SECRET, or the simulator's demo keys on a loopback URL. Throws
/// exchange::ExchangeException or binance::ConfigError with a message safe to print.
[[nodiscard]] ExchangeMarket readExchangeMarket(const std::string& url,
                                                const std::string& symbol,
                                                const std::string& interval,
                                                int candle_count,
                                                domain::Side side);

}  // namespace robson::cli
