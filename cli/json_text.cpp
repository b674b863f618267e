#include "json_text.hpp"

namespace robson::cli {

const nlohmann::json& member(const nlohmann::json& object, std::string_view key) {
    static const nlohmann::json null_value;
    if (!object.is_object()) {
        return null_value;
    }
    const auto found = object.find(key);
    return found == object.end() ? null_value : *found;
}

std::string displayText(const nlohmann::json& value, std::string_view missing) {
    if (value.is_null() || value.is_discarded()) {
        return std::string(missing);
    }
    if (value.is_string()) {
        // A server's text never drives the terminal: control characters (escape sequences,
        // carriage returns that overwrite a line) are shown as '?'.
        std::string text = value.get<std::string>();
        for (char& c : text) {
            if ((c >= 0 && c < ' ') || c == '\x7f') {
                c = '?';
            }
        }
        return text;
    }
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string field(const nlohmann::json& object, std::string_view key, std::string_view missing) {
    return displayText(member(object, key), missing);
}

}  // namespace robson::cli
