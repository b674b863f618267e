#include "json_fields.hpp"

namespace robson::binance::detail {

void badResponse(const std::string& what) {
    throw exchange::ExchangeException(exchange::ExchangeError{
        exchange::ExchangeErrorKind::BadResponse, 0, 0, "unexpected response: " + what, {}});
}

Json parseBody(std::string_view body) {
    Json json = Json::parse(body.begin(), body.end(), nullptr, false);
    if (json.is_discarded()) {
        badResponse("the body is not JSON");
    }
    return json;
}

const Json& member(const Json& json, const char* name) {
    if (!json.is_object()) {
        badResponse(std::string("expected an object holding '") + name + "'");
    }
    const auto found = json.find(name);
    if (found == json.end()) {
        badResponse(std::string("missing '") + name + "'");
    }
    return *found;
}

std::string stringField(const Json& json, const char* name) {
    const Json& value = member(json, name);
    if (!value.is_string()) {
        badResponse(std::string("'") + name + "' is not a string");
    }
    return value.get<std::string>();
}

std::int64_t intField(const Json& json, const char* name) {
    const Json& value = member(json, name);
    if (!value.is_number_integer()) {
        badResponse(std::string("'") + name + "' is not an integer");
    }
    return value.get<std::int64_t>();
}

bool boolField(const Json& json, const char* name) {
    const Json& value = member(json, name);
    if (!value.is_boolean()) {
        badResponse(std::string("'") + name + "' is not a boolean");
    }
    return value.get<bool>();
}

domain::Decimal decimalValue(const Json& value, const char* what) {
    if (!value.is_string()) {
        badResponse(std::string("'") + what + "' is not a decimal string");
    }
    const auto parsed = domain::Decimal::parse(value.get_ref<const std::string&>());
    if (!parsed) {
        badResponse(std::string("'") + what + "' is not an exact decimal");
    }
    return *parsed;
}

domain::Decimal decimalField(const Json& json, const char* name) {
    return decimalValue(member(json, name), name);
}

std::optional<domain::Decimal> optionalDecimal(const Json& json, const char* name) {
    if (!json.is_object() || !json.contains(name)) {
        return std::nullopt;
    }
    return decimalField(json, name);
}

}  // namespace robson::binance::detail
