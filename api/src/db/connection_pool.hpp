#pragma once

#include <pqxx/pqxx>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace robson::api::db {

/// A small pool of PostgreSQL connections for the HTTP threads. libpq forbids two threads on
/// one connection, so a request leases one for its whole life and gives it back. Connections
/// are opened lazily (up to `max_size`), with a connect timeout so a database that does not
/// answer costs seconds, not a hung thread; one found broken is dropped and replaced by the
/// next lease. Every failure to reach the database surfaces as ApiError 503 `unavailable`.
class ConnectionPool {
public:
    ConnectionPool(std::string url, std::size_t max_size, std::chrono::seconds connect_timeout);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;
    ConnectionPool(ConnectionPool&&) = delete;
    ConnectionPool& operator=(ConnectionPool&&) = delete;

    /// A leased connection; returned to the pool on destruction unless discard()ed.
    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> connection);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease(Lease&&) = delete;
        Lease& operator=(Lease&&) = delete;

        pqxx::connection& operator*() { return *connection_; }
        pqxx::connection* operator->() { return connection_.get(); }
        /// Do not give this connection back (it failed mid-use).
        void discard() { connection_.reset(); }

    private:
        ConnectionPool& pool_;
        std::unique_ptr<pqxx::connection> connection_;
    };

    /// Throws ApiError 503 when no connection can be opened or the pool stays exhausted.
    [[nodiscard]] std::unique_ptr<Lease> acquire();

    /// The URL libpq is given: `url` plus connect_timeout and a statement_timeout (so a
    /// locked or slow query cannot hold an HTTP thread forever).
    [[nodiscard]] static std::string withTimeouts(const std::string& url,
                                                  std::chrono::seconds connect_timeout);

private:
    void giveBack(std::unique_ptr<pqxx::connection> connection);

    std::string url_;
    std::size_t max_size_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<pqxx::connection>> idle_;
    std::size_t open_ = 0;  // idle + leased
};

/// Runs `work(connection)` on a leased connection and maps lost connections to 503
/// `unavailable`: pqxx::broken_connection, an in-doubt commit, or any SQL error after which the
/// connection is no longer open (a lost connection can first surface as an sql_error with no
/// SQLSTATE). Other exceptions pass through unchanged.
template <typename Work>
auto withConnection(ConnectionPool& pool, Work&& work);

}  // namespace robson::api::db

#include "db/connection_pool_inl.hpp"
