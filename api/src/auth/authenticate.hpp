#pragma once

#include "auth/jwt.hpp"
#include "http_types.hpp"

namespace robson::api::auth {

/// The caller of a request, from its access token: every query is scoped to tenant_id.
struct Caller {
    std::int64_t user_id = 0;
    std::int64_t tenant_id = 0;
    std::string username;
};

/// Reads "Authorization: Bearer <access token>". Throws ApiError 401: not_authenticated when
/// there is no bearer token, token_expired, or invalid_token (bad signature, malformed, a
/// refresh token). The tenant is trusted from the signed token, not looked up.
[[nodiscard]] Caller authenticate(const Request& request, const JwtCodec& codec);

}  // namespace robson::api::auth
