#include "robson/binance/signer.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <limits>
#include <stdexcept>

namespace robson::binance {

namespace {
constexpr std::string_view kHexDigitsLower = "0123456789abcdef";
constexpr std::string_view kHexDigitsUpper = "0123456789ABCDEF";

bool isUnreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~';
}
}  // namespace

std::string hmacSha256Hex(std::string_view secret, std::string_view payload) {
    if (secret.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw std::invalid_argument("HMAC key too long");
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    // NOLINTBEGIN(cppcoreguidelines-pro-type-reinterpret-cast): OpenSSL takes unsigned bytes
    const auto* result = HMAC(EVP_sha256(),
                              secret.data(),
                              static_cast<int>(secret.size()),
                              reinterpret_cast<const unsigned char*>(payload.data()),
                              payload.size(),
                              digest.data(),
                              &length);
    // NOLINTEND(cppcoreguidelines-pro-type-reinterpret-cast)
    if (result == nullptr) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    std::string hex;
    hex.reserve(static_cast<std::size_t>(length) * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex += kHexDigitsLower[digest[i] >> 4U];
        hex += kHexDigitsLower[digest[i] & 0x0FU];
    }
    return hex;
}

std::string percentEncode(std::string_view value) {
    std::string encoded;
    encoded.reserve(value.size());
    for (const char raw : value) {
        const auto c = static_cast<unsigned char>(raw);
        if (isUnreserved(c)) {
            encoded += raw;
        } else {
            encoded += '%';
            encoded += kHexDigitsUpper[c >> 4U];
            encoded += kHexDigitsUpper[c & 0x0FU];
        }
    }
    return encoded;
}

QueryString& QueryString::add(std::string_view name, std::string_view value) {
    if (!text_.empty()) {
        text_ += '&';
    }
    text_ += name;
    text_ += '=';
    text_ += percentEncode(value);
    return *this;
}

}  // namespace robson::binance
