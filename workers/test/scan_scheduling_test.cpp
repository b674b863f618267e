// The scheduler's round against a real PostgreSQL (tests/support/with_postgres.sh), with a
// clock the test controls: one scan per target and close, across rounds and restarts.
#include "scan_scheduling.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <random>

using namespace robson;
using namespace robson::workers;

namespace {

constexpr std::int64_t kClose = 1'796'379'300'000;  // 2026-12-04T10:15:00Z
constexpr std::int64_t kQuarter = 900'000;

std::string databaseUrl() {
    const char* url = std::getenv("DATABASE_URL");  // NOLINT(concurrency-mt-unsafe)
    BOOST_REQUIRE_MESSAGE(url != nullptr, "run under tests/support/with_postgres.sh");
    return url;
}

struct SchedulingFixture {
    SchedulingFixture() : db(databaseUrl()) {
        static std::mt19937_64 random{std::random_device{}()};
        symbol = "S" + std::to_string(random() % 1'000'000'000ULL) + "USDT";
        pqxx::work txn(db);
        tenant_id = txn.exec_params("INSERT INTO tenants (name) VALUES ($1) RETURNING id",
                                    "sched-" + symbol)[0][0]
                        .as<std::int64_t>();
        txn.commit();
    }

    void config(const std::string& timeframes, bool enabled) {
        pqxx::work txn(db);
        txn.exec_params(
            "INSERT INTO pattern_configs (tenant_id, strategy_id, pattern, symbols, timeframes, "
            "capital, enabled) VALUES ($1, 2, 'HAMMER', $2::text[], $3::text[], 100, $4)",
            tenant_id,
            "{" + symbol + "}",
            timeframes,
            enabled);
        txn.commit();
    }

    /// The envelopes of this test's symbol only (other tests' configurations share the table).
    std::vector<wire::JobEnvelope> round(ScanScheduler& scheduler, std::int64_t now_ms) {
        std::vector<wire::JobEnvelope> mine;
        for (const auto& envelope : scheduleDueScans(db, scheduler, now_ms)) {
            pqxx::read_transaction txn(db);
            const auto owner = txn.exec_params(
                "SELECT s.symbol FROM scans s JOIN jobs j ON j.scan_id = s.id WHERE j.id = $1",
                envelope.job_id);
            if (owner.at(0)[0].as<std::string>() == symbol) {
                mine.push_back(envelope);
            }
        }
        return mine;
    }

    std::string scansOfSymbol() {
        pqxx::read_transaction txn(db);
        return txn
            .exec_params(
                "SELECT coalesce(string_agg(timeframe || '@' || candle_close_ms::text, ' ' "
                "ORDER BY timeframe, candle_close_ms), '') FROM scans WHERE symbol = $1",
                symbol)[0][0]
            .as<std::string>();
    }

    pqxx::connection db;
    std::string symbol;
    std::int64_t tenant_id = 0;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(scan_scheduling, SchedulingFixture)

BOOST_AUTO_TEST_CASE(enabled_configurations_name_the_targets_once_each) {
    config("{15m,1h}", true);
    config("{15m}", true);
    config("{4h}", false);
    pqxx::read_transaction txn(db);
    int found = 0;
    for (const auto& target : loadScanTargets(txn)) {
        if (target.symbol == symbol) {
            ++found;
            BOOST_TEST((target.timeframe == "15m" || target.timeframe == "1h"));
        }
    }
    BOOST_TEST(found == 2);
}

BOOST_AUTO_TEST_CASE(each_close_is_scheduled_once_across_rounds_and_restarts) {
    config("{15m}", true);
    ScanScheduler scheduler;
    const auto first = round(scheduler, kClose + 2'000);
    BOOST_REQUIRE(first.size() == 1U);
    BOOST_TEST((first[0].kind == wire::JobKind::Scan));
    BOOST_TEST(round(scheduler, kClose + 5'000).empty());
    // A restarted (or a second) scheduler owes the same close again: the database says no.
    ScanScheduler restarted;
    BOOST_TEST(round(restarted, kClose + 5'000).empty());
    // The next close, at its time plus the grace.
    BOOST_TEST(round(scheduler, kClose + kQuarter + 1'999).empty());
    BOOST_TEST(round(scheduler, kClose + kQuarter + 2'000).size() == 1U);
    BOOST_TEST(scansOfSymbol() ==
               "15m@" + std::to_string(kClose) + " 15m@" + std::to_string(kClose + kQuarter));
}

BOOST_AUTO_TEST_CASE(a_disabled_configuration_is_not_scanned) {
    config("{15m}", false);
    ScanScheduler scheduler;
    BOOST_TEST(round(scheduler, kClose + 2'000).empty());
    BOOST_TEST(scansOfSymbol().empty());
}

BOOST_AUTO_TEST_SUITE_END()
