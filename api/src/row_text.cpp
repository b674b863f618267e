#include "row_text.hpp"

#include "decimal_text.hpp"

namespace robson::api::repo {

std::string utcText(const std::string& column) {
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
}

std::string utcTextOfMs(const std::string& column) {
    return utcText("to_timestamp(" + column + " / 1000.0)");
}

std::optional<std::string> optionalText(const pqxx::field& field) {
    if (field.is_null()) {
        return std::nullopt;
    }
    return std::string(field.c_str());
}

std::optional<std::string> optionalDecimal(const pqxx::field& field) {
    if (field.is_null()) {
        return std::nullopt;
    }
    return normalizeDecimal(field.c_str());
}

nlohmann::json jsonColumn(const pqxx::field& field) {
    if (field.is_null()) {
        return nullptr;
    }
    nlohmann::json parsed = nlohmann::json::parse(field.c_str(), nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(nullptr) : parsed;
}

}  // namespace robson::api::repo
