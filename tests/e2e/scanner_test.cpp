// The pattern scanner end to end over real processes and a real PostgreSQL
// (docs/decisions/0005-pattern-scanner.md): the simulator serves BTCUSDT 15m candles whose
// last closed candle completes an SMA4/SMA9 crossover; scans run on the scan workers; the
// confirmed pattern becomes the intents of every matching configuration, which are planned,
// validated and then wait (manual) or are executed in DRY-RUN (auto_dry_run) unless a
// guardrail — kill switch, daily cap, cooldown — blocks them. One stack serves every case
// (they check different tenants of one scenario), so the whole file runs in seconds.
#include "crossover_data.hpp"
#include "http_client.hpp"
#include "robson/store/scan_jobs.hpp"
#include "stack.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <thread>
#include <unistd.h>

using robson::e2e::Stack;

namespace {

/// Polls a one-value query until it answers `wanted`; fails the test after `timeout`.
void waitFor(const Stack& stack,
             const std::string& query,
             const std::string& wanted,
             std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string seen;
    while (std::chrono::steady_clock::now() < deadline) {
        const auto rows = stack.sql(query);
        seen = rows.empty() || rows[0][0].is_null() ? "<none>" : rows[0][0].as<std::string>();
        if (seen == wanted) {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    BOOST_FAIL("'" + query + "' is " + seen + ", not " + wanted + " (logs: " + stack.logFile() +
               ")");
}

std::string one(const Stack& stack, const std::string& query) {
    const auto rows = stack.sql(query);
    return rows.empty() || rows[0][0].is_null() ? "" : rows[0][0].as<std::string>();
}

/// One tenant of the scenario with its automation settings and configurations.
struct Tenant {
    std::int64_t id = 0;
    std::vector<std::int64_t> configs;
};

/// The scenario, built once: the stack, six tenants and their configurations, and two scan
/// jobs of the same chart racing on two scan workers. Every case then reads its part.
struct Scenario {
    std::filesystem::path data_dir;
    std::string trigger_close;
    std::unique_ptr<Stack> stack;
    Tenant manual;     ///< manual (0.70) and a demanding manual one (0.90: below it)
    Tenant automatic;  ///< auto_dry_run, nothing in the way
    Tenant capped;     ///< two auto_dry_run, daily cap 1, no cooldown
    Tenant cooling;    ///< two auto_dry_run, cooldown 60 min
    Tenant switched;   ///< auto_dry_run with the kill switch off
    std::vector<std::int64_t> scan_ids;

    Scenario() {
        data_dir = std::filesystem::temp_directory_path() /
                   ("robson-scanner-" + std::to_string(::getpid()));
        trigger_close = robson::e2e::writeCrossoverData(data_dir);
        robson::e2e::StackOptions options;
        options.scan_workers = 2;
        options.sim_data_dir = data_dir.string();
        stack = std::make_unique<Stack>(options);
        // Every tenant and configuration in one transaction: the scheduler scans as soon as
        // it sees a configuration, and a pattern consumed before the rest existed would not
        // trigger them.
        pqxx::connection connection(stack->databaseUrl());
        pqxx::work txn(connection);
        manual = tenant(txn, "scan-manual", true, 10, 60, {{"manual", "0.70"}, {"manual", "0.90"}});
        automatic = tenant(txn, "scan-auto", true, 10, 60, {{"auto_dry_run", "0.70"}});
        capped = tenant(
            txn, "scan-capped", true, 1, 0, {{"auto_dry_run", "0.70"}, {"auto_dry_run", "0.70"}});
        cooling = tenant(txn,
                         "scan-cooling",
                         true,
                         10,
                         60,
                         {{"auto_dry_run", "0.70"}, {"auto_dry_run", "0.70"}});
        switched = tenant(txn, "scan-switched", false, 10, 60, {{"auto_dry_run", "0.70"}});
        // Two scans of the same data at once, on two workers: they race on every row.
        for (int i = 0; i < 2; ++i) {
            scan_ids.push_back(
                robson::store::enqueueScan(txn, {"BTCUSDT", "15m", std::nullopt, std::nullopt})
                    ->scan_id);
        }
        txn.commit();  // the sweeper sends the scans (never dispatched) within its 200 ms round
    }

    ~Scenario() {
        stack.reset();
        std::error_code ignored;
        std::filesystem::remove_all(data_dir, ignored);
    }
    Scenario(const Scenario&) = delete;
    Scenario& operator=(const Scenario&) = delete;
    Scenario(Scenario&&) = delete;
    Scenario& operator=(Scenario&&) = delete;

    static Tenant tenant(pqxx::work& txn,
                         const std::string& name,
                         bool enabled,
                         int daily_cap,
                         int cooldown_minutes,
                         const std::vector<std::pair<std::string, std::string>>& configs) {
        Tenant made;
        made.id = txn.exec_params("INSERT INTO tenants (name) VALUES ($1) RETURNING id", name)[0][0]
                      .as<std::int64_t>();
        txn.exec_params(
            "INSERT INTO autotrigger_settings (tenant_id, enabled, daily_cap, cooldown_minutes) "
            "VALUES ($1, $2, $3, $4)",
            made.id,
            enabled,
            daily_cap,
            cooldown_minutes);
        for (const auto& [mode, min_confidence] : configs) {
            made.configs.push_back(
                txn.exec_params("INSERT INTO pattern_configs (tenant_id, strategy_id, pattern, "
                                "symbols, timeframes, min_confidence, capital, mode) VALUES ($1, "
                                "2, 'MA_CROSSOVER', '{BTCUSDT}', '{15m}', $2::numeric, 100, $3) "
                                "RETURNING id",
                                made.id,
                                min_confidence,
                                mode)[0][0]
                    .as<std::int64_t>());
        }
        return made;
    }

    /// The intent a configuration made ("" when none).
    [[nodiscard]] std::string intentOf(std::int64_t config_id) const {
        return one(*stack,
                   "SELECT intent_id FROM pattern_triggers WHERE config_id = " +
                       std::to_string(config_id));
    }
    [[nodiscard]] std::string statusOf(const std::string& intent_id) const {
        return one(*stack,
                   "SELECT status::text FROM trading_intents WHERE id = '" + intent_id + "'");
    }
    /// "guardrail:allowed …" of an intent's decisions, in order.
    [[nodiscard]] std::string decisionsOf(const std::string& intent_id) const {
        return one(*stack,
                   "SELECT string_agg(guardrail || ':' || allowed::text, ' ' ORDER BY id) "
                   "FROM guardrail_decisions WHERE intent_id = '" +
                       intent_id + "'");
    }
    /// The statuses of a tenant's intents, sorted: "EXECUTED VALIDATED".
    [[nodiscard]] std::string statusesOf(const Tenant& tenant) const {
        return one(*stack,
                   "SELECT string_agg(status::text, ' ' ORDER BY status::text) FROM "
                   "trading_intents WHERE tenant_id = " +
                       std::to_string(tenant.id));
    }
};

/// Waits (once) until the scans are done and every intent reached where it stays.
Scenario& scenario() {
    static Scenario built;
    static bool settled = false;
    if (!settled) {
        settled = true;
        auto& stack = *built.stack;
        const std::string scans =
            std::to_string(built.scan_ids[0]) + ", " + std::to_string(built.scan_ids[1]);
        waitFor(stack,
                "SELECT count(*) FROM scans WHERE state = 'done' AND id IN (" + scans + ")",
                "2");
        // 8 configurations decided: 7 intents and one below its minimum confidence.
        waitFor(stack,
                "SELECT count(*) FROM pattern_triggers t JOIN pattern_configs c ON c.id = "
                "t.config_id WHERE c.symbols = '{BTCUSDT}'",
                "8");
        // Every intent settles: VALIDATED (waiting), EXECUTED (automatic), nothing in between.
        waitFor(stack,
                "SELECT count(*) FROM trading_intents WHERE entry_mode = 'pattern' AND status "
                "IN ('VALIDATED', 'EXECUTED')",
                "7");
        // A blocked intent's decisions are written in its validation's transaction; an
        // executed one's execute job is done.
        waitFor(stack,
                "SELECT count(*) FROM jobs j JOIN trading_intents i ON i.id = j.intent_id "
                "WHERE i.entry_mode = 'pattern' AND j.state <> 'done'",
                "0");
    }
    return built;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scanner)

BOOST_AUTO_TEST_CASE(the_crossover_is_recorded_once_with_its_trigger_candle) {
    auto& s = scenario();
    const auto rows = s.stack->sql(
        "SELECT state, trigger_candle->>'close', confidence::text, direction, "
        "       trigger_open_time_ms % 900000 "
        "  FROM pattern_instances WHERE symbol = 'BTCUSDT' AND timeframe = '15m' "
        "   AND pattern = 'MA_CROSSOVER'");
    BOOST_REQUIRE(rows.size() == 1U);
    BOOST_TEST(rows[0][0].as<std::string>() == "CONSUMED");
    BOOST_TEST(rows[0][1].as<std::string>() == s.trigger_close);
    BOOST_TEST(rows[0][2].as<std::string>() == "0.800");
    BOOST_TEST(rows[0][3].as<std::string>() == "BUY");
    BOOST_TEST(rows[0][4].as<int>() == 0);  // a 15m candle's open time
    // The trigger is the candle that was the newest closed one when the stack started: the
    // simulator serves it with the same close at the same open time.
    const auto trigger_open = one(*s.stack,
                                  "SELECT trigger_open_time_ms FROM pattern_instances WHERE "
                                  "symbol = 'BTCUSDT' AND pattern = 'MA_CROSSOVER'");
    const auto klines = robson::e2e::httpJson(
        s.stack->simulatorUrl(),
        "GET",
        "/api/v3/klines?symbol=BTCUSDT&interval=15m&startTime=" + trigger_open + "&limit=1");
    BOOST_REQUIRE(klines.status == 200);
    BOOST_TEST(std::to_string(klines.body.at(0).at(0).get<std::int64_t>()) == trigger_open);
    BOOST_TEST(klines.body.at(0).at(4).get<std::string>().find(s.trigger_close) == 0U);
}

BOOST_AUTO_TEST_CASE(two_racing_scans_of_the_same_data_make_one_pattern_and_one_intent_each) {
    auto& s = scenario();
    const auto both = std::to_string(s.scan_ids[0]) + ", " + std::to_string(s.scan_ids[1]);
    BOOST_TEST(one(*s.stack,
                   "SELECT count(*) FROM pattern_instances WHERE symbol = 'BTCUSDT' AND "
                   "pattern = 'MA_CROSSOVER'") == "1");
    BOOST_TEST(one(*s.stack, "SELECT count(*) FROM trading_intents WHERE entry_mode = 'pattern'") ==
               "7");
    // Each scan saw the pattern; between them (and any scheduled scan) it was recorded once.
    BOOST_TEST(one(*s.stack, "SELECT min(detections) FROM scans WHERE id IN (" + both + ")") !=
               "0");
    BOOST_TEST(one(*s.stack,
                   "SELECT count(DISTINCT intent_id) FROM pattern_triggers WHERE intent_id IS "
                   "NOT NULL") == one(*s.stack,
                                      "SELECT count(*) FROM trading_intents WHERE "
                                      "entry_mode = 'pattern'"));
    // A third scan later: nothing new.
    const auto before = one(*s.stack, "SELECT count(*) FROM trading_intents");
    pqxx::connection connection(s.stack->databaseUrl());
    pqxx::work txn(connection);
    const auto third =
        robson::store::enqueueScan(txn, {"BTCUSDT", "15m", std::nullopt, std::nullopt})->scan_id;
    txn.commit();
    waitFor(*s.stack,
            "SELECT state || ' ' || new_patterns FROM scans WHERE id = " + std::to_string(third),
            "done 0");
    BOOST_TEST(one(*s.stack, "SELECT count(*) FROM trading_intents") == before);
}

BOOST_AUTO_TEST_CASE(a_manual_configuration_leaves_its_validated_intent_waiting) {
    auto& s = scenario();
    const auto id = s.intentOf(s.manual.configs[0]);
    BOOST_REQUIRE(!id.empty());
    BOOST_TEST(s.statusOf(id) == "VALIDATED");
    BOOST_TEST(s.decisionsOf(id).empty());
    BOOST_TEST(one(*s.stack,
                   "SELECT count(*) FROM jobs WHERE kind = 'execute' AND intent_id = '" + id +
                       "'") == "0");
    // What the pending-confirmation list shows: VALIDATED with the pattern's metadata.
    const auto metadata = nlohmann::json::parse(
        one(*s.stack, "SELECT metadata::text FROM trading_intents WHERE id = '" + id + "'"));
    BOOST_TEST(metadata.at("source").get<std::string>() == "pattern");
    BOOST_TEST(metadata.at("auto_mode").get<std::string>() == "manual");
    BOOST_TEST(metadata.at("config_id").get<std::int64_t>() == s.manual.configs[0]);
    BOOST_TEST(metadata.at("pattern").at("kind").get<std::string>() == "MA_CROSSOVER");
    BOOST_TEST(metadata.at("pattern").at("confidence").get<std::string>() == "0.8");
    BOOST_TEST(metadata.at("pattern").at("trigger_candle").at("close").get<std::string>() ==
               s.trigger_close);
    BOOST_TEST(one(*s.stack, "SELECT entry_mode FROM trading_intents WHERE id = '" + id + "'") ==
               "pattern");
}

BOOST_AUTO_TEST_CASE(a_confidence_below_the_configurations_minimum_makes_no_intent) {
    auto& s = scenario();
    BOOST_TEST(s.intentOf(s.manual.configs[1]).empty());
    BOOST_TEST(one(*s.stack,
                   "SELECT guardrail || ':' || allowed::text FROM guardrail_decisions WHERE "
                   "config_id = " +
                       std::to_string(s.manual.configs[1])) == "min_confidence:false");
}

BOOST_AUTO_TEST_CASE(auto_dry_run_executes_the_validated_intent_without_sending_an_order) {
    auto& s = scenario();
    const auto id = s.intentOf(s.automatic.configs[0]);
    BOOST_TEST(s.statusOf(id) == "EXECUTED");
    BOOST_TEST(s.decisionsOf(id) == "kill_switch:true daily_cap:true cooldown:true");
    const auto result = nlohmann::json::parse(one(
        *s.stack, "SELECT execution_result::text FROM trading_intents WHERE id = '" + id + "'"));
    BOOST_TEST(result.at("mode").get<std::string>() == "DRY_RUN");
    // Held in a local: a range-for over a member of a temporary would dangle.
    const auto orders = s.stack->simAdmin("orders");
    for (const auto& order : orders.at("orders")) {
        BOOST_TEST(order.at("clientOrderId").get<std::string>().find(id) == std::string::npos);
    }
    BOOST_TEST(one(*s.stack,
                   "SELECT string_agg(action, ' ' ORDER BY id) FROM audit_trail WHERE intent_id "
                   "= '" +
                       id + "' AND action LIKE 'AUTO%'") == "AUTO_EXECUTION_REQUESTED");
}

BOOST_AUTO_TEST_CASE(the_daily_cap_lets_one_automatic_execution_through_and_blocks_the_next) {
    auto& s = scenario();
    BOOST_TEST(s.statusesOf(s.capped) == "EXECUTED VALIDATED");
    for (const auto config : s.capped.configs) {
        const auto id = s.intentOf(config);
        BOOST_TEST(s.decisionsOf(id) == (s.statusOf(id) == "EXECUTED"
                                             ? "kill_switch:true daily_cap:true cooldown:true"
                                             : "kill_switch:true daily_cap:false cooldown:true"));
    }
}

BOOST_AUTO_TEST_CASE(the_cooldown_blocks_a_second_automatic_execution_on_the_same_symbol) {
    auto& s = scenario();
    BOOST_TEST(s.statusesOf(s.cooling) == "EXECUTED VALIDATED");
    for (const auto config : s.cooling.configs) {
        const auto id = s.intentOf(config);
        BOOST_TEST(s.decisionsOf(id) == (s.statusOf(id) == "EXECUTED"
                                             ? "kill_switch:true daily_cap:true cooldown:true"
                                             : "kill_switch:true daily_cap:true cooldown:false"));
    }
}

BOOST_AUTO_TEST_CASE(the_kill_switch_blocks_and_the_intent_waits_for_a_person) {
    auto& s = scenario();
    const auto id = s.intentOf(s.switched.configs[0]);
    BOOST_TEST(s.statusOf(id) == "VALIDATED");
    BOOST_TEST(s.decisionsOf(id) == "kill_switch:false daily_cap:true cooldown:true");
}

BOOST_AUTO_TEST_CASE(a_kill_switch_turned_off_before_the_order_stops_the_automatic_execution) {
    auto& s = scenario();
    const auto id = s.intentOf(s.switched.configs[0]);
    BOOST_REQUIRE(s.statusOf(id) == "VALIDATED");
    // An automatic execution started (as the validate worker does: one transaction, so the
    // job and its audit row share now()) and the switch is off by the time the execute
    // worker takes it.
    s.stack->exec("UPDATE trading_intents SET status = 'EXECUTING' WHERE id = '" + id +
                  "'; INSERT INTO audit_trail (tenant_id, intent_id, actor, action, details) "
                  "VALUES (" +
                  std::to_string(s.switched.id) + ", '" + id +
                  R"(', 'worker:validate', 'AUTO_EXECUTION_REQUESTED', '{"mode": "DRY_RUN"}');)"
                  " INSERT INTO jobs (intent_id, tenant_id, kind, payload, deadline) VALUES ('" +
                  id + "', " + std::to_string(s.switched.id) +
                  R"(, 'execute', '{"mode": "DRY_RUN"}', now() + interval '1 hour'))");
    waitFor(*s.stack,
            "SELECT count(*) FROM audit_trail WHERE action = 'AUTO_EXECUTION_STOPPED' AND "
            "intent_id = '" +
                id + "'",
            "1");
    BOOST_TEST(s.statusOf(id) == "VALIDATED");
    BOOST_TEST(s.decisionsOf(id) ==
               "kill_switch:false daily_cap:true cooldown:true kill_switch:false");
    BOOST_TEST(one(*s.stack, "SELECT count(*) FROM orders WHERE intent_id = '" + id + "'") == "0");
    // It waits for a person, who may still execute it.
    s.stack->requestExecution(id, "DRY_RUN");
    BOOST_TEST(s.stack->waitForStatus(id, {"EXECUTED", "FAILED"}) == "EXECUTED");
}

BOOST_AUTO_TEST_CASE(the_scheduler_scans_each_configured_chart_at_its_candle_close) {
    auto& s = scenario();
    waitFor(*s.stack,
            "SELECT count(*) > 0 FROM scans WHERE symbol = 'BTCUSDT' AND timeframe = '15m' "
            "AND candle_close_ms IS NOT NULL AND candle_close_ms % 900000 = 0 "
            "AND state = 'done' AND requested_by IS NULL",
            "t");
}

BOOST_AUTO_TEST_CASE(scan_jobs_are_counted_under_the_scan_service) {
    auto& s = scenario();
    const std::string series = R"(robson_jobs_completed_total{outcome="success",service="scan"} )";
    double succeeded = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        const auto text = Stack::scrape(s.stack->workerMetricsUrl("scan", i));
        const auto at = text.find(series);
        BOOST_REQUIRE(at != std::string::npos);
        succeeded += std::stod(text.substr(at + series.size()));
    }
    BOOST_TEST(succeeded >= 2.0);  // at least the two racing scans
    // The sweeper counts the recorded patterns by state (refreshed every 200 ms round).
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const auto sweeper = Stack::scrape(s.stack->sweeperMetricsUrl());
    const std::string consumed = R"(robson_pattern_instances{state="CONSUMED"} )";
    const auto at = sweeper.find(consumed);
    BOOST_REQUIRE(at != std::string::npos);
    BOOST_TEST(std::stod(sweeper.substr(at + consumed.size())) >= 1.0);
}

BOOST_AUTO_TEST_SUITE_END()
