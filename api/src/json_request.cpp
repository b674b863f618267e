#include "json_request.hpp"

#include "http_errors.hpp"
#include "robson/domain/decimal.hpp"

#include <limits>
#include <set>
#include <vector>

namespace robson::api {

namespace {

using nlohmann::json;

ApiError invalidJson(const std::string& why) {
    return {400, "invalid_json", "The request body is not valid JSON: " + why + "."};
}

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

/// What the parser callback saw that nlohmann itself tolerates.
struct StrictnessCheck {
    std::vector<std::set<std::string>> keys;  // one set per open object
    bool duplicate = false;
    bool too_deep = false;
};

}  // namespace

json parseJsonObject(std::string_view body, bool empty_is_object) {
    if (isBlank(body)) {
        if (empty_is_object) {
            return json::object();
        }
        throw invalidJson("the body is empty");
    }
    StrictnessCheck check;
    // The callback sees every event: it records duplicate keys and refuses to build levels
    // past kMaxJsonDepth (returning false discards the value, so nothing deep is allocated).
    const json::parser_callback_t callback =
        [&check](int depth, json::parse_event_t event, json& parsed) {
            switch (event) {
                case json::parse_event_t::object_start:
                case json::parse_event_t::array_start:
                    if (depth >= kMaxJsonDepth) {
                        check.too_deep = true;
                        return false;
                    }
                    if (event == json::parse_event_t::object_start) {
                        check.keys.emplace_back();
                    }
                    return true;
                case json::parse_event_t::object_end:
                    if (!check.keys.empty()) {
                        check.keys.pop_back();
                    }
                    return true;
                case json::parse_event_t::key:
                    if (!check.keys.empty() &&
                        !check.keys.back().insert(parsed.get<std::string>()).second) {
                        check.duplicate = true;
                    }
                    return true;
                default:
                    return true;
            }
        };
    json parsed = json::parse(body.begin(), body.end(), callback, /*allow_exceptions=*/false);
    if (check.too_deep) {
        throw invalidJson("it nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    if (parsed.is_discarded()) {
        throw invalidJson("malformed JSON or invalid UTF-8");
    }
    if (check.duplicate) {
        throw invalidJson("a key appears twice in one object");
    }
    if (!parsed.is_object()) {
        throw invalidJson("the body must be a JSON object");
    }
    return parsed;
}

FieldReader::FieldReader(const json& object, std::initializer_list<std::string_view> allowed)
    : object_(object) {
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (const std::string_view name : allowed) {
            known = known || key == name;
        }
        if (!known) {
            // Echo at most 64 characters of a hostile key.
            throw ApiError(400, "unknown_field", "Unknown field '" + key.substr(0, 64) + "'.");
        }
    }
}

const json* FieldReader::find(std::string_view name) const {
    const auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) {
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> FieldReader::optionalString(std::string_view name,
                                                       std::size_t max_length) const {
    const json* value = find(name);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        throw invalidField(std::string(name), "must be a string");
    }
    const auto& text = value->get_ref<const std::string&>();
    if (text.empty() || text.size() > max_length) {
        throw invalidField(std::string(name),
                           "must be 1 to " + std::to_string(max_length) + " characters long");
    }
    return text;
}

std::string FieldReader::requiredString(std::string_view name, std::size_t max_length) const {
    auto text = optionalString(name, max_length);
    if (!text) {
        throw ApiError(400, "missing_field", "'" + std::string(name) + "' is required.");
    }
    return *text;
}

std::optional<std::int64_t> FieldReader::optionalInteger(std::string_view name,
                                                         std::int64_t min,
                                                         std::int64_t max) const {
    const json* value = find(name);
    if (value == nullptr) {
        return std::nullopt;
    }
    const std::string range =
        "must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
    if (value->is_number_unsigned()) {
        const auto number = value->get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ||
            static_cast<std::int64_t>(number) < min || static_cast<std::int64_t>(number) > max) {
            throw invalidField(std::string(name), range);
        }
        return static_cast<std::int64_t>(number);
    }
    if (value->is_number_integer()) {
        const auto number = value->get<std::int64_t>();
        if (number < min || number > max) {
            throw invalidField(std::string(name), range);
        }
        return number;
    }
    throw invalidField(std::string(name), range);
}

std::int64_t FieldReader::requiredInteger(std::string_view name,
                                          std::int64_t min,
                                          std::int64_t max) const {
    auto number = optionalInteger(name, min, max);
    if (!number) {
        throw ApiError(400, "missing_field", "'" + std::string(name) + "' is required.");
    }
    return *number;
}

