#include "decimal_text.hpp"

namespace robson::api {

std::string normalizeDecimal(std::string_view text) {
    const std::size_t digits_start = text.starts_with('-') ? 1 : 0;
    const std::string_view digits = text.substr(digits_start);
    if (digits.empty() || digits.find_first_not_of("0123456789.") != std::string_view::npos ||
        digits.find('.') != digits.rfind('.') || digits.front() == '.') {
        return std::string(text);
    }
    std::string out(text);
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0') {
            out.pop_back();
        }
        if (out.back() == '.') {
            out.pop_back();
        }
    }
    if (out == "-0") {
        return "0";
    }
    return out;
}

}  // namespace robson::api
