#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

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
    /// A money amount: a decimal string ("100.00") or a JSON integer (100); a fractional JSON
    /// number is refused (400 invalid_decimal) because a binary float cannot be trusted to be
    /// the amount typed. At most 8 decimals; (0, max]. Returns the shortest exact text.
    [[nodiscard]] std::string requiredAmount(std::string_view name, std::int64_t max) const;

private:
    [[nodiscard]] const nlohmann::json* find(std::string_view name) const;

    const nlohmann::json& object_;
};

}  // namespace robson::api
