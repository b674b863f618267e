#pragma once
// Reading API answers for display without trusting their shape: a missing field, a null or a
// number where a string was expected prints as text instead of throwing. Amounts stay the
// strings the API sent (never parsed into a double).

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace robson::cli {

/// The member `key` of `object`, or a null value when `object` is not an object or lacks it.
[[nodiscard]] const nlohmann::json& member(const nlohmann::json& object, std::string_view key);

/// A value as a person reads it: strings unquoted, null/missing as `missing`, numbers and
/// booleans as JSON writes them, objects and arrays as compact JSON.
[[nodiscard]] std::string displayText(const nlohmann::json& value, std::string_view missing = "-");

/// displayText(member(object, key), missing).
[[nodiscard]] std::string field(const nlohmann::json& object,
                                std::string_view key,
                                std::string_view missing = "-");

}  // namespace robson::cli
