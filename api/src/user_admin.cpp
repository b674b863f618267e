#include "robson/api/user_admin.hpp"

#include "auth/password.hpp"

#include <pqxx/pqxx>

#include <stdexcept>

namespace robson::api {

AddedUser addUser(const std::string& database_url,
                  const std::string& tenant,
                  const std::string& username,
                  const std::string& password) {
    if (tenant.empty() || tenant.size() > 100 || username.empty() || username.size() > 100) {
        throw std::invalid_argument("tenant and username must be 1 to 100 characters");
    }
    if (password.empty() || password.size() > auth::kMaxPasswordLength) {
        throw std::invalid_argument("the password must be 1 to 1024 characters");
    }
    const std::string hash = auth::hashPassword(password);
    pqxx::connection connection(database_url);
    pqxx::work txn(connection);
    txn.exec_params("INSERT INTO tenants (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", tenant);
    AddedUser added;
    added.tenant_id =
        txn.exec_params1("SELECT id FROM tenants WHERE name = $1", tenant)[0].as<std::int64_t>();
    const pqxx::result existing =
        txn.exec_params("SELECT id, tenant_id FROM users WHERE username = $1 FOR UPDATE", username);
    if (existing.empty()) {
        added.user_id = txn.exec_params1(
                               "INSERT INTO users (tenant_id, username, password_hash) "
                               "VALUES ($1, $2, $3) RETURNING id",
                               added.tenant_id,
                               username,
                               hash)[0]
                            .as<std::int64_t>();
        added.created = true;
    } else {
        added.user_id = existing[0][0].as<std::int64_t>();
        if (existing[0][1].as<std::int64_t>() != added.tenant_id) {
            // Moving a user would hand it another tenant's intents: refuse, say why.
            throw std::runtime_error("user '" + username + "' exists in another tenant; not moved");
        }
        txn.exec_params("UPDATE users SET password_hash = $1 WHERE id = $2", hash, added.user_id);
    }
    txn.commit();
    return added;
}

}  // namespace robson::api
