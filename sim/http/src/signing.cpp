#include "signing.hpp"

#include "api_failure.hpp"
#include "robson/sim/engine/error_texts.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace robson::sim {

std::string hmacSha256Hex(std::string_view key, std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): OpenSSL takes bytes
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    HMAC(EVP_sha256(),
         key.data(),
         static_cast<int>(key.size()),
         bytes,
         data.size(),
         digest.data(),
         &length);
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4U]);
        hex.push_back(kHex[digest[i] & 0x0fU]);
    }
    return hex;
}

std::string withoutSignature(std::string_view raw) {
    std::string out;
    while (!raw.empty()) {
        const auto amp = raw.find('&');
        const std::string_view pair = raw.substr(0, amp);
        raw = amp == std::string_view::npos ? std::string_view{} : raw.substr(amp + 1);
        if (pair.starts_with("signature=") || pair == "signature") {
            continue;
        }
        if (!out.empty()) {
            out.push_back('&');
        }
        out.append(pair);
    }
    return out;
}

namespace {

bool validKeyFormat(std::string_view key) {
    if (key.empty() || key.size() > 128) {
        return false;
    }
    return std::ranges::all_of(key, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    });
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

void checkTimestamp(const Params& params, std::int64_t server_ms) {
    std::int64_t timestamp = *params.integer("timestamp");
    if (timestamp >= 100'000'000'000'000) {  // microseconds
        timestamp /= 1000;
    }
    const domain::Decimal window =
        params.decimal("recvWindow").value_or(domain::Decimal::fromInteger(5000));
    if (window > domain::Decimal::fromInteger(60'000)) {
        throw ApiFailure(ApiError{-1131, "recvWindow must be less than 60000", 400});
    }
    if (timestamp >= server_ms + 1000) {
        throw ApiFailure(ApiError{-1021, std::string(errors::kTimestampAhead), 400});
    }
    const std::int64_t elapsed = server_ms - timestamp;
    if (elapsed > 60'000 || domain::Decimal::fromInteger(elapsed) > window) {
        throw ApiFailure(ApiError{-1021, std::string(errors::kTimestampBehind), 400});
    }
}

}  // namespace

void authenticate(const SignedRequest& request,
                  std::string_view api_key,
                  std::string_view api_secret) {
    if (!validKeyFormat(request.api_key_header)) {
        throw ApiFailure(ApiError{-2014, std::string(errors::kKeyFormat), 401});
    }
    if (request.api_key_header != api_key) {
        throw ApiFailure(ApiError{-2015, std::string(errors::kKeyInvalid), 401});
    }
    const Params& params = *request.params;
    const std::string signature = params.required("signature");
    (void)params.required("timestamp");
    const std::string payload =
        withoutSignature(request.raw_query) + withoutSignature(request.raw_body);
    if (!equalsIgnoringCase(hmacSha256Hex(api_secret, payload), signature)) {
        throw ApiFailure(ApiError{-1022, std::string(errors::kSignatureInvalid), 400});
    }
    checkTimestamp(params, request.server_ms);
}

}  // namespace robson::sim
