#include "db/connection_pool.hpp"

#include "http_errors.hpp"

namespace robson::api::db {

namespace {

/// How long a request waits for a free connection when all are leased.
constexpr std::chrono::seconds kLeaseWait{5};

}  // namespace

ConnectionPool::ConnectionPool(std::string url,
                               std::size_t max_size,
                               std::chrono::seconds connect_timeout)
    : url_(withTimeouts(url, connect_timeout)), max_size_(max_size == 0 ? 1 : max_size) {}

ConnectionPool::~ConnectionPool() = default;

std::string ConnectionPool::withTimeouts(const std::string& url,
                                         std::chrono::seconds connect_timeout) {
    const bool is_uri = url.starts_with("postgresql://") || url.starts_with("postgres://");
    const std::string timeouts_statement = "statement_timeout%3D15000";
    if (is_uri) {
        const char separator = url.find('?') == std::string::npos ? '?' : '&';
        return url + separator + "connect_timeout=" + std::to_string(connect_timeout.count()) +
               "&options=-c%20" + timeouts_statement;
    }
    // Keyword/value form ("host=... dbname=...").
    return url + " connect_timeout=" + std::to_string(connect_timeout.count()) +
           " options='-c statement_timeout=15000'";
}

std::unique_ptr<ConnectionPool::Lease> ConnectionPool::acquire() {
    std::unique_lock lock(mutex_);
    if (!returned_.wait_for(
            lock, kLeaseWait, [this] { return !idle_.empty() || open_ < max_size_; })) {
        throw unavailable("All database connections are busy.");
    }
    if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return std::make_unique<Lease>(*this, std::move(connection));
    }
    ++open_;
    lock.unlock();
    try {
        return std::make_unique<Lease>(*this, std::make_unique<pqxx::connection>(url_));
    } catch (const std::exception&) {
        const std::lock_guard relock(mutex_);
        --open_;
        returned_.notify_one();
        throw unavailable("The database is unreachable.");
    }
}

void ConnectionPool::giveBack(std::unique_ptr<pqxx::connection> connection) {
    const std::lock_guard lock(mutex_);
    if (connection && connection->is_open()) {
        idle_.push_back(std::move(connection));
    } else {
        --open_;
    }
    returned_.notify_one();
}

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

ConnectionPool::Lease::~Lease() {
    pool_.giveBack(std::move(connection_));
}

}  // namespace robson::api::db
