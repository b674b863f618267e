#pragma once
// Helpers for reading Binance JSON with typed failures (private to robson::binance).

#include "robson/domain/decimal.hpp"
#include "robson/exchange/exchange_error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace robson::binance::detail {

using Json = nlohmann::json;

/// Throws ExchangeException(BadResponse) naming what was wrong (never the body).
[[noreturn]] void badResponse(const std::string& what);
/// Parses a body; BadResponse when it is not JSON.
[[nodiscard]] Json parseBody(std::string_view body);
/// The member `name` of an object; BadResponse when absent or `json` is no object.
[[nodiscard]] const Json& member(const Json& json, const char* name);
[[nodiscard]] std::string stringField(const Json& json, const char* name);
[[nodiscard]] std::int64_t intField(const Json& json, const char* name);
[[nodiscard]] bool boolField(const Json& json, const char* name);
/// A decimal sent as a string ("0.01000000"); a JSON number is refused (it went through
/// binary floating point on the other side or would here).
[[nodiscard]] domain::Decimal decimalField(const Json& json, const char* name);
[[nodiscard]] domain::Decimal decimalValue(const Json& value, const char* what);
/// decimalField when the member exists, else nullopt.
[[nodiscard]] std::optional<domain::Decimal> optionalDecimal(const Json& json, const char* name);

}  // namespace robson::binance::detail
