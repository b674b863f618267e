#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace robson::sim::test {

/// How the shape of `actual` differs from the shape of the reference `expected`, recursively:
/// object keys missing or extra, and JSON value types that differ (null, boolean, integer,
/// float, string, array, object — so a decimal sent as a number where Binance sends a string
/// is caught). One line per difference, "<path>: <what>", with "[]" for any array element so
/// a test can allow a documented difference by its text.
///
/// Arrays: a reference whose elements have different types is a tuple (a kline row) and is
/// compared position by position; otherwise every actual element is compared with the
/// reference's first element, except objects carrying "filterType", matched by that type.
/// An empty reference array constrains nothing; an empty actual array against a non-empty
/// reference is a difference (its elements could not be checked).
[[nodiscard]] std::vector<std::string> shapeDifferences(const nlohmann::json& actual,
                                                        const nlohmann::json& expected,
                                                        const std::string& path = "$");

}  // namespace robson::sim::test
