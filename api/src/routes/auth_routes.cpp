// POST /api/auth/token/ and /api/auth/token/refresh/: JWT pairs for a username and password.
#include "app.hpp"
#include "auth/password.hpp"
#include "http_errors.hpp"
#include "json_request.hpp"
#include "robson/logging/log_event.hpp"

namespace robson::api {

namespace {

using nlohmann::json;

struct StoredUser {
    std::int64_t id = 0;
    std::int64_t tenant_id = 0;
    std::string password_hash;
};

std::optional<StoredUser> findUser(pqxx::connection& connection, const std::string& username) {
    pqxx::nontransaction txn(connection);
    const pqxx::result rows = txn.exec_params(
        "SELECT id, tenant_id, password_hash FROM users WHERE username = $1", username);
    if (rows.empty()) {
        return std::nullopt;
    }
    return StoredUser{
        rows[0][0].as<std::int64_t>(), rows[0][1].as<std::int64_t>(), rows[0][2].c_str()};
}

/// True when the user still exists in the tenant its refresh token names (a deleted user's
/// refresh token must stop working).
bool userStillExists(pqxx::connection& connection, const auth::TokenClaims& claims) {
    pqxx::nontransaction txn(connection);
    return !txn.exec_params(
                   "SELECT 1 FROM users WHERE id = $1 AND tenant_id = $2 AND username = $3",
                   claims.user_id,
                   claims.tenant_id,
                   claims.username)
                .empty();
}

Response login(AppContext& context, const Request& request) {
    const json body = parseJsonObject(request.body, false);
    const FieldReader fields(body, {"username", "password"});
    const std::string username = fields.requiredString("username", 100);
    const std::string password = fields.requiredString("password", auth::kMaxPasswordLength);
    const auto user = db::withConnection(
        context.pool, [&](pqxx::connection& connection) { return findUser(connection, username); });
    if (!user) {
        auth::burnPasswordCheck(password);
    }
    if (!user || !auth::verifyPassword(password, user->password_hash)) {
        // The username only: never the password, and never the tokens below.
        logging::logEvent("warning", "login_refused", {{"username", username.substr(0, 100)}});
        throw ApiError(401, "invalid_credentials", "Wrong username or password.");
    }
    logging::logEvent(
        "info", "login", {{"username", username}, {"tenant", std::to_string(user->tenant_id)}});
    return jsonResponse(
        200,
        {{"access",
          context.jwt.issue(user->id, user->tenant_id, username, auth::TokenType::Access)},
         {"refresh",
          context.jwt.issue(user->id, user->tenant_id, username, auth::TokenType::Refresh)},
         {"token_type", "Bearer"},
         {"expires_in", auth::kAccessLifetime.count()}});
}

Response refresh(AppContext& context, const Request& request) {
    const json body = parseJsonObject(request.body, false);
    const FieldReader fields(body, {"refresh"});
    const std::string token = fields.requiredString("refresh", 4096);
    const auto verified = context.jwt.verify(token, auth::TokenType::Refresh);
    if (const auto* error = std::get_if<auth::TokenError>(&verified)) {
        if (*error == auth::TokenError::Expired) {
            throw ApiError(401, "token_expired", "The refresh token has expired; log in again.");
        }
        throw ApiError(401, "invalid_token", "The refresh token is not valid.");
    }
    const auto& claims = std::get<auth::TokenClaims>(verified);
    const bool exists = db::withConnection(context.pool, [&](pqxx::connection& connection) {
        return userStillExists(connection, claims);
    });
    if (!exists) {
        throw ApiError(401, "invalid_token", "The refresh token's user no longer exists.");
    }
    return jsonResponse(
        200,
        {{"access",
          context.jwt.issue(
              claims.user_id, claims.tenant_id, claims.username, auth::TokenType::Access)},
         {"token_type", "Bearer"},
         {"expires_in", auth::kAccessLifetime.count()}});
}

}  // namespace

void addAuthRoutes(Router& router, AppContext& context) {
    router.add("POST", "/api/auth/token/", [&context](const Request& request, const PathParams&) {
        return login(context, request);
    });
    router.add(
        "POST", "/api/auth/token/refresh/", [&context](const Request& request, const PathParams&) {
            return refresh(context, request);
        });
}

}  // namespace robson::api
