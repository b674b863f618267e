#pragma once

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <optional>
#include <string>

/// How the repositories turn SQL columns into the API's text: one spelling of times, decimals
/// and JSONB for every endpoint.
namespace robson::api::repo {

/// SQL for a timestamptz column as RFC 3339 UTC with whole seconds, formatted by PostgreSQL
/// (independent of the session's TimeZone setting); NULL stays NULL.
[[nodiscard]] std::string utcText(const std::string& column);

/// SQL for an epoch-milliseconds BIGINT column as the same RFC 3339 UTC text.
[[nodiscard]] std::string utcTextOfMs(const std::string& column);

[[nodiscard]] std::optional<std::string> optionalText(const pqxx::field& field);

/// A NUMERIC column, normalized (normalizeDecimal); nullopt when NULL.
[[nodiscard]] std::optional<std::string> optionalDecimal(const pqxx::field& field);

/// JSON(B) text from our own database; a value that does not parse (it always should) is shown
/// as null rather than failing the request.
[[nodiscard]] nlohmann::json jsonColumn(const pqxx::field& field);

}  // namespace robson::api::repo
