#include "auth/base64url.hpp"

#include <array>
#include <cstdint>

namespace robson::api::auth {

namespace {

constexpr std::string_view kStandard =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrl =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string encode(std::string_view bytes, std::string_view alphabet, bool pad) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t chunk =
            (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16U) |
            (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8U) |
            std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
        out.push_back(alphabet[(chunk >> 18U) & 63U]);
        out.push_back(alphabet[(chunk >> 12U) & 63U]);
        out.push_back(alphabet[(chunk >> 6U) & 63U]);
        out.push_back(alphabet[chunk & 63U]);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t chunk = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16U;
        if (rest == 2) {
            chunk |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8U;
        }
        out.push_back(alphabet[(chunk >> 18U) & 63U]);
        out.push_back(alphabet[(chunk >> 12U) & 63U]);
        if (rest == 2) {
            out.push_back(alphabet[(chunk >> 6U) & 63U]);
        }
        if (pad) {
            out.append(rest == 1 ? "==" : "=");
        }
    }
    return out;
}

std::optional<std::string> decode(std::string_view text, std::string_view alphabet) {
    if (text.size() % 4 == 1) {
        return std::nullopt;
    }
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const std::size_t value = alphabet.find(c);
        if (value == std::string_view::npos) {
            return std::nullopt;
        }
        buffer = (buffer << 6U) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU));
        }
    }
    // The leftover bits must be zero, so each byte string has exactly one encoding.
    if ((buffer & ((1U << static_cast<unsigned>(bits)) - 1U)) != 0) {
        return std::nullopt;
    }
    return out;
}

}  // namespace

std::string base64UrlEncode(std::string_view bytes) {
    return encode(bytes, kUrl, false);
}

std::optional<std::string> base64UrlDecode(std::string_view text) {
    return decode(text, kUrl);
}

std::string base64Encode(std::string_view bytes) {
    return encode(bytes, kStandard, true);
}

std::optional<std::string> base64Decode(std::string_view text) {
    if (text.size() % 4 != 0) {
        return std::nullopt;
    }
    while (text.ends_with('=')) {
        text.remove_suffix(1);
    }
    return decode(text, kStandard);
}

}  // namespace robson::api::auth