std::optional<bool> FieldReader::optionalBool(std::string_view name) const {
    const json* value = find(name);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_boolean()) {
        throw invalidField(std::string(name), "must be true or false");
    }
    return value->get<bool>();
}

std::optional<json> FieldReader::optionalObject(std::string_view name,
                                                std::size_t max_bytes) const {
    const json* value = find(name);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_object()) {
        throw invalidField(std::string(name), "must be a JSON object");
    }
    if (value->dump().size() > max_bytes) {
        throw invalidField(std::string(name),
                           "must be at most " + std::to_string(max_bytes) + " bytes of JSON");
    }
    return *value;
}

std::optional<std::vector<std::string>> FieldReader::optionalStringArray(
    std::string_view name,
    std::size_t min_items,
    std::size_t max_items,
    std::size_t max_length) const {
    const json* value = find(name);
    if (value == nullptr) {
        return std::nullopt;
    }
    const std::string field(name);
    const std::string shape = "must be a list of " + std::to_string(min_items) + " to " +
                              std::to_string(max_items) + " strings";
    if (!value->is_array() || value->size() < min_items || value->size() > max_items) {
        throw invalidField(field, shape);
    }
    std::vector<std::string> items;
    items.reserve(value->size());
    std::set<std::string> seen;
    for (const json& item : *value) {
        if (!item.is_string()) {
            throw invalidField(field, shape);
        }
        const auto& text = item.get_ref<const std::string&>();
        if (text.empty() || text.size() > max_length) {
            throw invalidField(
                field, "must hold strings of 1 to " + std::to_string(max_length) + " characters");
        }
        if (!seen.insert(text).second) {
            throw invalidField(field, "lists '" + text + "' twice");
        }
        items.push_back(text);
    }
    return items;
}

std::optional<domain::Decimal> FieldReader::optionalDecimal(std::string_view name) const {
    const json* value = find(name);
    if (value == nullptr) {
        return std::nullopt;
    }
    const std::string field(name);
    const auto invalidDecimal = [&field](const std::string& why) {
        return ApiError(400, "invalid_decimal", "'" + field + "' " + why + ".");
    };
    // Integers only up to what Decimal holds (its 8 decimals leave ~9.2e10 whole units);
    // anything larger is out of every range we accept. (1e12 here once let 1e11 through to
    // Decimal::fromInteger, whose overflow exception became a 500: found by fuzz_json_request.)
    constexpr std::int64_t kLargest =
        std::numeric_limits<std::int64_t>::max() / domain::Decimal::kUnitsPerOne;
    const auto tooLarge = [&field]() { return invalidField(field, "is out of range"); };
    if (value->is_number_unsigned()) {
        if (value->get<std::uint64_t>() > static_cast<std::uint64_t>(kLargest)) {
            throw tooLarge();
        }
        return domain::Decimal::fromInteger(value->get<std::int64_t>());
    }
    if (value->is_number_integer()) {
        const auto whole = value->get<std::int64_t>();
        if (whole > kLargest || whole < -kLargest) {
            throw tooLarge();
        }
        return domain::Decimal::fromInteger(whole);
    }
    if (value->is_number_float()) {
        throw invalidDecimal(
            "must be a decimal string such as \"100.00\" (a fractional JSON number is a binary "
            "float, not the value typed)");
    }
    if (!value->is_string()) {
        throw invalidDecimal("must be a decimal string such as \"100.00\"");
    }
    const auto& text = value->get_ref<const std::string&>();
    if (text.size() > 32) {
        throw invalidDecimal("is too long to be a decimal");
    }
    auto parsed = domain::Decimal::parse(text);
    if (!parsed) {
        throw invalidDecimal("must be a plain decimal with at most 8 decimals, such as \"100.00\"");
    }
    return parsed;
}

std::optional<std::string> FieldReader::optionalAmount(std::string_view name,
                                                       std::int64_t max) const {
    const auto amount = optionalDecimal(name);
    if (!amount) {
        return std::nullopt;
    }
    if (!amount->isPositive() || *amount > domain::Decimal::fromInteger(max)) {
        throw invalidField(std::string(name),
                           "must be greater than 0 and at most " + std::to_string(max));
    }
    return amount->toString();
}

std::string FieldReader::requiredAmount(std::string_view name, std::int64_t max) const {
    auto amount = optionalAmount(name, max);
    if (!amount) {
        throw ApiError(400, "missing_field", "'" + std::string(name) + "' is required.");
    }
    return *amount;
}

}  // namespace robson::api
