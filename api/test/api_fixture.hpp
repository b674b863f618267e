#pragma once

#include "api_client.hpp"
#include "robson/api/api_server.hpp"
#include "robson/api/server_config.hpp"

#include <pqxx/pqxx>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace robson::api::test {

/// The HS256 key of every test server, so tests can forge expired tokens.
inline const std::string kTestSecret = "robson-api-test-secret-0123456789abcdef";

/// Two tenants with one user each, seeded once per process (add-user is idempotent).
struct Seed {
    std::int64_t alpha_tenant = 0;
    std::int64_t alpha_user = 0;
    std::int64_t beta_tenant = 0;
    std::int64_t beta_user = 0;
};
inline constexpr const char* kAlicePassword = "alice-password";
inline constexpr const char* kBobPassword = "bob-password";

/// DATABASE_URL (set by tests/support/with_postgres.sh).
[[nodiscard]] std::string databaseUrl();
[[nodiscard]] const Seed& seed();

/// A config for a test server: port 0, no broker (sends fail; the sweeper's job), no exchange.
[[nodiscard]] ServerConfig testConfig();

/// An API server on a free port plus helpers to play the workers in SQL.
class ApiFixture {
public:
    explicit ApiFixture(ServerConfig config = testConfig());
    ~ApiFixture();
    ApiFixture(const ApiFixture&) = delete;
    ApiFixture& operator=(const ApiFixture&) = delete;
    ApiFixture(ApiFixture&&) = delete;
    ApiFixture& operator=(ApiFixture&&) = delete;

    [[nodiscard]] const ApiClient& client() const { return *client_; }
    /// An access token for alice (tenant alpha) or bob (tenant beta).
    [[nodiscard]] std::string aliceToken() const;
    [[nodiscard]] std::string bobToken() const;

    /// A SQL connection of the test's own.
    [[nodiscard]] pqxx::connection& sql() { return *sql_; }
    /// Runs one statement and returns its result.
    pqxx::result exec(const std::string& statement);

    /// An intent row inserted directly in `status` (BTCUSDT, strategy 1, capital 100) for
    /// alice's tenant unless told; returns its id.
    std::string insertIntent(const std::string& status,
                             std::int64_t tenant_id = 0,
                             const std::string& symbol = "BTCUSDT",
                             const std::string& created_at = "now()");

    /// Plays a worker: waits until an intent whose metadata.test is `marker` (or whose id is
    /// `marker`) has `from_status`, sleeps `delay`, then runs `update` with $1 = its id.
    /// Joined by the destructor.
    void playWorker(const std::string& marker,
                    const std::string& from_status,
                    std::chrono::milliseconds delay,
                    const std::string& update);

private:
    std::unique_ptr<ApiServer> server_;
    std::unique_ptr<ApiClient> client_;
    std::unique_ptr<pqxx::connection> sql_;
    std::vector<std::thread> workers_;
};

[[nodiscard]] std::string login(const ApiClient& client,
                                const std::string& username,
                                const std::string& password);

}  // namespace robson::api::test
