#include "query_params.hpp"

#include "http_errors.hpp"

namespace robson::api {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

constexpr std::size_t kMaxQueryPairs = 32;

}  // namespace

std::optional<std::string> percentDecode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) {
                return std::nullopt;
            }
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high < 0 || low < 0) {
                return std::nullopt;
            }
            const char decoded = static_cast<char>(high * 16 + low);
            if (decoded == '\0') {
                return std::nullopt;
            }
            out.push_back(decoded);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::map<std::string, std::string> parseQuery(std::string_view raw) {
    std::map<std::string, std::string> query;
    std::size_t start = 0;
    while (start <= raw.size() && !raw.empty()) {
        const std::size_t end = std::min(raw.find('&', start), raw.size());
        const std::string_view pair = raw.substr(start, end - start);
        if (!pair.empty()) {
            const std::size_t equals = pair.find('=');
            const auto name = percentDecode(pair.substr(0, equals), true);
            const auto value = percentDecode(
                equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1),
                true);
            if (!name || !value || name->empty()) {
                throw ApiError(400, "invalid_field", "The query string is malformed.");
            }
            if (!query.emplace(*name, *value).second) {
                throw ApiError(400,
                               "invalid_field",
                               "Query parameter '" + name->substr(0, 64) + "' is given twice.");
            }
            if (query.size() > kMaxQueryPairs) {
                throw ApiError(400, "invalid_field", "The query string has too many parameters.");
            }
        }
        start = end + 1;
    }
    return query;
}

QueryReader::QueryReader(const std::map<std::string, std::string>& query,
                         std::initializer_list<std::string_view> allowed)
    : query_(query) {
    for (const auto& [name, value] : query) {
        bool known = false;
        for (const std::string_view allowed_name : allowed) {
            known = known || name == allowed_name;
        }
        if (!known) {
            throw ApiError(
                400, "unknown_field", "Unknown query parameter '" + name.substr(0, 64) + "'.");
        }
    }
}

std::optional<std::string> QueryReader::text(const std::string& name,
                                             std::size_t max_length) const {
    const auto it = query_.find(name);
    if (it == query_.end()) {
        return std::nullopt;
    }
    if (it->second.empty() || it->second.size() > max_length) {
        throw invalidField(name, "must be 1 to " + std::to_string(max_length) + " characters long");
    }
    return it->second;
}

std::optional<std::int64_t> QueryReader::integer(const std::string& name,
                                                 std::int64_t min,
                                                 std::int64_t max) const {
    const auto it = query_.find(name);
    if (it == query_.end()) {
        return std::nullopt;
    }
    const std::string& text = it->second;
    const std::string range =
        "must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
    // Eighteen decimal digits always fit in std::int64_t, so stoll below cannot overflow;
    // no range a query uses needs more digits.
    if (text.empty() || text.size() > 18 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
        throw invalidField(name, range);
    }
    const std::int64_t value = std::stoll(text);
    if (value < min || value > max) {
        throw invalidField(name, range);
    }
    return value;
}

}  // namespace robson::api
