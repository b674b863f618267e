#pragma once

#include <string>
#include <string_view>

namespace robson::binance {

/// HMAC-SHA256 of `payload` keyed with `secret`, as 64 lowercase hex digits (OpenSSL).
/// Pure and thread-safe. For a signed Binance request the payload is the exact query string
/// followed by the exact form body, with no separator.
[[nodiscard]] std::string hmacSha256Hex(std::string_view secret, std::string_view payload);

/// RFC 3986 percent-encoding of a parameter value: unreserved characters (A-Z a-z 0-9 - _ .
/// ~) are kept, every other byte becomes %XX (upper-case hex). UTF-8 is encoded bytewise.
[[nodiscard]] std::string percentEncode(std::string_view value);

/// Builds `name=value&name=value` with encoded values, in insertion order (Binance REST does
/// not sort). The result is the exact text that is signed and sent. Plain value.
class QueryString {
public:
    QueryString& add(std::string_view name, std::string_view value);
    [[nodiscard]] const std::string& str() const { return text_; }
    [[nodiscard]] bool empty() const { return text_.empty(); }

private:
    std::string text_;
};

}  // namespace robson::binance
