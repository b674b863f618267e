#pragma once

#include "params.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace robson::sim {

/// Lower-case hex HMAC-SHA256 of `data` under `key` (OpenSSL).
[[nodiscard]] std::string hmacSha256Hex(std::string_view key, std::string_view data);

/// The raw text with every `signature=` pair removed (the bytes Binance signs).
[[nodiscard]] std::string withoutSignature(std::string_view raw);

/// What a SIGNED request must prove.
struct SignedRequest {
    std::string_view api_key_header;  ///< X-MBX-APIKEY, empty if absent
    std::string_view raw_query;
    std::string_view raw_body;
    const Params* params = nullptr;
    std::int64_t server_ms = 0;
};

/// Binance's checks in order: key format (-2014) and value (-2015), signature and timestamp
/// present (-1102), recvWindow ≤ 60000 (-1131), HMAC over query‖body without the signature
/// (-1022, hex compared case-insensitively), timestamp within the window and not 1 s ahead
/// (-1021; µs timestamps accepted). Throws ApiFailure; returns normally when authentic.
void authenticate(const SignedRequest& request,
                  std::string_view api_key,
                  std::string_view api_secret);

}  // namespace robson::sim
