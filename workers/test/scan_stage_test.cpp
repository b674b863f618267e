// The scan stage against a real PostgreSQL (tests/support/with_postgres.sh) and a scripted
// exchange: patterns recorded once, intents made once per matching configuration with the
// contract's metadata, and the scans row telling what happened.
#include "crossover_series.hpp"
#include "robson/store/job_queue.hpp"
#include "robson/store/scan_jobs.hpp"
#include "scripted_market.hpp"
#include "stage.hpp"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <random>
#include <thread>

using namespace robson;
using namespace robson::workers;
using namespace std::chrono_literals;

namespace {

std::string databaseUrl() {
    const char* url = std::getenv("DATABASE_URL");  // NOLINT(concurrency-mt-unsafe)
    BOOST_REQUIRE_MESSAGE(url != nullptr, "run under tests/support/with_postgres.sh");
    return url;
}

/// A fresh symbol per test (patterns are shared by symbol, so tests must not share one), a
/// tenant, and the scripted market serving the crossover series.
struct ScanFixture {
    ScanFixture()
        : db(databaseUrl()),
          symbol(randomSymbol()),
          tenant_id(newTenant()),
          // The series' last candle closed a second ago.
          now_ms(testing::crossoverSeries().back().close_time_ms + 1'000) {
        market.klines = testing::crossoverSeries();
    }

