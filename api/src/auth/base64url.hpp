#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace robson::api::auth {

/// RFC 4648 §5 without padding (JWT's encoding).
[[nodiscard]] std::string base64UrlEncode(std::string_view bytes);
/// Strict: only the URL alphabet, no padding, no whitespace; nullopt otherwise.
[[nodiscard]] std::optional<std::string> base64UrlDecode(std::string_view text);

/// RFC 4648 §4 with padding (the password hash format).
[[nodiscard]] std::string base64Encode(std::string_view bytes);
[[nodiscard]] std::optional<std::string> base64Decode(std::string_view text);

}  // namespace robson::api::auth
