#pragma once

#include "pattern_config_repository.hpp"

#include <string_view>

namespace robson::api {

/// What a pattern-configuration request asked for, checked field by field (everything but what
/// needs the database: the strategy and the symbols, checked in the write's transaction).
struct ParsedChange {
    repo::PatternConfigChange change;
    bool acknowledge_risk = false;
};

/// Parses the raw body of POST (creating: the required members must be there) or PATCH
/// /api/pattern-configs/. No database, no HTTP types: the fuzz target calls it too. Throws
/// ApiError (400) naming the first problem.
[[nodiscard]] ParsedChange parsePatternConfigBody(std::string_view body, bool creating);

}  // namespace robson::api
