#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace robson::api {

/// Splits "a=1&b=x%20y" into decoded pairs. Refuses (400 invalid_field) malformed percent
/// escapes, a name given twice (which one would count is ambiguous) and more than 32 pairs.
[[nodiscard]] std::map<std::string, std::string> parseQuery(std::string_view raw);

/// Strict access to query parameters, as FieldReader is for bodies: names outside `allowed`
/// are 400 unknown_field.
class QueryReader {
public:
    QueryReader(const std::map<std::string, std::string>& query,
                std::initializer_list<std::string_view> allowed);

    [[nodiscard]] std::optional<std::string> text(const std::string& name,
                                                  std::size_t max_length) const;
    /// Decimal digits only (no sign, no spaces), within [min, max].
    [[nodiscard]] std::optional<std::int64_t> integer(const std::string& name,
                                                      std::int64_t min,
                                                      std::int64_t max) const;

private:
    const std::map<std::string, std::string>& query_;
};

/// Percent-decoding of one path or query component; nullopt on a malformed escape or a NUL.
[[nodiscard]] std::optional<std::string> percentDecode(std::string_view text, bool plus_is_space);

}  // namespace robson::api
