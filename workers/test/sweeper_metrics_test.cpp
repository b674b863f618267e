// The sweeper's "oldest in-progress intent" gauge against a real PostgreSQL: an intent a worker
// owes progress on counts from the later of its last update and its newest job; an intent
// waiting for a person (VALIDATED) does not count.
#include "sweeper_metrics.hpp"

#include <boost/test/unit_test.hpp>
#include <prometheus/text_serializer.h>

#include <cstdlib>
#include <random>
#include <sstream>

using namespace robson;

namespace {

std::string databaseUrl() {
    const char* url = std::getenv("DATABASE_URL");  // NOLINT(concurrency-mt-unsafe)
    BOOST_REQUIRE_MESSAGE(url != nullptr, "run under tests/support/with_postgres.sh");
    return url;
}

/// The value of robson_intent_oldest_in_progress_age_seconds{status=…}.
double oldestAge(prometheus::Registry& registry, const std::string& status) {
    const std::string text = prometheus::TextSerializer().Serialize(registry.Collect());
    const std::string prefix =
        R"(robson_intent_oldest_in_progress_age_seconds{status=")" + status + R"("} )";
    const auto at = text.find(prefix);
    BOOST_REQUIRE(at != std::string::npos);
    return std::stod(text.substr(at + prefix.size()));
}

struct Fixture {
    Fixture() : db(databaseUrl()), metrics(registry) {
        static std::mt19937_64 random{std::random_device{}()};
        intent_id = "age-" + std::to_string(random() % 1'000'000'000ULL);
        pqxx::work txn(db);
        tenant_id = txn.exec_params("INSERT INTO tenants (name) VALUES ($1) RETURNING id",
                                    "tenant-" + intent_id)[0][0]
                        .as<std::int64_t>();
        // Older than anything the other tests of this database leave in progress.
        txn.exec_params(
            "INSERT INTO trading_intents (id, tenant_id, strategy_id, symbol, side, timeframe, "
            "capital, status, updated_at) VALUES ($1, $2, 1, 'BTCUSDT', 'BUY', '15m', 100, "
            "'PLANNING', now() - interval '40000 seconds')",
            intent_id,
            tenant_id);
        txn.commit();
    }

    ~Fixture() {
        // Ended, so the next case (same database) sees only its own old intent.
        try {
            exec(
                "UPDATE trading_intents SET status = 'CANCELLED' WHERE id = $1 AND tenant_id = $2");
        } catch (...) {  // NOLINT(bugprone-empty-catch): the case failed already
        }
    }
    Fixture(const Fixture&) = delete;
    Fixture& operator=(const Fixture&) = delete;
    Fixture(Fixture&&) = delete;
    Fixture& operator=(Fixture&&) = delete;

    void exec(const std::string& statement) {
        pqxx::work txn(db);
        txn.exec_params(statement, intent_id, tenant_id);
        txn.commit();
    }

    pqxx::connection db;
    prometheus::Registry registry;
    workers::SweeperMetrics metrics;
    std::string intent_id;
    std::int64_t tenant_id = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sweeper_metrics)

BOOST_FIXTURE_TEST_CASE(an_intent_stuck_in_planning_shows_its_age, Fixture) {
    metrics.refresh(db);
    BOOST_TEST(oldestAge(registry, "PLANNING") >= 40000.0);
}

BOOST_FIXTURE_TEST_CASE(a_new_job_for_the_intent_restarts_its_clock, Fixture) {
    exec(
        "INSERT INTO jobs (intent_id, tenant_id, kind, deadline) "
        "VALUES ($1, $2, 'plan', now() + interval '1 minute')");
    metrics.refresh(db);
    BOOST_TEST(oldestAge(registry, "PLANNING") < 40000.0);
}

BOOST_FIXTURE_TEST_CASE(an_intent_waiting_for_a_person_is_not_in_progress, Fixture) {
    exec("UPDATE trading_intents SET status = 'VALIDATED' WHERE id = $1 AND tenant_id = $2");
    metrics.refresh(db);
    BOOST_TEST(oldestAge(registry, "PLANNING") < 40000.0);
    BOOST_TEST(oldestAge(registry, "EXECUTING") < 40000.0);
}

BOOST_AUTO_TEST_SUITE_END()
