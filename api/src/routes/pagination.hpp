#pragma once

#include "query_params.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace robson::api {

/// `page` (from 1) and `page_size` (1–100, default 20) of a list endpoint, read strictly (400
/// invalid_field out of range), the same on every list so clients page them alike.
struct PageRequest {
    std::int64_t page = 1;
    std::int64_t page_size = 20;

    [[nodiscard]] std::int64_t offset() const { return (page - 1) * page_size; }
};

[[nodiscard]] PageRequest readPage(const QueryReader& query);

/// {"count", "page", "page_size", "results"}.
[[nodiscard]] nlohmann::json pageJson(std::int64_t count,
                                      const PageRequest& page,
                                      nlohmann::json results);

}  // namespace robson::api
