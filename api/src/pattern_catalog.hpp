#pragma once

#include <span>
#include <string_view>

namespace robson::api {

/// One pattern the scanner looks for, as GET /api/patterns/catalog/ shows it and as the
/// configuration routes accept it (docs/decisions/0005-pattern-scanner.md).
struct CatalogEntry {
    std::string_view pattern;          ///< the stored name (robson::domain::patterns::toString)
    std::string_view direction;        ///< BUY for bullish patterns, SELL for bearish
    std::string_view base_confidence;  ///< exact decimal text, before confirmation's +0.10
    std::string_view description;
};

/// Every pattern, in the order of robson::domain::patterns::PatternKind.
[[nodiscard]] std::span<const CatalogEntry> patternCatalog();

/// True for a name in the catalog (exact, upper case).
[[nodiscard]] bool isKnownPattern(std::string_view pattern);

/// The five pattern-instance states ("DETECTED" ... "INVALIDATED").
[[nodiscard]] bool isPatternState(std::string_view state);

}  // namespace robson::api
