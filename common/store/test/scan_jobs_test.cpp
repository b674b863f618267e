// Scan jobs on the jobs outbox against a real PostgreSQL with the project's migrations
// (tests/support/with_postgres.sh provides DATABASE_URL).
#include "robson/store/scan_jobs.hpp"

#include "robson/store/job_queue.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <random>

using namespace robson;
using namespace std::chrono_literals;

namespace {

std::string databaseUrl() {
    const char* url = std::getenv("DATABASE_URL");  // NOLINT(concurrency-mt-unsafe)
    BOOST_REQUIRE_MESSAGE(url != nullptr, "run under tests/support/with_postgres.sh");
    return url;
}

/// A connection and a candle close no other test uses (the tests share one database).
struct ScanFixture {
    ScanFixture() : db(databaseUrl()) {
        static std::mt19937_64 random{std::random_device{}()};
        close_ms = 1'700'000'000'000LL + static_cast<std::int64_t>(random() % 1'000'000'000ULL);
    }

    std::optional<store::EnqueuedScan> enqueue(std::optional<std::int64_t> close) {
        pqxx::work txn(db);
        auto scan = store::enqueueScan(txn, store::NewScan{"BTCUSDT", "15m", close, std::nullopt});
        txn.commit();
        return scan;
    }

    std::string scalar(const std::string& query) {
        pqxx::read_transaction txn(db);
        return txn.exec(query)[0][0].as<std::string>();
    }

    void exec(const std::string& statement) {
        pqxx::work txn(db);
        txn.exec(statement);
        txn.commit();
    }

    pqxx::connection db;
    std::int64_t close_ms = 0;
};

bool contains(const std::vector<wire::JobEnvelope>& jobs, std::int64_t job_id) {
    return std::any_of(
        jobs.begin(), jobs.end(), [job_id](const auto& one) { return one.job_id == job_id; });
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(scan_jobs, ScanFixture)

BOOST_AUTO_TEST_CASE(a_scan_is_a_scans_row_with_a_scan_job_and_an_envelope_naming_it) {
    const auto scan = enqueue(close_ms);
    BOOST_REQUIRE(scan.has_value());
    const auto id = std::to_string(scan->scan_id);
    BOOST_TEST((scan->envelope.kind == wire::JobKind::Scan));
    BOOST_TEST(scan->envelope.intent_id == "scan:" + id);
    BOOST_TEST(scan->envelope.tenant.empty());
    BOOST_TEST(scan->envelope.attempt == 1);
    BOOST_TEST(scalar("SELECT state || ' ' || candle_close_ms FROM scans WHERE id = " + id) ==
               "queued " + std::to_string(close_ms));
    BOOST_TEST(scalar("SELECT scan_id FROM jobs WHERE id = " +
                      std::to_string(scan->envelope.job_id)) == id);
    // The envelope is what a worker decodes: it must survive the wire.
    const auto decoded = wire::decode(wire::encode(scan->envelope));
    BOOST_REQUIRE(std::holds_alternative<wire::JobEnvelope>(decoded));
    BOOST_TEST((std::get<wire::JobEnvelope>(decoded) == scan->envelope));
}

BOOST_AUTO_TEST_CASE(a_scheduled_close_is_scanned_once_however_often_it_is_enqueued) {
    BOOST_TEST(enqueue(close_ms).has_value());
    BOOST_TEST(!enqueue(close_ms).has_value());
    BOOST_TEST(enqueue(close_ms + 900'000).has_value());
}

BOOST_AUTO_TEST_CASE(on_demand_scans_have_no_close_and_are_never_merged) {
    const auto first = enqueue(std::nullopt);
    const auto second = enqueue(std::nullopt);
    BOOST_REQUIRE(first.has_value());
    BOOST_REQUIRE(second.has_value());
    BOOST_TEST(first->scan_id != second->scan_id);
}

BOOST_AUTO_TEST_CASE(a_requesting_tenant_is_recorded) {
    pqxx::work txn(db);
    const auto tenant = txn.exec_params("INSERT INTO tenants (name) VALUES ($1) RETURNING id",
                                        "scan-tenant-" + std::to_string(close_ms))[0][0]
                            .as<std::int64_t>();
    const auto scan =
        store::enqueueScan(txn, store::NewScan{"ETHUSDT", "1h", std::nullopt, tenant});
    txn.commit();
    BOOST_REQUIRE(scan.has_value());
    BOOST_TEST(scalar("SELECT requested_by FROM scans WHERE id = " +
                      std::to_string(scan->scan_id)) == std::to_string(tenant));
}

BOOST_AUTO_TEST_CASE(a_scan_job_is_claimed_with_its_scan_and_no_intent) {
    const auto scan = *enqueue(close_ms);
    const auto claim = store::claimJob(db, scan.envelope.job_id, "w", 60s);
    BOOST_REQUIRE(claim.has_value());
    BOOST_TEST((claim->kind == wire::JobKind::Scan));
    BOOST_TEST(claim->scan_id.value_or(0) == scan.scan_id);
    BOOST_TEST(claim->intent_id.empty());
    BOOST_TEST(claim->tenant_id == 0);
    BOOST_TEST(claim->attempt == 1);
    BOOST_TEST(!store::claimJob(db, scan.envelope.job_id, "w2", 60s).has_value());
    pqxx::work txn(db);
    store::completeJob(txn, *claim);
    txn.commit();
    BOOST_TEST(scalar("SELECT state::text FROM jobs WHERE id = " +
                      std::to_string(scan.envelope.job_id)) == "done");
}

BOOST_AUTO_TEST_CASE(the_sweeper_resends_a_scan_job_with_the_same_envelope) {
    const auto scan = *enqueue(close_ms);
    const auto due = store::takeDueJobs(db, 5s, 1000);
    BOOST_REQUIRE(contains(due, scan.envelope.job_id));
    const auto resent = *std::find_if(due.begin(), due.end(), [&](const auto& one) {
        return one.job_id == scan.envelope.job_id;
    });
    BOOST_TEST((resent == scan.envelope));
}

BOOST_AUTO_TEST_CASE(a_scan_job_given_up_after_its_attempts_marks_its_scan_failed) {
    const auto scan = *enqueue(close_ms);
    exec("UPDATE jobs SET max_attempts = 1 WHERE id = " + std::to_string(scan.envelope.job_id));
    const auto claim = *store::claimJob(db, scan.envelope.job_id, "w", 60s);
    {
        pqxx::work txn(db);
        BOOST_TEST(store::retryOrBury(txn, claim, "exchange unreachable"));
        store::endWorkOfDeadJob(txn, claim, "exchange unreachable");
        txn.commit();
    }
    const auto id = std::to_string(scan.scan_id);
    BOOST_TEST(scalar("SELECT state FROM scans WHERE id = " + id) == "failed");
    BOOST_TEST(scalar("SELECT error FROM scans WHERE id = " + id) ==
               "The scan could not run: exchange unreachable");
    BOOST_TEST(scalar("SELECT finished_at IS NOT NULL FROM scans WHERE id = " + id) == "t");
}

BOOST_AUTO_TEST_CASE(a_scan_job_past_its_deadline_is_buried_and_its_scan_failed) {
    const auto scan = *enqueue(close_ms);
    exec("UPDATE jobs SET deadline = now() - interval '1 second' WHERE id = " +
         std::to_string(scan.envelope.job_id));
    BOOST_TEST(store::buryExpiredJobs(db) >= 1);
    BOOST_TEST(scalar("SELECT state::text FROM jobs WHERE id = " +
                      std::to_string(scan.envelope.job_id)) == "dead");
    BOOST_TEST(scalar("SELECT state FROM scans WHERE id = " + std::to_string(scan.scan_id)) ==
               "failed");
}

BOOST_AUTO_TEST_CASE(a_finished_scan_is_not_failed_by_a_late_burial) {
    const auto scan = *enqueue(close_ms);
    exec("UPDATE scans SET state = 'done' WHERE id = " + std::to_string(scan.scan_id));
    pqxx::work txn(db);
    store::failScanOfDeadJob(txn, scan.scan_id, "late");
    txn.commit();
    BOOST_TEST(scalar("SELECT state FROM scans WHERE id = " + std::to_string(scan.scan_id)) ==
               "done");
}

BOOST_AUTO_TEST_CASE(the_database_refuses_a_scan_job_without_a_scan_or_with_an_intent) {
    BOOST_CHECK_THROW(exec("INSERT INTO jobs (kind, deadline) VALUES ('scan', now())"),
                      pqxx::sql_error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(scan_envelope_ids_round_trip_and_refuse_anything_else) {
    BOOST_TEST(store::scanEnvelopeId(42) == "scan:42");
    BOOST_TEST(store::scanIdOfEnvelope("scan:42").value_or(0) == 42);
    BOOST_TEST(!store::scanIdOfEnvelope("intent-0123456789abcdef").has_value());
    BOOST_TEST(!store::scanIdOfEnvelope("scan:").has_value());
    BOOST_TEST(!store::scanIdOfEnvelope("scan:12x").has_value());
    BOOST_TEST(!store::scanIdOfEnvelope("scan:-3").has_value());
}
