#include "routes/pagination.hpp"

namespace robson::api {

namespace {

constexpr std::int64_t kDefaultPageSize = 20;
constexpr std::int64_t kMaxPageSize = 100;
constexpr std::int64_t kMaxPage = 1'000'000;

}  // namespace

PageRequest readPage(const QueryReader& query) {
    PageRequest page;
    page.page = query.integer("page", 1, kMaxPage).value_or(1);
    page.page_size = query.integer("page_size", 1, kMaxPageSize).value_or(kDefaultPageSize);
    return page;
}

nlohmann::json pageJson(std::int64_t count, const PageRequest& page, nlohmann::json results) {
    return {{"count", count},
            {"page", page.page},
            {"page_size", page.page_size},
            {"results", std::move(results)}};
}

}  // namespace robson::api
