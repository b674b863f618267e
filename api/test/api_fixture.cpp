#include "api_fixture.hpp"

#include "robson/api/user_admin.hpp"

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

namespace robson::api::test {

std::string databaseUrl() {
    const char* url = std::getenv("DATABASE_URL");  // NOLINT(concurrency-mt-unsafe)
    if (url == nullptr || *url == '\0') {
        throw std::runtime_error("DATABASE_URL is not set: run through with_postgres.sh");
    }
    return url;
}

const Seed& seed() {
    static std::once_flag once;
    static Seed seeded;
    std::call_once(once, [] {
        const auto alice = addUser(databaseUrl(), "alpha", "alice", kAlicePassword);
        const auto bob = addUser(databaseUrl(), "beta", "bob", kBobPassword);
        seeded = Seed{alice.tenant_id, alice.user_id, bob.tenant_id, bob.user_id};
    });
    return seeded;
}

ServerConfig testConfig() {
    ServerConfig config;
    config.port = 0;
    config.database_url = databaseUrl();
    config.broker = "tcp://127.0.0.1:1";  // nothing listens: every send fails fast
    config.exchange_url = "http://127.0.0.1:1";
    config.jwt_secret = kTestSecret;
    config.openapi_path = std::string(ROBSON_SOURCE_DIR) + "/api/openapi.yaml";
    config.plan_wait = std::chrono::milliseconds(3000);
    config.execute_wait = std::chrono::milliseconds(3000);
    config.max_threads = 64;
    return config;
}

ApiFixture::ApiFixture(ServerConfig config) {
    (void)seed();
    server_ = std::make_unique<ApiServer>(std::move(config));
    server_->start();
    client_ = std::make_unique<ApiClient>(server_->port());
    sql_ = std::make_unique<pqxx::connection>(databaseUrl());
}

ApiFixture::~ApiFixture() {
    for (auto& worker : workers_) {
        worker.join();
    }
    server_->stop();
}

std::string login(const ApiClient& client,
                  const std::string& username,
                  const std::string& password) {
    const auto reply =
        client.post("/api/auth/token/", {{"username", username}, {"password", password}});
    if (reply.status != 200) {
        throw std::runtime_error("login failed: " + reply.body);
    }
    return reply.json["access"].get<std::string>();
}

std::string ApiFixture::aliceToken() const {
    return login(*client_, "alice", kAlicePassword);
}

std::string ApiFixture::bobToken() const {
    return login(*client_, "bob", kBobPassword);
}

pqxx::result ApiFixture::exec(const std::string& statement) {
    pqxx::work txn(*sql_);
    pqxx::result result = txn.exec(statement);
    txn.commit();
    return result;
}

std::string ApiFixture::insertIntent(const std::string& status,
                                     std::int64_t tenant_id,
                                     const std::string& symbol,
                                     const std::string& created_at) {
    static std::atomic<int> counter{0};
    const std::string id = "t-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
    pqxx::work txn(*sql_);
    txn.exec_params(
        "INSERT INTO trading_intents (id, tenant_id, user_id, strategy_id, symbol, side, "
        "timeframe, capital, status, created_at) VALUES ($1, $2, $3, 1, $4, 'BUY', '15m', "
        "100, $5::intent_status, " +
            created_at + ")",
        id,
        tenant_id == 0 ? seed().alpha_tenant : tenant_id,
        tenant_id == 0 || tenant_id == seed().alpha_tenant ? seed().alpha_user : seed().beta_user,
        symbol,
        status);
    txn.commit();
    return id;
}

void ApiFixture::playWorker(const std::string& marker,
                            const std::string& from_status,
                            std::chrono::milliseconds delay,
                            const std::string& update) {
    workers_.emplace_back([marker, from_status, delay, update] {
        pqxx::connection connection(databaseUrl());
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < give_up) {
            std::string id;
            {
                pqxx::nontransaction txn(connection);
                const auto rows = txn.exec_params(
                    "SELECT id FROM trading_intents WHERE (metadata->>'test' = $1 OR id = $1) "
                    "AND status::text = $2",
                    marker,
                    from_status);
                if (!rows.empty()) {
                    id = rows[0][0].c_str();
                }
            }
            if (!id.empty()) {
                std::this_thread::sleep_for(delay);
                pqxx::work txn(connection);
                txn.exec_params(update, id);
                txn.commit();
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });
}

}  // namespace robson::api::test
