#include "auth/authenticate.hpp"

#include "http_errors.hpp"

namespace robson::api::auth {

namespace {

ApiError unauthorized(const std::string& code, const std::string& detail) {
    return ApiError(401, code, detail).withHeader("WWW-Authenticate", "Bearer");
}

bool startsWithBearer(std::string_view header) {
    constexpr std::string_view kBearer = "bearer ";
    if (header.size() < kBearer.size()) {
        return false;
    }
    for (std::size_t i = 0; i < kBearer.size(); ++i) {
        const char c = header[i];
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (lower != kBearer[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

Caller authenticate(const Request& request, const JwtCodec& codec) {
    if (!startsWithBearer(request.authorization)) {
        throw unauthorized("not_authenticated",
                           "Authentication credentials were not provided: send "
                           "'Authorization: Bearer <access token>'.");
    }
    std::string_view token = request.authorization;
    token.remove_prefix(7);
    while (token.starts_with(' ')) {
        token.remove_prefix(1);
    }
    const auto verified = codec.verify(token, TokenType::Access);
    if (const auto* error = std::get_if<TokenError>(&verified)) {
        if (*error == TokenError::Expired) {
            throw unauthorized("token_expired", "The access token has expired; refresh it.");
        }
        throw unauthorized("invalid_token", "The access token is not valid.");
    }
    const auto& claims = std::get<TokenClaims>(verified);
    return Caller{claims.user_id, claims.tenant_id, claims.username};
}

}  // namespace robson::api::auth
