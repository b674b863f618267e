#include "robson/logging/log_event.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace robson::logging {

bool isSecretFieldName(std::string_view name) {
    std::string lower(name);
    std::ranges::transform(
        lower, lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // By name, because values cannot be recognised: a secret looks like any other text.
    static constexpr std::array<std::string_view, 8> kSecretWords{
        "secret", "password", "passwd", "token", "authorization", "signature", "jwt", "api_key"};
    return std::ranges::any_of(kSecretWords, [&lower](std::string_view word) {
        return lower.find(word) != std::string::npos;
    });
}

}  // namespace robson::logging
