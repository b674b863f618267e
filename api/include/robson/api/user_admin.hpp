#pragma once

#include <cstdint>
#include <string>

namespace robson::api {

/// What addUser did.
struct AddedUser {
    std::int64_t tenant_id = 0;
    std::int64_t user_id = 0;
    bool created = false;  ///< false: the user existed and its password was replaced
};

/// Creates the tenant if missing and the user in it, or — when the username exists — replaces
/// its password (idempotent, so `make run` can seed the demo login at every start). An existing
/// user is never moved to another tenant: that throws. Throws on database errors.
AddedUser addUser(const std::string& database_url,
                  const std::string& tenant,
                  const std::string& username,
                  const std::string& password);

}  // namespace robson::api
