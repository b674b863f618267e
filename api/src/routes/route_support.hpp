#pragma once

#include "app.hpp"
#include "auth/authenticate.hpp"
#include "request_bodies/symbol_syntax.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace robson::api {

/// The caller of a request (401 when its token is missing or bad).
[[nodiscard]] inline auth::Caller callerOf(const AppContext& context, const Request& request) {
    return auth::authenticate(request, context.jwt);
}

/// An intent id as the schema allows it (^[A-Za-z0-9_-]{1,29}$). Anything else cannot exist,
/// so it is answered 404 without a query.
[[nodiscard]] bool isPlausibleIntentId(std::string_view id);

/// The {id} of a route, or 404 not_found when it cannot be an intent id.
[[nodiscard]] std::string requireIntentId(const PathParams& params);

/// The {id} of a route naming a BIGSERIAL row (a pattern configuration, a pattern, a scan):
/// decimal digits only, 1 to 2^53. Anything else cannot exist, so it is 404 not_found for
/// `what` without a query.
[[nodiscard]] std::int64_t requireRowId(const PathParams& params, const std::string& what);

}  // namespace robson::api
