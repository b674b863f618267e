// Automatic execution of pattern intents against a real PostgreSQL
// (tests/support/with_postgres.sh): the guardrails decided and recorded in the validate
// worker's transaction, and the execute worker's kill-switch re-check.
#include "auto_execution.hpp"

#include "robson/store/intent_ids.hpp"
#include "robson/store/job_queue.hpp"
#include "scripted_market.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>

using namespace robson;
using namespace robson::workers;
using namespace std::chrono_literals;

namespace {

std::string databaseUrl() {
    const char* url = std::getenv("DATABASE_URL");  // NOLINT(concurrency-mt-unsafe)
    BOOST_REQUIRE_MESSAGE(url != nullptr, "run under tests/support/with_postgres.sh");
    return url;
}

/// A tenant with one configuration of each automatic mode and a manual one.
struct AutoFixture {
    AutoFixture() : db(databaseUrl()) {
        pqxx::work txn(db);
        tenant_id = txn.exec_params("INSERT INTO tenants (name) VALUES ($1) RETURNING id",
                                    "auto-exec-" + store::newIntentId())[0][0]
                        .as<std::int64_t>();
        txn.commit();
        dry_config = config("auto_dry_run");
        live_config = config("auto_live");
        manual_config = config("manual");
    }

    std::int64_t config(const std::string& mode) {
        pqxx::work txn(db);
        const auto id =
            txn.exec_params(
                   "INSERT INTO pattern_configs (tenant_id, strategy_id, pattern, symbols, "
                   "timeframes, capital, mode, risk_acknowledged_at) VALUES ($1, 2, "
                   "'MA_CROSSOVER', '{BTCUSDT,ETHUSDT}', '{15m}', 100, $2, "
                   "CASE WHEN $2 = 'auto_live' THEN now() END) RETURNING id",
                   tenant_id,
                   mode)[0][0]
                .as<std::int64_t>();
        txn.commit();
        return id;
    }

    void settings(bool enabled, int daily_cap, int cooldown_minutes) {
        exec(
            "INSERT INTO autotrigger_settings (tenant_id, enabled, daily_cap, cooldown_minutes) "
            "VALUES (" +
            std::to_string(tenant_id) + ", " + (enabled ? "true" : "false") + ", " +
            std::to_string(daily_cap) + ", " + std::to_string(cooldown_minutes) +
            ") ON CONFLICT (tenant_id) DO UPDATE SET enabled = EXCLUDED.enabled, daily_cap = "
            "EXCLUDED.daily_cap, cooldown_minutes = EXCLUDED.cooldown_minutes");
    }

    /// A pattern intent of `config_id` just validated (status `status`).
    IntentRecord intent(std::int64_t config_id,
                        const std::string& mode,
                        const std::string& symbol = "BTCUSDT",
                        const std::string& status = "VALIDATED") {
        IntentRecord record;
        record.id = store::newIntentId();
        record.tenant_id = tenant_id;
        record.strategy_id = 2;
        record.symbol = symbol;
        record.timeframe = "15m";
        record.status = status;
        record.metadata = {{"source", "pattern"},
                           {"pattern", {{"id", nullptr}, {"kind", "MA_CROSSOVER"}}},
                           {"config_id", config_id},
                           {"auto_mode", mode}};
        pqxx::work txn(db);
        txn.exec_params(
            "INSERT INTO trading_intents (id, tenant_id, strategy_id, symbol, side, timeframe, "
            "entry_mode, capital, metadata, status) VALUES ($1, $2, 2, $3, 'BUY', '15m', "
            "'pattern', 100, $4::jsonb, $5::intent_status)",
            record.id,
            tenant_id,
            symbol,
            record.metadata.dump(),
            status);
        txn.commit();
        return record;
    }

    /// What the validate worker does after its status change.
    std::optional<wire::JobEnvelope> start(const IntentRecord& record,
                                           bool validated = true,
                                           const std::string& reasons = "") {
        pqxx::work txn(db);
        auto envelope = startAutomaticExecution(txn, record, validated, reasons, "worker:validate");
        txn.commit();
        return envelope;
    }

    void exec(const std::string& statement) {
        pqxx::work txn(db);
        txn.exec(statement);
        txn.commit();
    }
    std::string text(const std::string& query) {
        pqxx::read_transaction txn(db);
        return txn.exec(query).at(0)[0].as<std::string>();
    }
    std::string status(const IntentRecord& record) {
        return text("SELECT status::text FROM trading_intents WHERE id = '" + record.id + "'");
    }
    /// "guardrail:allowed" for each decision about the intent, in order.
    std::string decisions(const IntentRecord& record) {
        return text(
            "SELECT coalesce(string_agg(guardrail || ':' || allowed::text, ' ' ORDER BY id), '') "
            "FROM guardrail_decisions WHERE intent_id = '" +
            record.id + "'");
    }
    std::string auditActions(const IntentRecord& record) {
        return text(
            "SELECT coalesce(string_agg(action, ' ' ORDER BY id), '') FROM audit_trail "
            "WHERE intent_id = '" +
            record.id + "'");
    }

