#pragma once
// Checks of the scanner commands' arguments before any request: a typo is a usage error
// (exit 2) with the accepted values, never a round trip to the API.

#include <string>
#include <utility>
#include <vector>

namespace robson::cli {

/// A symbol, upper-cased ("btcusdt" → "BTCUSDT"): 2 to 20 letters or digits.
[[nodiscard]] std::string symbolArgument(const std::string& text, const std::string& what);

/// One of the Binance intervals Robson supports (1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d).
[[nodiscard]] std::string timeframeArgument(const std::string& text);

/// A pattern name of the catalog, upper-cased ("hammer" → "HAMMER").
[[nodiscard]] std::string patternArgument(const std::string& text);

/// A pattern-instance state, upper-cased ("confirmed" → "CONFIRMED").
[[nodiscard]] std::string patternStateArgument(const std::string& text);

/// "?a=1&b=x" from name/value pairs, each value percent-encoded.
[[nodiscard]] std::string queryString(
    const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace robson::cli
