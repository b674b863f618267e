#include "routes/route_support.hpp"

#include "http_errors.hpp"

namespace robson::api {

bool isPlausibleIntentId(std::string_view id) {
    if (id.empty() || id.size() > 29) {
        return false;
    }
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::string requireIntentId(const PathParams& params) {
    const auto it = params.find("id");
    if (it == params.end() || !isPlausibleIntentId(it->second)) {
        throw notFound("Intent");
    }
    return it->second;
}

std::int64_t requireRowId(const PathParams& params, const std::string& what) {
    constexpr std::int64_t kMaxRowId = std::int64_t{1} << 53U;  // exact in every JSON reader
    const auto it = params.find("id");
    if (it == params.end() || it->second.empty() || it->second.size() > 16 ||
        it->second.find_first_not_of("0123456789") != std::string::npos) {
        throw notFound(what);
    }
    const std::int64_t id = std::stoll(it->second);
    if (id < 1 || id > kMaxRowId) {
        throw notFound(what);
    }
    return id;
}

}  // namespace robson::api
