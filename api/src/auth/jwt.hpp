#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>

namespace robson::api::auth {

/// Which of the two tokens a JWT is: an access token opens the API, a refresh token only
/// buys a new access token. The "typ" claim keeps one from being used as the other.
enum class TokenType { Access, Refresh };

/// Who a token speaks for.
struct TokenClaims {
    std::int64_t user_id = 0;
    std::int64_t tenant_id = 0;
    std::string username;
    TokenType type = TokenType::Access;
    std::int64_t issued_at = 0;   ///< epoch seconds
    std::int64_t expires_at = 0;  ///< epoch seconds
};

enum class TokenError { Invalid, Expired };

inline constexpr std::chrono::seconds kAccessLifetime{15 * 60};
inline constexpr std::chrono::seconds kRefreshLifetime{7 * 24 * 3600};

/// HS256 JSON Web Tokens (RFC 7519) with OpenSSL's HMAC-SHA256 (Poco 1.11's
/// HMACEngine<SHA2Engine> does not compile, and the format is small enough to own). Only
/// HS256 is accepted: a header naming "none" or any other algorithm is invalid, so a forged
/// unsigned token cannot pass. Signatures are compared in constant time. Thread-safe (const).
class JwtCodec {
public:
    /// Epoch seconds; injectable so expiry can be tested without waiting.
    using Clock = std::function<std::int64_t()>;

    explicit JwtCodec(std::string secret, Clock clock = {});

    /// A signed token for the user, of the given type, living kAccessLifetime or
    /// kRefreshLifetime from now.
    [[nodiscard]] std::string issue(std::int64_t user_id,
                                    std::int64_t tenant_id,
                                    const std::string& username,
                                    TokenType type) const;

    /// The claims of a well-signed, unexpired token of type `expected`, else why not.
    [[nodiscard]] std::variant<TokenClaims, TokenError> verify(std::string_view token,
                                                               TokenType expected) const;

private:
    [[nodiscard]] std::string sign(std::string_view signing_input) const;

    std::string secret_;
    Clock clock_;
};

}  // namespace robson::api::auth
