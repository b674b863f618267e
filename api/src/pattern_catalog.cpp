#include "pattern_catalog.hpp"

#include "robson/domain/patterns/pattern.hpp"

namespace robson::api {

namespace patterns = domain::patterns;

std::vector<CatalogEntry> patternCatalog() {
    std::vector<CatalogEntry> entries;
    for (const patterns::PatternKind kind : patterns::allPatternKinds()) {
        entries.push_back(CatalogEntry{std::string(patterns::toString(kind)),
                                       std::string(domain::toString(patterns::directionOf(kind))),
                                       patterns::baseConfidence(kind).toString(),
                                       std::string(patterns::describe(kind))});
    }
    return entries;
}

bool isKnownPattern(std::string_view pattern) {
    return patterns::parsePatternKind(pattern).has_value();
}

bool isPatternState(std::string_view state) {
    return patterns::parsePatternState(state).has_value();
}

}  // namespace robson::api
