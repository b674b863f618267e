#pragma once

#include "robson/domain/decimal.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace robson::api {

/// The most a request body may nest: deeper documents are refused before they are built.
inline constexpr int kMaxJsonDepth = 32;

/// Parses a request body that must be one JSON object. Refuses (400 invalid_json) malformed
/// JSON, invalid UTF-8, duplicate keys (which member would win is parser-specific; a client
/// that sends two must be told), nesting deeper than kMaxJsonDepth and non-objects. An empty
/// or all-blank body is `{}` when `empty_is_object`, else invalid_json.
[[nodiscard]] nlohmann::json parseJsonObject(std::string_view body, bool empty_is_object);

/// Typed, strict access to the members of a request object. The constructor refuses members
/// not in `allowed` (400 unknown_field): a typo such as "acknowledge_risks" must not silently
/// turn into the default. A member set to null counts as absent (JavaScript clients send null
/// for "not set"). Wrong types are 400 invalid_field naming the member; missing required
/// members 400 missing_field.
class FieldReader {
public:
    FieldReader(const nlohmann::json& object, std::initializer_list<std::string_view> allowed);

    [[nodiscard]] std::optional<std::string> optionalString(std::string_view name,
                                                            std::size_t max_length) const;
    [[nodiscard]] std::string requiredString(std::string_view name, std::size_t max_length) const;
    /// A JSON integer (not 1.0, not "1") within [min, max].
    [[nodiscard]] std::optional<std::int64_t> optionalInteger(std::string_view name,
                                                              std::int64_t min,
                                                              std::int64_t max) const;
    [[nodiscard]] std::int64_t requiredInteger(std::string_view name,
                                               std::int64_t min,
                                               std::int64_t max) const;
    [[nodiscard]] std::optional<bool> optionalBool(std::string_view name) const;
    /// A JSON object whose compact text is at most max_bytes.
    [[nodiscard]] std::optional<nlohmann::json> optionalObject(std::string_view name,
                                                               std::size_t max_bytes) const;
    /// An array of 1..max_length-character strings with min_items..max_items members, none
    /// repeated (a repeated symbol is a client mistake worth naming, not something to merge).
    [[nodiscard]] std::optional<std::vector<std::string>> optionalStringArray(
        std::string_view name,
        std::size_t min_items,
        std::size_t max_items,
        std::size_t max_length) const;
    /// An exact decimal: a decimal string ("0.70") or a JSON integer (1); a fractional JSON
    /// number is refused (400 invalid_decimal) because a binary float cannot be trusted to be
    /// the value typed. At most 8 decimals; any sign (the caller checks the range).
    [[nodiscard]] std::optional<domain::Decimal> optionalDecimal(std::string_view name) const;
    /// A money amount: optionalDecimal within (0, max]. Returns the shortest exact text.
    [[nodiscard]] std::optional<std::string> optionalAmount(std::string_view name,
                                                            std::int64_t max) const;
    [[nodiscard]] std::string requiredAmount(std::string_view name, std::int64_t max) const;

private:
    [[nodiscard]] const nlohmann::json* find(std::string_view name) const;

    const nlohmann::json& object_;
};

}  // namespace robson::api
