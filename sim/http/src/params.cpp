#include "params.hpp"

#include "api_failure.hpp"
#include "robson/sim/engine/error_texts.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace robson::sim {

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

std::string percentDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%') {
            const int high = i + 2 < text.size() ? hexValue(text[i + 1]) : -1;
            const int low = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
            if (high < 0 || low < 0) {
                throw ApiFailure(errors::illegalChars(text, "percent-encoded text"));
            }
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

bool isDigits(std::string_view text, std::size_t max_length) {
    if (text.empty() || text.size() > max_length) {
        return false;
    }
    return std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::multimap<std::string, std::string> decodeForm(std::string_view raw) {
    std::multimap<std::string, std::string> pairs;
    while (!raw.empty()) {
        const auto amp = raw.find('&');
        const std::string_view pair = raw.substr(0, amp);
        raw = amp == std::string_view::npos ? std::string_view{} : raw.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        const auto eq = pair.find('=');
        std::string name = percentDecode(pair.substr(0, eq));
        std::string value = eq == std::string_view::npos ? "" : percentDecode(pair.substr(eq + 1));
        pairs.emplace(std::move(name), std::move(value));
    }
    return pairs;
}

Params Params::parse(std::string_view raw_query, std::string_view raw_body) {
    Params params;
    for (const std::string_view raw : {raw_query, raw_body}) {
        std::set<std::string> seen;
        for (auto& [name, value] : decodeForm(raw)) {
            if (!seen.insert(name).second) {
                throw ApiFailure(
                    ApiError{-1101, "Duplicate values for a parameter detected.", 400});
            }
            params.values_.emplace(name, value);  // keeps the query's value: it came first
        }
    }
    return params;
}

bool Params::has(std::string_view name) const {
    return values_.find(name) != values_.end();
}

std::optional<std::string> Params::text(std::string_view name) const {
    const auto found = values_.find(name);
    if (found == values_.end() || found->second.empty()) {
        return std::nullopt;
    }
    return found->second;
}

std::string Params::required(std::string_view name) const {
    auto value = text(name);
    if (!value) {
        throw ApiFailure(errors::mandatory(name));
    }
    return *value;
}

std::optional<domain::Decimal> Params::decimal(std::string_view name) const {
    const auto value = text(name);
    if (!value) {
        return std::nullopt;
    }
    const std::string_view body = *value;
    const auto dot = body.find('.');
    const std::string_view whole = body.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : body.substr(dot + 1);
    if (!isDigits(whole, 20) || (dot != std::string_view::npos && !isDigits(fraction, 20))) {
        throw ApiFailure(errors::illegalChars(name, errors::kDecimalRange));
    }
    if (auto parsed = domain::Decimal::parse(body)) {
        return parsed;
    }
    const auto last_digit = fraction.find_last_not_of('0');
    if (last_digit != std::string_view::npos && last_digit >= domain::Decimal::kScale) {
        throw ApiFailure(errors::tooMuchPrecision(name));
    }
    throw ApiFailure(errors::illegalChars(name, errors::kDecimalRange));
}

std::optional<std::int64_t> Params::integer(std::string_view name) const {
    const auto value = text(name);
    if (!value) {
        return std::nullopt;
    }
    std::int64_t result = 0;
    const char* begin = value->data();
    const char* end = begin + value->size();
    const auto [ptr, error] = std::from_chars(begin, end, result);
    if (error != std::errc{} || ptr != end || !isDigits(*value, 19)) {
        throw ApiFailure(errors::illegalChars(name, "^[0-9]{1,19}$"));
    }
    return result;
}

}  // namespace robson::sim
