#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace robson::api {

/// The validated body of POST /api/intents/create/; the strategy's defaults not yet applied.
struct CreateRequest {
    std::int64_t strategy_id = 0;
    std::string symbol;
    std::string capital;  ///< exact decimal text in (0, 1e9]
    std::optional<std::string> timeframe;
    std::optional<std::string> side;
    std::string entry_mode = "manual";
    nlohmann::json metadata = nlohmann::json::object();
};

/// Parses and checks the raw body (no database, no HTTP types: the fuzz target calls it too).
/// Throws ApiError (400) naming the first problem.
[[nodiscard]] CreateRequest parseCreateBody(std::string_view body);

}  // namespace robson::api