    static std::string randomSymbol() {
        static std::mt19937_64 random{std::random_device{}()};
        return "T" + std::to_string(random() % 1'000'000'000ULL) + "USDT";
    }

    std::int64_t newTenant() {
        pqxx::work txn(db);
        const auto id = txn.exec_params("INSERT INTO tenants (name) VALUES ($1) RETURNING id",
                                        "scan-" + symbol + "-" + std::to_string(++tenants))[0][0]
                            .as<std::int64_t>();
        txn.commit();
        return id;
    }

    std::int64_t config(std::int64_t tenant,
                        const std::string& mode,
                        const std::string& min_confidence = "0.70",
                        const std::string& symbols = "",
                        const std::string& timeframes = "{15m}",
                        bool enabled = true) {
        pqxx::work txn(db);
        const auto id =
            txn.exec_params(
                   "INSERT INTO pattern_configs (tenant_id, strategy_id, pattern, symbols, "
                   "timeframes, min_confidence, capital, mode, risk_acknowledged_at, enabled) "
                   "VALUES ($1, 2, 'MA_CROSSOVER', $2::text[], $3::text[], $4::numeric, 250, $5, "
                   "CASE WHEN $5 = 'auto_live' THEN now() END, $6) RETURNING id",
                   tenant,
                   symbols.empty() ? "{" + symbol + "}" : symbols,
                   timeframes,
                   min_confidence,
                   mode,
                   enabled)[0][0]
                .as<std::int64_t>();
        txn.commit();
        return id;
    }

    /// Enqueues a scan of the fixture's chart and runs the stage on it, as a worker would.
    /// No Boost.Test assertion in here: the race test runs it on a second thread.
    std::pair<std::int64_t, std::vector<wire::JobEnvelope>> scan(
        pqxx::connection& connection, exchange::ExchangeGateway& exchange) {
        std::optional<store::EnqueuedScan> enqueued;
        {
            pqxx::work txn(connection);
            enqueued = store::enqueueScan(txn, store::NewScan{symbol, "15m", {}, {}});
            txn.commit();
        }
        const auto claim =
            store::claimJob(connection, enqueued->envelope.job_id, "test-scanner", 60s);
        if (!claim) {
            throw std::runtime_error("a fresh scan job could not be claimed");
        }
        StageContext context{connection, exchange, [this] { return now_ms; }, "worker:scan"};
        auto next = runScanStage(context, *claim);
        return {enqueued->scan_id, next};
    }
    std::pair<std::int64_t, std::vector<wire::JobEnvelope>> scan() { return scan(db, market); }

    pqxx::row row(const std::string& query) {
        pqxx::read_transaction txn(db);
        return txn.exec(query).at(0);
    }
    std::string text(const std::string& query) { return row(query)[0].as<std::string>(); }
    std::int64_t count(const std::string& query) { return row(query)[0].as<std::int64_t>(); }
    static std::string q(const std::string& value) { return "'" + value + "'"; }

    [[nodiscard]] std::string crossoverWhere() const {
        return " FROM pattern_instances WHERE symbol = " + q(symbol) +
               " AND pattern = 'MA_CROSSOVER'";
    }

    pqxx::connection db;
    std::string symbol;
    int tenants = 0;  // before tenant_id: newTenant() counts with it
    std::int64_t tenant_id = 0;
    testing::ScriptedMarket market;
    std::int64_t now_ms = 0;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(scan_stage, ScanFixture)

BOOST_AUTO_TEST_CASE(a_scan_records_the_crossover_on_its_trigger_candle) {
    const auto [scan_id, next] = scan();
    BOOST_TEST(market.last_limit == 261);
    const auto trigger = market.klines.at(testing::kCrossoverIndex);
    BOOST_TEST(count("SELECT count(*)" + crossoverWhere()) == 1);
    BOOST_TEST(count("SELECT trigger_open_time_ms" + crossoverWhere()) == trigger.open_time_ms);
    const auto candle = nlohmann::json::parse(text("SELECT trigger_candle" + crossoverWhere()));
    BOOST_TEST(candle.dump() == nlohmann::json({{"open_time", "2026-12-04T14:00:00Z"},
                                                {"open", "86"},
                                                {"high", "111"},
                                                {"low", "85"},
                                                {"close", "110"},
                                                {"volume", "10"}})
                                    .dump());
    BOOST_TEST(text("SELECT direction || ' ' || confidence || ' ' || confirmation_level::text ||"
                    " ' ' || invalidation_level::text" +
                    crossoverWhere()) == "BUY 0.800 110.00000000 85.00000000");
    // Confirmed by its own close; no configuration wants it, so it is not consumed.
    BOOST_TEST(text("SELECT state" + crossoverWhere()) == "CONFIRMED");
    BOOST_TEST(text("SELECT first_scan_id::text" + crossoverWhere()) == std::to_string(scan_id));
    const auto scan_row =
        row("SELECT state, candles_scanned, detections, new_patterns, "
            "finished_at IS NOT NULL FROM scans WHERE id = " +
            std::to_string(scan_id));
    BOOST_TEST(scan_row[0].as<std::string>() == "done");
    BOOST_TEST(scan_row[1].as<int>() == 16);
    BOOST_TEST(scan_row[2].as<int>() >= 1);
    BOOST_TEST(scan_row[3].as<int>() == scan_row[2].as<int>());
    BOOST_TEST(scan_row[4].as<bool>());
    BOOST_TEST(next.empty());
}

BOOST_AUTO_TEST_CASE(the_forming_candle_is_not_scanned) {
    // The crossover candle is still forming: nothing is recorded from it.
    now_ms = market.klines.back().close_time_ms - 1'000;
    const auto [scan_id, next] = scan();
    BOOST_TEST(count("SELECT count(*)" + crossoverWhere()) == 0);
    BOOST_TEST(count("SELECT candles_scanned FROM scans WHERE id = " + std::to_string(scan_id)) ==
               15);
}

BOOST_AUTO_TEST_CASE(a_confirmed_pattern_becomes_one_intent_per_matching_configuration) {
    const auto other_tenant = newTenant();
    const auto manual = config(tenant_id, "manual");
    const auto automatic = config(other_tenant, "auto_dry_run");
    const auto demanding = config(tenant_id, "manual", "0.90");
    config(tenant_id, "manual", "0.70", "{ETHUSDT}");         // another symbol
    config(tenant_id, "manual", "0.70", "", "{1h}");          // another timeframe
    config(tenant_id, "manual", "0.70", "", "{15m}", false);  // disabled
    const auto [scan_id, next] = scan();

    BOOST_TEST(text("SELECT state" + crossoverWhere()) == "CONSUMED");
    const auto pattern_id = text("SELECT id::text" + crossoverWhere());
    BOOST_TEST(count("SELECT count(*) FROM pattern_triggers WHERE pattern_id = " + pattern_id) ==
               3);
    BOOST_TEST(count("SELECT count(*) FROM trading_intents WHERE symbol = " + q(symbol)) == 2);
    BOOST_TEST(next.size() == 2U);
    for (const auto& envelope : next) {
        BOOST_TEST((envelope.kind == wire::JobKind::Plan));
    }
    for (const auto config_id : {manual, automatic}) {
        const auto intent =
            row("SELECT i.id, i.status::text, i.entry_mode, i.side, i.timeframe, i.capital::text, "
                "       i.strategy_id, i.tenant_id, i.metadata::text, i.user_id IS NULL "
                "  FROM pattern_triggers t JOIN trading_intents i ON i.id = t.intent_id "
                " WHERE t.config_id = " +
                std::to_string(config_id));
        const auto id = intent[0].as<std::string>();
        BOOST_TEST(intent[1].as<std::string>() == "PLANNING");
        BOOST_TEST(intent[2].as<std::string>() == "pattern");
        BOOST_TEST(intent[3].as<std::string>() == "BUY");
        BOOST_TEST(intent[4].as<std::string>() == "15m");
        BOOST_TEST(intent[5].as<std::string>() == "250.00000000");
        BOOST_TEST(intent[6].as<int>() == 2);
        BOOST_TEST(intent[7].as<std::int64_t>() ==
                   (config_id == manual ? tenant_id : other_tenant));
        BOOST_TEST(intent[9].as<bool>());
        const nlohmann::json expected{
            {"source", "pattern"},
            {"pattern",
             {{"id", std::stoll(pattern_id)},
              {"kind", "MA_CROSSOVER"},
              {"confidence", "0.8"},
              {"direction", "BUY"},
              {"trigger_open_time", "2026-12-04T14:00:00Z"},
              {"trigger_candle",
               {{"open", "86"},
                {"high", "111"},
                {"low", "85"},
                {"close", "110"},
                {"volume", "10"}}}}},
            {"config_id", config_id},
            {"auto_mode", config_id == manual ? "manual" : "auto_dry_run"}};
        BOOST_TEST(nlohmann::json::parse(intent[8].as<std::string>()) == expected);
        BOOST_TEST(count("SELECT count(*) FROM jobs WHERE kind = 'plan' AND state = 'ready' AND "
                         "intent_id = " +
                         q(id)) == 1);
        BOOST_TEST(text("SELECT action || ' ' || actor FROM audit_trail WHERE intent_id = " +
                        q(id)) == "INTENT_CREATED worker:scan");
    }
    // Below its minimum: decided once, no intent, a blocked min_confidence decision.
    BOOST_TEST(count("SELECT count(*) FROM pattern_triggers WHERE intent_id IS NULL AND "
                     "config_id = " +
                     std::to_string(demanding)) == 1);
    const auto decision =
        row("SELECT guardrail, allowed, pattern_id::text, intent_id IS NULL, symbol, reason "
            "  FROM guardrail_decisions WHERE config_id = " +
            std::to_string(demanding));
    BOOST_TEST(decision[0].as<std::string>() == "min_confidence");
    BOOST_TEST(!decision[1].as<bool>());
    BOOST_TEST(decision[2].as<std::string>() == pattern_id);
    BOOST_TEST(decision[3].as<bool>());
    BOOST_TEST(decision[4].as<std::string>() == symbol);
    BOOST_TEST(decision[5].as<std::string>() ==
               "below the configuration's minimum: confidence 0.8, minimum 0.9");
}

BOOST_AUTO_TEST_CASE(scanning_the_same_candles_again_records_and_triggers_nothing_new) {
    config(tenant_id, "manual");
    config(tenant_id, "manual", "0.95");
    const auto first = scan();
    const auto second = scan();
    BOOST_TEST(count("SELECT count(*)" + crossoverWhere()) == 1);
    BOOST_TEST(count("SELECT count(*) FROM trading_intents WHERE symbol = " + q(symbol)) == 1);
    BOOST_TEST(count("SELECT count(*) FROM guardrail_decisions WHERE symbol = " + q(symbol)) == 1);
    BOOST_TEST(second.second.empty());
    const auto again = row("SELECT detections, new_patterns FROM scans WHERE id = " +
                           std::to_string(second.first));
    BOOST_TEST(again[0].as<int>() >= 1);
    BOOST_TEST(again[1].as<int>() == 0);
    BOOST_TEST(first.second.size() == 1U);
}

BOOST_AUTO_TEST_CASE(two_scanners_racing_on_the_same_chart_make_one_pattern_and_one_intent) {
    config(tenant_id, "manual");
    config(newTenant(), "auto_dry_run");
    pqxx::connection other(databaseUrl());
    testing::ScriptedMarket other_market;
    other_market.klines = market.klines;
    std::vector<wire::JobEnvelope> first;
    std::vector<wire::JobEnvelope> second;
    std::string racer_error;
    std::thread racer([&] {
        try {
            second = scan(other, other_market).second;
        } catch (const std::exception& error) {
            racer_error = error.what();
        }
    });
    first = scan().second;
    racer.join();
    BOOST_TEST(racer_error.empty(), racer_error);
    BOOST_TEST(count("SELECT count(*)" + crossoverWhere()) == 1);
    BOOST_TEST(count("SELECT count(*) FROM trading_intents WHERE symbol = " + q(symbol)) == 2);
    BOOST_TEST(first.size() + second.size() == 2U);
    BOOST_TEST(text("SELECT state" + crossoverWhere()) == "CONSUMED");
}

BOOST_AUTO_TEST_CASE(a_confirmed_pattern_nobody_wants_expires_after_five_more_candles) {
    scan();
    BOOST_TEST(text("SELECT state" + crossoverWhere()) == "CONFIRMED");
    market.klines = testing::crossoverSeries({111, 112, 113, 114, 115});
    now_ms = market.klines.back().close_time_ms + 1'000;
    // A configuration created after the window closed does not revive it.
    config(tenant_id, "manual");
    scan();
    BOOST_TEST(text("SELECT state" + crossoverWhere()) == "EXPIRED");
    BOOST_TEST(text("SELECT (decided_at IS NOT NULL)::text" + crossoverWhere()) == "true");
    BOOST_TEST(count("SELECT count(*) FROM trading_intents WHERE symbol = " + q(symbol)) == 0);
}

BOOST_AUTO_TEST_CASE(a_configuration_made_while_the_pattern_is_still_fresh_is_triggered) {
    scan();
    market.klines = testing::crossoverSeries({111, 112});
    now_ms = market.klines.back().close_time_ms + 1'000;
    config(tenant_id, "manual");
    scan();
    BOOST_TEST(text("SELECT state" + crossoverWhere()) == "CONSUMED");
    BOOST_TEST(count("SELECT count(*) FROM trading_intents WHERE symbol = " + q(symbol)) == 1);
}

BOOST_AUTO_TEST_CASE(an_exchange_refusing_the_symbol_fails_the_scan_at_once) {
    market.failure = exchange::ExchangeError{
        exchange::ExchangeErrorKind::BadRequest, -1121, 400, "Invalid symbol.", std::nullopt};
    const auto [scan_id, next] = scan();
    const auto scan_row =
        row("SELECT state, error FROM scans WHERE id = " + std::to_string(scan_id));
    BOOST_TEST(scan_row[0].as<std::string>() == "failed");
    BOOST_TEST(scan_row[1].as<std::string>().find("Invalid symbol.") != std::string::npos);
    BOOST_TEST(count("SELECT count(*) FROM jobs WHERE state = 'done' AND scan_id = " +
                     std::to_string(scan_id)) == 1);
}

BOOST_AUTO_TEST_CASE(an_unreachable_exchange_is_a_transient_failure_left_to_the_retry) {
    market.failure = exchange::ExchangeError{
        exchange::ExchangeErrorKind::Network, 0, 0, "connection refused", std::nullopt};
    BOOST_CHECK_THROW(scan(), exchange::ExchangeException);
}

BOOST_AUTO_TEST_CASE(a_scan_already_finished_is_not_run_again) {
    std::optional<store::EnqueuedScan> enqueued;
    {
        pqxx::work txn(db);
        enqueued = store::enqueueScan(txn, store::NewScan{symbol, "15m", {}, {}});
        txn.exec_params("UPDATE scans SET state = 'done' WHERE id = $1", enqueued->scan_id);
        txn.commit();
    }
    const auto claim = store::claimJob(db, enqueued->envelope.job_id, "test", 60s);
    StageContext context{db, market, [this] { return now_ms; }, "worker:scan"};
    BOOST_TEST(runScanStage(context, *claim).empty());
    BOOST_TEST(market.candle_requests == 0);
    BOOST_TEST(count("SELECT count(*) FROM jobs WHERE state = 'done' AND id = " +
                     std::to_string(enqueued->envelope.job_id)) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
