// The autotrigger settings and the guardrails' facts against a real PostgreSQL with the
// project's migrations (tests/support/with_postgres.sh provides DATABASE_URL).
#include "robson/store/autotrigger.hpp"

#include "robson/store/intent_ids.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <regex>
#include <set>

using namespace robson;

namespace {

std::string databaseUrl() {
    const char* url = std::getenv("DATABASE_URL");  // NOLINT(concurrency-mt-unsafe)
    BOOST_REQUIRE_MESSAGE(url != nullptr, "run under tests/support/with_postgres.sh");
    return url;
}

/// A connection and a fresh tenant per test.
struct TenantFixture {
    TenantFixture() : db(databaseUrl()) {
        pqxx::work txn(db);
        tenant_id = txn.exec_params("INSERT INTO tenants (name) VALUES ($1) RETURNING id",
                                    "auto-" + store::newIntentId())[0][0]
                        .as<std::int64_t>();
        txn.commit();
    }

    /// An intent on `symbol` with an automatic-execution audit row `age` ago.
    void autoExecution(const std::string& symbol, const std::string& age) {
        pqxx::work txn(db);
        const auto id = store::newIntentId();
        txn.exec_params(
            "INSERT INTO trading_intents (id, tenant_id, strategy_id, symbol, side, timeframe, "
            "capital, status) VALUES ($1, $2, 2, $3, 'BUY', '15m', 100, 'EXECUTING')",
            id,
            tenant_id,
            symbol);
        txn.exec_params(
            "INSERT INTO audit_trail (tenant_id, intent_id, actor, action, created_at) "
            "VALUES ($1, $2, 'worker:validate', $3, now() - $4::interval)",
            tenant_id,
            id,
            store::kAutoExecutionAction,
            age);
        txn.commit();
    }

    pqxx::connection db;
    std::int64_t tenant_id = 0;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(autotrigger, TenantFixture)

BOOST_AUTO_TEST_CASE(a_tenant_without_settings_gets_the_defaults_created_on_first_lock) {
    {
        pqxx::read_transaction txn(db);
        const auto settings = store::readAutotriggerSettings(txn, tenant_id);
        BOOST_TEST(settings.enabled);
        BOOST_TEST(settings.daily_cap == 10);
        BOOST_TEST(settings.cooldown_minutes == 60);
    }
    pqxx::work txn(db);
    const auto locked = store::lockAutotriggerSettings(txn, tenant_id);
    txn.commit();
    BOOST_TEST(locked.enabled);
    BOOST_TEST(locked.daily_cap == 10);
    pqxx::read_transaction check(db);
    BOOST_TEST(check
                   .exec_params("SELECT count(*) FROM autotrigger_settings WHERE tenant_id = $1",
                                tenant_id)[0][0]
                   .as<int>() == 1);
}

BOOST_AUTO_TEST_CASE(the_lock_reads_the_stored_kill_switch) {
    {
        pqxx::work txn(db);
        txn.exec_params(
            "INSERT INTO autotrigger_settings (tenant_id, enabled, daily_cap, cooldown_minutes) "
            "VALUES ($1, false, 3, 5)",
            tenant_id);
        txn.commit();
    }
    pqxx::work txn(db);
    const auto settings = store::lockAutotriggerSettings(txn, tenant_id);
    BOOST_TEST(!settings.enabled);
    BOOST_TEST(settings.daily_cap == 3);
    BOOST_TEST(settings.cooldown_minutes == 5);
}

BOOST_AUTO_TEST_CASE(a_second_locker_of_the_same_tenant_waits_for_the_first) {
    pqxx::work first(db);
    static_cast<void>(store::lockAutotriggerSettings(first, tenant_id));
    first.commit();  // the row exists now
    pqxx::work holder(db);
    static_cast<void>(store::lockAutotriggerSettings(holder, tenant_id));
    pqxx::connection other(databaseUrl());
    pqxx::work waiter(other);
    waiter.exec("SET LOCAL lock_timeout = '200ms'");
    BOOST_CHECK_THROW(static_cast<void>(store::lockAutotriggerSettings(waiter, tenant_id)),
                      pqxx::sql_error);
}

BOOST_AUTO_TEST_CASE(executions_today_count_only_automatic_ones_since_midnight_utc) {
    autoExecution("BTCUSDT", "1 minute");
    autoExecution("ETHUSDT", "2 minutes");
    autoExecution("BTCUSDT", "2 days");
    pqxx::read_transaction txn(db);
    // Two today, unless the test runs in the first two minutes after 00:00 UTC.
    const auto minutes_today =
        txn.exec(
               "SELECT extract(epoch FROM now() - date_trunc('day', now() AT TIME ZONE 'UTC') "
               "AT TIME ZONE 'UTC') / 60")[0][0]
            .as<double>();
    if (minutes_today > 3) {
        BOOST_TEST(store::autoExecutionsToday(txn, tenant_id) == 2);
    }
    BOOST_TEST(store::autoExecutionsToday(txn, tenant_id) <= 2);
}

BOOST_AUTO_TEST_CASE(the_cooldown_sees_the_last_automatic_execution_on_that_symbol_only) {
    pqxx::read_transaction empty(db);
    BOOST_TEST(!store::msSinceLastAutoExecution(empty, tenant_id, "BTCUSDT").has_value());
    empty.commit();
    autoExecution("BTCUSDT", "30 minutes");
    autoExecution("BTCUSDT", "10 minutes");
    autoExecution("ETHUSDT", "1 minute");
    pqxx::read_transaction txn(db);
    const auto since = store::msSinceLastAutoExecution(txn, tenant_id, "BTCUSDT");
    BOOST_REQUIRE(since.has_value());
    BOOST_TEST(*since >= 600'000);
    BOOST_TEST(*since < 660'000);
    BOOST_TEST(!store::msSinceLastAutoExecution(txn, tenant_id, "SOLUSDT").has_value());
}

BOOST_AUTO_TEST_CASE(a_decision_is_stored_with_its_guardrail_and_reason) {
    pqxx::work txn(db);
    store::GuardrailDecisionRow decision;
    decision.tenant_id = tenant_id;
    decision.symbol = "BTCUSDT";
    decision.guardrail = "daily_cap";
    decision.allowed = false;
    decision.reason = "10 of 10 automatic executions today";
    store::insertGuardrailDecision(txn, decision);
    const auto row = txn.exec_params(
        "SELECT guardrail, allowed, reason FROM guardrail_decisions WHERE tenant_id = $1",
        tenant_id)[0];
    BOOST_TEST(row[0].as<std::string>() == "daily_cap");
    BOOST_TEST(!row[1].as<bool>());
    BOOST_TEST(row[2].as<std::string>() == decision.reason);
    decision.guardrail = "not_a_guardrail";
    BOOST_CHECK_THROW(store::insertGuardrailDecision(txn, decision), pqxx::sql_error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(intent_ids_are_random_and_fit_the_intents_id_check) {
    std::set<std::string> seen;
    const std::regex form("^intent-[0-9a-f]{16}$");
    for (int i = 0; i < 200; ++i) {
        const auto id = store::newIntentId();
        BOOST_TEST(std::regex_match(id, form), id);
        seen.insert(id);
    }
    BOOST_TEST(seen.size() == 200U);
}
