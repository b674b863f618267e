#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace robson::api {

/// One pattern the scanner looks for, as GET /api/patterns/catalog/ shows it. Everything comes
/// from robson::domain::patterns, where the detectors live: the API only spells it.
struct CatalogEntry {
    std::string pattern;          ///< the stored name ("HAMMER")
    std::string direction;        ///< BUY for bullish patterns, SELL for bearish
    std::string base_confidence;  ///< exact decimal text, before confirmation's +0.10
    std::string description;
};

/// Every pattern, in the domain's order.
[[nodiscard]] std::vector<CatalogEntry> patternCatalog();

/// True for a pattern name the domain knows (exact, upper case).
[[nodiscard]] bool isKnownPattern(std::string_view pattern);

/// True for a pattern-instance state ("DETECTED" ... "INVALIDATED").
[[nodiscard]] bool isPatternState(std::string_view state);

}  // namespace robson::api
