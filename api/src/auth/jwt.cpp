#include "auth/jwt.hpp"

#include "auth/base64url.hpp"
#include "random_id.hpp"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <optional>
#include <stdexcept>

namespace robson::api::auth {

namespace {

using nlohmann::json;

/// Tokens longer than this are not ours (ours are ~300 bytes): refuse before any work.
constexpr std::size_t kMaxTokenLength = 4096;

std::int64_t systemNowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string_view typeName(TokenType type) {
    return type == TokenType::Access ? "access" : "refresh";
}

/// A claim that must be an integer.
std::optional<std::int64_t> integerClaim(const json& payload, const char* name) {
    const auto it = payload.find(name);
    if (it == payload.end() || !it->is_number_integer()) {
        return std::nullopt;
    }
    return it->get<std::int64_t>();
}

std::optional<json> decodeJsonPart(std::string_view part) {
    const auto bytes = base64UrlDecode(part);
    if (!bytes) {
        return std::nullopt;
    }
    json parsed = json::parse(*bytes, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        return std::nullopt;
    }
    return parsed;
}

}  // namespace

JwtCodec::JwtCodec(std::string secret, Clock clock)
    : secret_(std::move(secret)), clock_(clock ? std::move(clock) : Clock(systemNowSeconds)) {
    if (secret_.size() < 16) {
        throw std::invalid_argument("the JWT secret must be at least 16 bytes");
    }
}

std::string JwtCodec::sign(std::string_view signing_input) const {
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int length = 0;
    if (HMAC(EVP_sha256(),
             secret_.data(),
             static_cast<int>(secret_.size()),
             reinterpret_cast<const unsigned char*>(signing_input.data()),
             signing_input.size(),
             mac.data(),
             &length) == nullptr) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    return {reinterpret_cast<const char*>(mac.data()), length};
}

std::string JwtCodec::issue(std::int64_t user_id,
                            std::int64_t tenant_id,
                            const std::string& username,
                            TokenType type) const {
    const std::int64_t now = clock_();
    const auto lifetime = type == TokenType::Access ? kAccessLifetime : kRefreshLifetime;
    const json header = {{"alg", "HS256"}, {"typ", "JWT"}};
    const json payload = {{"sub", std::to_string(user_id)},
                          {"tid", tenant_id},
                          {"usr", username},
                          {"typ", typeName(type)},
                          {"iat", now},
                          {"exp", now + lifetime.count()},
                          {"jti", randomHex(8)}};
    const std::string input =
        base64UrlEncode(header.dump()) + "." + base64UrlEncode(payload.dump());
    return input + "." + base64UrlEncode(sign(input));
}

std::variant<TokenClaims, TokenError> JwtCodec::verify(std::string_view token,
                                                       TokenType expected) const {
    if (token.size() > kMaxTokenLength) {
        return TokenError::Invalid;
    }
    const std::size_t first = token.find('.');
    const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
    if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
        return TokenError::Invalid;
    }
    const std::string_view input = token.substr(0, second);
    const auto signature = base64UrlDecode(token.substr(second + 1));
    const std::string expected_signature = sign(input);
    if (!signature || signature->size() != expected_signature.size() ||
        CRYPTO_memcmp(signature->data(), expected_signature.data(), signature->size()) != 0) {
        return TokenError::Invalid;
    }
    // Only after the signature holds is the content looked at.
    const auto header = decodeJsonPart(token.substr(0, first));
    const auto payload = decodeJsonPart(token.substr(first + 1, second - first - 1));
    if (!header || !payload || header->value("alg", "") != "HS256") {
        return TokenError::Invalid;
    }
    const auto tenant = integerClaim(*payload, "tid");
    const auto issued = integerClaim(*payload, "iat");
    const auto expires = integerClaim(*payload, "exp");
    const auto sub = payload->find("sub");
    const auto usr = payload->find("usr");
    const auto typ = payload->find("typ");
    if (!tenant || !issued || !expires || sub == payload->end() || !sub->is_string() ||
        usr == payload->end() || !usr->is_string() || typ == payload->end() || !typ->is_string() ||
        typ->get<std::string>() != typeName(expected)) {
        return TokenError::Invalid;
    }
    TokenClaims claims;
    try {
        std::size_t used = 0;
        const std::string& sub_text = sub->get_ref<const std::string&>();
        claims.user_id = std::stoll(sub_text, &used);
        if (used != sub_text.size()) {
            return TokenError::Invalid;
        }
    } catch (const std::exception&) {
        return TokenError::Invalid;
    }
    if (clock_() >= *expires) {
        return TokenError::Expired;
    }
    claims.tenant_id = *tenant;
    claims.username = usr->get<std::string>();
    claims.type = expected;
    claims.issued_at = *issued;
    claims.expires_at = *expires;
    return claims;
}

}  // namespace robson::api::auth
