#pragma once

#include "robson/domain/decimal.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace robson::sim {

/// A request's parameters from the query string and a form-urlencoded body (the query wins
/// when a name is in both, as on Binance). Typed getters validate like Binance and throw
/// ApiFailure (-1100, -1101, -1102, -1111). Plain value, one per request.
class Params {
public:
    /// Throws ApiFailure -1101 for a name repeated within the query or within the body, and
    /// -1100 for a broken percent escape.
    static Params parse(std::string_view raw_query, std::string_view raw_body);

    [[nodiscard]] bool has(std::string_view name) const;
    /// The decoded value, or nullopt if absent or empty.
    [[nodiscard]] std::optional<std::string> text(std::string_view name) const;
    /// text() or -1102 "Mandatory parameter ...".
    [[nodiscard]] std::string required(std::string_view name) const;
    /// An exact decimal ("0.001"): -1100 for exponents, signs, spaces or out of range, -1111 for
    /// more than 8 decimals.
    [[nodiscard]] std::optional<domain::Decimal> decimal(std::string_view name) const;
    /// A whole number (ids, times, limits): -1100 when not digits or out of range.
    [[nodiscard]] std::optional<std::int64_t> integer(std::string_view name) const;

private:
    std::map<std::string, std::string, std::less<>> values_;
};

/// Splits "a=1&b=2" into decoded pairs ('+' is a space); throws ApiFailure on bad escapes.
[[nodiscard]] std::multimap<std::string, std::string> decodeForm(std::string_view raw);

}  // namespace robson::sim
