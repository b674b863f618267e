#pragma once

#include "http_errors.hpp"

namespace robson::api::db {

template <typename Work>
auto withConnection(ConnectionPool& pool, Work&& work) {
    auto lease = pool.acquire();
    try {
        return work(**lease);
    } catch (const pqxx::broken_connection&) {
        lease->discard();
        throw unavailable("The database is unreachable.");
    } catch (const pqxx::in_doubt_error&) {
        lease->discard();
        throw unavailable(
            "The database connection was lost while committing; the change may or may not "
            "have been saved.");
    } catch (const pqxx::sql_error&) {
        if (!(*lease)->is_open()) {
            lease->discard();
            throw unavailable("The database connection was lost.");
        }
        throw;
    }
}

}  // namespace robson::api::db