    pqxx::connection db;
    std::int64_t tenant_id = 0;
    std::int64_t dry_config = 0;
    std::int64_t live_config = 0;
    std::int64_t manual_config = 0;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(auto_execution, AutoFixture)

BOOST_AUTO_TEST_CASE(the_automatic_mode_comes_from_a_pattern_intents_metadata_only) {
    BOOST_TEST(
        automaticModeOf({{"source", "pattern"}, {"auto_mode", "auto_dry_run"}}).value_or("") ==
        "DRY_RUN");
    BOOST_TEST(automaticModeOf({{"source", "pattern"}, {"auto_mode", "auto_live"}}).value_or("") ==
               "LIVE");
    BOOST_TEST(!automaticModeOf({{"source", "pattern"}, {"auto_mode", "manual"}}).has_value());
    BOOST_TEST(!automaticModeOf({{"source", "api"}, {"auto_mode", "auto_live"}}).has_value());
    BOOST_TEST(!automaticModeOf(nlohmann::json::object()).has_value());
    BOOST_TEST(!automaticModeOf(nlohmann::json::array()).has_value());
}

BOOST_AUTO_TEST_CASE(all_guardrails_allowing_starts_the_execution_as_the_api_would) {
    const auto record = intent(dry_config, "auto_dry_run");
    const auto envelope = start(record);
    BOOST_REQUIRE(envelope.has_value());
    BOOST_TEST((envelope->kind == wire::JobKind::Execute));
    BOOST_TEST(status(record) == "EXECUTING");
    BOOST_TEST(text("SELECT payload::text FROM jobs WHERE kind = 'execute' AND intent_id = '" +
                    record.id + "'") == R"({"mode": "DRY_RUN"})");
    BOOST_TEST(decisions(record) == "kill_switch:true daily_cap:true cooldown:true");
    BOOST_TEST(auditActions(record) ==
               "GUARDRAIL_ALLOWED GUARDRAIL_ALLOWED GUARDRAIL_ALLOWED AUTO_EXECUTION_REQUESTED");
    // The tenant's settings row was made with the defaults.
    BOOST_TEST(text("SELECT daily_cap::text FROM autotrigger_settings WHERE tenant_id = " +
                    std::to_string(tenant_id)) == "10");
}

BOOST_AUTO_TEST_CASE(auto_live_starts_a_live_execution) {
    const auto record = intent(live_config, "auto_live");
    BOOST_REQUIRE(start(record).has_value());
    BOOST_TEST(text("SELECT payload->>'mode' FROM jobs WHERE kind = 'execute' AND intent_id = '" +
                    record.id + "'") == "LIVE");
}

BOOST_AUTO_TEST_CASE(the_kill_switch_blocks_and_the_intent_waits_validated) {
    settings(false, 10, 60);
    const auto record = intent(dry_config, "auto_dry_run");
    BOOST_TEST(!start(record).has_value());
    BOOST_TEST(status(record) == "VALIDATED");
    BOOST_TEST(decisions(record) == "kill_switch:false daily_cap:true cooldown:true");
    BOOST_TEST(text("SELECT count(*)::text FROM jobs WHERE intent_id = '" + record.id + "'") ==
               "0");
}

BOOST_AUTO_TEST_CASE(the_daily_cap_blocks_the_automatic_execution_after_the_cap) {
    settings(true, 1, 0);
    const auto first = intent(dry_config, "auto_dry_run");
    const auto second = intent(dry_config, "auto_dry_run", "ETHUSDT");
    BOOST_TEST(start(first).has_value());
    BOOST_TEST(!start(second).has_value());
    BOOST_TEST(status(second) == "VALIDATED");
    BOOST_TEST(decisions(second) == "kill_switch:true daily_cap:false cooldown:true");
    BOOST_TEST(text("SELECT reason FROM guardrail_decisions WHERE guardrail = 'daily_cap' AND "
                    "intent_id = '" +
                    second.id + "'") ==
               "daily cap reached: 1 of 1 automatic executions used today (UTC)");
}

BOOST_AUTO_TEST_CASE(the_cooldown_blocks_a_second_execution_on_the_same_symbol_only) {
    settings(true, 10, 60);
    const auto first = intent(dry_config, "auto_dry_run");
    const auto same_symbol = intent(dry_config, "auto_dry_run");
    const auto other_symbol = intent(dry_config, "auto_dry_run", "ETHUSDT");
    BOOST_TEST(start(first).has_value());
    BOOST_TEST(!start(same_symbol).has_value());
    BOOST_TEST(decisions(same_symbol) == "kill_switch:true daily_cap:true cooldown:false");
    BOOST_TEST(status(same_symbol) == "VALIDATED");
    BOOST_TEST(start(other_symbol).has_value());
}

BOOST_AUTO_TEST_CASE(a_rejected_automatic_intent_is_a_blocked_validation_decision) {
    const auto record = intent(dry_config, "auto_dry_run", "BTCUSDT", "REJECTED");
    BOOST_TEST(!start(record, false, "balance_check: not enough USDT").has_value());
    BOOST_TEST(decisions(record) == "validation:false");
    BOOST_TEST(status(record) == "REJECTED");
}

BOOST_AUTO_TEST_CASE(a_manual_intent_is_left_waiting_without_any_decision) {
    const auto record = intent(manual_config, "manual");
    BOOST_TEST(!start(record).has_value());
    BOOST_TEST(decisions(record).empty());
    BOOST_TEST(auditActions(record).empty());
    BOOST_TEST(status(record) == "VALIDATED");
}

BOOST_AUTO_TEST_CASE(a_configuration_switched_to_manual_meanwhile_is_not_executed) {
    const auto record = intent(dry_config, "auto_dry_run");
    exec("UPDATE pattern_configs SET mode = 'manual' WHERE id = " + std::to_string(dry_config));
    BOOST_TEST(!start(record).has_value());
    BOOST_TEST(status(record) == "VALIDATED");
    BOOST_TEST(auditActions(record) == "AUTO_EXECUTION_SKIPPED");
}

BOOST_AUTO_TEST_CASE(the_execute_worker_stops_an_automatic_execution_when_switched_off) {
    const auto record = intent(dry_config, "auto_dry_run");
    const auto envelope = *start(record);
    settings(false, 10, 60);
    const auto claim = *store::claimJob(db, envelope.job_id, "test", 60s);
    testing::ScriptedMarket market;
    StageContext context{db, market, [] { return std::int64_t{0}; }, "worker:execute"};
    BOOST_TEST(stopIfKillSwitchOff(context, claim, record));
    BOOST_TEST(status(record) == "VALIDATED");
    BOOST_TEST(decisions(record) ==
               "kill_switch:true daily_cap:true cooldown:true kill_switch:false");
    BOOST_TEST(text("SELECT count(*)::text FROM jobs WHERE id = " +
                    std::to_string(envelope.job_id)) == "0");
    // A person may execute it now: the execute job can be enqueued again.
    pqxx::work txn(db);
    store::NewJob job;
    job.intent_id = record.id;
    job.tenant_id = tenant_id;
    job.kind = wire::JobKind::Execute;
    BOOST_TEST(store::enqueueJob(txn, job).has_value());
}

BOOST_AUTO_TEST_CASE(the_execute_worker_leaves_a_persons_execution_alone) {
    testing::ScriptedMarket market;
    StageContext context{db, market, [] { return std::int64_t{0}; }, "worker:execute"};
    // Stopped once by the switch, then executed by a person (a new job, a later time).
    const auto record = intent(dry_config, "auto_dry_run");
    const auto automatic = *start(record);
    settings(false, 10, 60);
    BOOST_REQUIRE(
        stopIfKillSwitchOff(context, *store::claimJob(db, automatic.job_id, "test", 60s), record));
    std::optional<wire::JobEnvelope> by_person;
    {
        pqxx::work txn(db);
        txn.exec_params("UPDATE trading_intents SET status = 'EXECUTING' WHERE id = $1", record.id);
        store::NewJob job;
        job.intent_id = record.id;
        job.tenant_id = tenant_id;
        job.kind = wire::JobKind::Execute;
        job.payload_json = R"({"mode": "DRY_RUN"})";
        by_person = store::enqueueJob(txn, job);
        txn.commit();
    }
    const auto claim = *store::claimJob(db, by_person->job_id, "test", 60s);
    BOOST_TEST(!stopIfKillSwitchOff(context, claim, record));
    BOOST_TEST(status(record) == "EXECUTING");
}

BOOST_AUTO_TEST_CASE(the_execute_worker_goes_on_with_an_execution_already_under_way) {
    testing::ScriptedMarket market;
    StageContext context{db, market, [] { return std::int64_t{0}; }, "worker:execute"};
    const auto record = intent(dry_config, "auto_dry_run");
    const auto envelope = *start(record);
    settings(false, 10, 60);
    // A redelivery: the entry's row exists, so an order may be on the exchange.
    exec(
        "INSERT INTO orders (intent_id, role, mode, client_order_id, symbol, side, type, "
        "quantity) VALUES ('" +
        record.id + "', 'ENTRY', 'DRY_RUN', 'rb-" + record.id.substr(7) +
        "-e', 'BTCUSDT', 'BUY', 'MARKET', 1)");
    const auto claim = *store::claimJob(db, envelope.job_id, "test", 60s);
    BOOST_TEST(!stopIfKillSwitchOff(context, claim, record));
    BOOST_TEST(status(record) == "EXECUTING");
}

BOOST_AUTO_TEST_SUITE_END()
