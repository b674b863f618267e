// The jobs outbox against a real PostgreSQL with the project's migrations
// (tests/support/with_postgres.sh provides DATABASE_URL).
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

/// A connection, a tenant and a fresh PLANNING intent per test.
struct Fixture {
    Fixture() : db(databaseUrl()) {
        static std::mt19937_64 random{std::random_device{}()};
        intent_id = "intent-" + std::to_string(random() % 1'000'000'000'000ULL);
        pqxx::work txn(db);
        tenant_id = txn.exec_params("INSERT INTO tenants (name) VALUES ($1) RETURNING id",
                                    "tenant-" + intent_id)[0][0]
                        .as<std::int64_t>();
        txn.exec_params(
            "INSERT INTO trading_intents (id, tenant_id, strategy_id, symbol, side, timeframe, "
            "capital, status) VALUES ($1, $2, 1, 'BTCUSDT', 'BUY', '15m', 100, 'PLANNING')",
            intent_id,
            tenant_id);
        txn.commit();
    }

    std::optional<wire::JobEnvelope> enqueue(
        wire::JobKind kind, std::optional<std::chrono::milliseconds> deadline = {}) {
        pqxx::work txn(db);
        store::NewJob job;
        job.intent_id = intent_id;
        job.tenant_id = tenant_id;
        job.kind = kind;
        job.deadline_in = deadline;
        auto envelope = store::enqueueJob(txn, job);
        txn.commit();
        return envelope;
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

    std::string jobState(std::int64_t job_id) {
        return scalar("SELECT state::text FROM jobs WHERE id = " + std::to_string(job_id));
    }

    pqxx::connection db;
    std::string intent_id;
    std::int64_t tenant_id = 0;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(job_queue, Fixture)

BOOST_AUTO_TEST_CASE(a_stage_is_enqueued_once_per_intent) {
    const auto first = enqueue(wire::JobKind::Plan);
    BOOST_REQUIRE(first.has_value());
    BOOST_TEST(first->intent_id == intent_id);
    BOOST_TEST(first->tenant == std::to_string(tenant_id));
    BOOST_TEST(first->attempt == 1);
    BOOST_TEST(!enqueue(wire::JobKind::Plan).has_value());
    BOOST_TEST(enqueue(wire::JobKind::Validate).has_value());
}

BOOST_AUTO_TEST_CASE(a_leased_job_cannot_be_claimed_twice_until_its_lease_expires) {
    const auto job = *enqueue(wire::JobKind::Plan);
    const auto first = store::claimJob(db, job.job_id, "worker-a", 60s);
    BOOST_REQUIRE(first.has_value());
    BOOST_TEST(first->attempt == 1);
    BOOST_TEST(!store::claimJob(db, job.job_id, "worker-b", 60s).has_value());
    exec("UPDATE jobs SET lease_until = now() - interval '1 second' WHERE id = " +
         std::to_string(job.job_id));
    const auto second = store::claimJob(db, job.job_id, "worker-b", 60s);
    BOOST_REQUIRE(second.has_value());
    BOOST_TEST(second->attempt == 2);
}

BOOST_AUTO_TEST_CASE(a_zombie_delivery_cannot_complete_after_another_took_over) {
    const auto job = *enqueue(wire::JobKind::Plan);
    const auto zombie = *store::claimJob(db, job.job_id, "worker-a", 60s);
    exec("UPDATE jobs SET lease_until = now() - interval '1 second' WHERE id = " +
         std::to_string(job.job_id));
    const auto current = *store::claimJob(db, job.job_id, "worker-b", 60s);
    {
        pqxx::work txn(db);
        BOOST_CHECK_THROW(store::completeJob(txn, zombie), store::FencedOut);
    }
    {
        pqxx::work txn(db);
        store::completeJob(txn, current);
        txn.commit();
    }
    BOOST_TEST(jobState(job.job_id) == "done");
    BOOST_TEST(!store::claimJob(db, job.job_id, "worker-c", 60s).has_value());
}

BOOST_AUTO_TEST_CASE(a_failed_attempt_is_retried_with_backoff_then_buried_and_its_intent_failed) {
    const auto job = *enqueue(wire::JobKind::Plan);
    exec("UPDATE jobs SET max_attempts = 2 WHERE id = " + std::to_string(job.job_id));
    const auto first = *store::claimJob(db, job.job_id, "w", 60s);
    {
        pqxx::work txn(db);
        BOOST_TEST(!store::retryOrBury(txn, first, "exchange unreachable"));
        txn.commit();
    }
    BOOST_TEST(jobState(job.job_id) == "retry");
    BOOST_TEST(scalar("SELECT run_after > now() FROM jobs WHERE id = " +
                      std::to_string(job.job_id)) == "t");
    const auto second = *store::claimJob(db, job.job_id, "w", 60s);
    {
        pqxx::work txn(db);
        BOOST_TEST(store::retryOrBury(txn, second, "exchange unreachable"));
        store::endIntentOfDeadJob(txn, second.kind, second.intent_id, "exchange unreachable");
        txn.commit();
    }
    BOOST_TEST(jobState(job.job_id) == "dead");
    BOOST_TEST(scalar("SELECT status::text FROM trading_intents WHERE id = '" + intent_id + "'") ==
               "FAILED");
    BOOST_TEST(scalar("SELECT status_reason FROM trading_intents WHERE id = '" + intent_id + "'") ==
               "The plan could not be computed: exchange unreachable");
}

BOOST_AUTO_TEST_CASE(an_execute_job_is_never_buried_by_attempts_or_time) {
    exec("UPDATE trading_intents SET status = 'EXECUTING' WHERE id = '" + intent_id + "'");
    const auto job = *enqueue(wire::JobKind::Execute);
    exec("UPDATE jobs SET max_attempts = 1, deadline = now() - interval '1 hour' WHERE id = " +
         std::to_string(job.job_id));
    const auto claim = *store::claimJob(db, job.job_id, "w", 60s);
    {
        pqxx::work txn(db);
        BOOST_TEST(!store::retryOrBury(txn, claim, "order outcome unknown"));
        txn.commit();
    }
    BOOST_TEST(jobState(job.job_id) == "retry");
    BOOST_TEST(store::buryExpiredJobs(db) == 0);
}

BOOST_AUTO_TEST_CASE(the_sweeper_resends_undispatched_and_expired_jobs_but_not_fresh_ones) {
    const auto job = *enqueue(wire::JobKind::Plan);
    const auto ids = [](const std::vector<wire::JobEnvelope>& jobs) {
        std::vector<std::int64_t> out;
        for (const auto& one : jobs) {
            out.push_back(one.job_id);
        }
        return out;
    };
    const auto has = [&](const std::vector<wire::JobEnvelope>& jobs) {
        const auto list = ids(jobs);
        return std::find(list.begin(), list.end(), job.job_id) != list.end();
    };
    BOOST_TEST(has(store::takeDueJobs(db, 5s, 1000)));   // never dispatched
    BOOST_TEST(!has(store::takeDueJobs(db, 5s, 1000)));  // just dispatched
    const auto claim = *store::claimJob(db, job.job_id, "w", 60s);
    BOOST_TEST(claim.attempt == 1);
    exec(
        "UPDATE jobs SET lease_until = now() - interval '1 second', last_dispatched_at = now() - "
        "interval '10 seconds' WHERE id = " +
        std::to_string(job.job_id));
    const auto due = store::takeDueJobs(db, 5s, 1000);
    BOOST_TEST(has(due));  // its worker died
}

BOOST_AUTO_TEST_CASE(plan_and_validate_jobs_past_their_deadline_end_their_intents) {
    const auto job = *enqueue(wire::JobKind::Plan, -1s);
    BOOST_TEST(store::buryExpiredJobs(db) >= 1);
    BOOST_TEST(jobState(job.job_id) == "dead");
    BOOST_TEST(scalar("SELECT status::text FROM trading_intents WHERE id = '" + intent_id + "'") ==
               "FAILED");
}

BOOST_AUTO_TEST_CASE(a_withdrawn_job_can_be_enqueued_again_and_a_zombie_cannot_withdraw) {
    exec("UPDATE trading_intents SET status = 'EXECUTING' WHERE id = '" + intent_id + "'");
    const auto job = *enqueue(wire::JobKind::Execute);
    const auto zombie = *store::claimJob(db, job.job_id, "worker-a", 60s);
    exec("UPDATE jobs SET lease_until = now() - interval '1 second' WHERE id = " +
         std::to_string(job.job_id));
    const auto current = *store::claimJob(db, job.job_id, "worker-b", 60s);
    {
        pqxx::work txn(db);
        BOOST_CHECK_THROW(store::withdrawJob(txn, zombie), store::FencedOut);
    }
    BOOST_TEST(!enqueue(wire::JobKind::Execute).has_value());
    {
        pqxx::work txn(db);
        store::withdrawJob(txn, current);
        txn.commit();
    }
    BOOST_TEST(scalar("SELECT count(*) FROM jobs WHERE id = " + std::to_string(job.job_id)) == "0");
    BOOST_TEST(enqueue(wire::JobKind::Execute).has_value());
}

BOOST_AUTO_TEST_CASE(the_audit_trail_refuses_updates_and_deletes) {
    exec("INSERT INTO audit_trail (tenant_id, intent_id, actor, action) VALUES (" +
         std::to_string(tenant_id) + ", '" + intent_id + "', 'test', 'X')");
    BOOST_CHECK_THROW(
        exec("UPDATE audit_trail SET action = 'Y' WHERE intent_id = '" + intent_id + "'"),
        pqxx::sql_error);
    BOOST_CHECK_THROW(exec("DELETE FROM audit_trail WHERE intent_id = '" + intent_id + "'"),
                      pqxx::sql_error);
}

BOOST_AUTO_TEST_SUITE_END()
