#include "pattern_fixture.hpp"

#include "robson/api/user_admin.hpp"

#include <atomic>
#include <unistd.h>

namespace robson::api::test {

std::int64_t insertPattern(ApiFixture& api,
                           const std::string& symbol,
                           const std::string& pattern,
                           const std::string& timeframe,
                           const std::string& state,
                           const std::string& detected_at) {
    // A distinct trigger candle per row: (pattern, symbol, timeframe, trigger) is unique.
    static std::atomic<std::int64_t> candle{0};
    const std::int64_t open_time = 1'767'225'600'000 + (++candle) * 900'000;
    pqxx::work txn(api.sql());
    const pqxx::result rows = txn.exec_params(
        "INSERT INTO pattern_instances (pattern, direction, symbol, timeframe, "
        "trigger_open_time_ms, trigger_candle, confidence, confirmation_level, "
        "invalidation_level, state, explanation, detected_at, confirmed_at) VALUES ($1, $2, $3, "
        "$4, $5, $6::jsonb, 0.750, 100.50000000, 90.00000000, $7, 'a hammer on the 15m', " +
            detected_at + ", CASE WHEN $7 = 'CONFIRMED' THEN now() END) RETURNING id",
        pattern,
        pattern == "BEARISH_ENGULFING" ? "SELL" : "BUY",
        symbol,
        timeframe,
        open_time,
        R"({"open": "98", "high": "100.5", "low": "90", "close": "100", "volume": "12.5"})",
        state);
    txn.commit();
    return rows[0][0].as<std::int64_t>();
}

std::string insertPatternIntent(ApiFixture& api,
                                const std::string& status,
                                std::int64_t pattern_id,
                                std::int64_t tenant_id,
                                const std::string& created_at) {
    static std::atomic<int> counter{0};
    const std::string id = "p-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
    const std::int64_t tenant = tenant_id == 0 ? seed().alpha_tenant : tenant_id;
    const nlohmann::json metadata = {{"source", "pattern"},
                                     {"pattern",
                                      {{"id", pattern_id},
                                       {"kind", "HAMMER"},
                                       {"confidence", "0.85"},
                                       {"direction", "BUY"},
                                       {"trigger_open_time", "2026-12-04T10:15:00Z"}}},
                                     {"config_id", 3},
                                     {"auto_mode", "manual"}};
    pqxx::work txn(api.sql());
    txn.exec_params(
        "INSERT INTO trading_intents (id, tenant_id, strategy_id, symbol, side, timeframe, "
        "entry_mode, capital, metadata, status, created_at) VALUES ($1, $2, 1, 'BTCUSDT', 'BUY', "
        "'15m', 'pattern', 100, $3::jsonb, $4::intent_status, " +
            created_at + ")",
        id,
        tenant,
        metadata.dump(),
        status);
    txn.commit();
    return id;
}

std::int64_t insertConfig(ApiFixture& api, std::int64_t tenant_id) {
    const auto rows = api.exec(
        "INSERT INTO pattern_configs (tenant_id, strategy_id, pattern, symbols, timeframes, "
        "capital) VALUES (" +
        std::to_string(tenant_id) + ", 1, 'HAMMER', '{BTCUSDT}', '{15m}', 100) RETURNING id");
    return rows[0][0].as<std::int64_t>();
}

std::string loginFreshTenant(ApiFixture& api, const std::string& name, std::int64_t* tenant_id) {
    const std::string username = name + "-" + std::to_string(::getpid());
    const std::string password = "password-of-" + username;
    const AddedUser added = addUser(databaseUrl(), "tenant-" + username, username, password);
    if (tenant_id != nullptr) {
        *tenant_id = added.tenant_id;
    }
    return login(api.client(), username, password);
}

}  // namespace robson::api::test
