#include "service_registry.hpp"

#include <boost/test/unit_test.hpp>

using robson::broker::Clock;
using robson::broker::QueuedJob;
using robson::broker::ServiceRegistry;
using namespace std::chrono_literals;

namespace {
const Clock::time_point kT0{};
QueuedJob job(const std::string& service, const std::string& body) {
    return {service, body};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(service_registry)

BOOST_AUTO_TEST_CASE(dispatches_queued_jobs_to_idle_workers_of_the_same_service) {
    ServiceRegistry registry(10, 3s, 3s);
    BOOST_TEST(registry.submit(job("plan", "j1")));
    BOOST_TEST(registry.submit(job("validate", "j2")));
    registry.workerReady("w-plan", "plan", kT0);
    const auto dispatched = registry.dispatch(kT0);
    BOOST_REQUIRE_EQUAL(dispatched.size(), 1U);
    BOOST_TEST(dispatched[0].worker == "w-plan");
    BOOST_TEST(dispatched[0].job.body == "j1");
    BOOST_TEST(registry.stats("validate").queued == 1U);
    BOOST_TEST(registry.stats("plan").busy_workers == 1U);
}

BOOST_AUTO_TEST_CASE(gives_one_job_at_a_time_to_a_worker) {
    ServiceRegistry registry(10, 3s, 3s);
    registry.workerReady("w", "plan", kT0);
    BOOST_TEST(registry.submit(job("plan", "j1")));
    BOOST_TEST(registry.submit(job("plan", "j2")));
    BOOST_TEST(registry.dispatch(kT0).size() == 1U);
    BOOST_TEST(registry.dispatch(kT0).empty());
    registry.workerDone("w", kT0 + 1s);
    const auto next = registry.dispatch(kT0);
    BOOST_REQUIRE_EQUAL(next.size(), 1U);
    BOOST_TEST(next[0].job.body == "j2");
}

BOOST_AUTO_TEST_CASE(picks_the_least_recently_used_idle_worker) {
    ServiceRegistry registry(10, 3s, 3s);
    registry.workerReady("a", "plan", kT0);
    registry.workerReady("b", "plan", kT0);
    BOOST_TEST(registry.submit(job("plan", "j1")));
    BOOST_TEST(registry.dispatch(kT0)[0].worker == "a");
    registry.workerDone("a", kT0 + 1s);  // a goes to the back
    BOOST_TEST(registry.submit(job("plan", "j2")));
    BOOST_TEST(registry.dispatch(kT0)[0].worker == "b");
}

BOOST_AUTO_TEST_CASE(refuses_jobs_beyond_the_queue_bound) {
    ServiceRegistry registry(2, 3s, 3s);
    BOOST_TEST(registry.submit(job("plan", "1")));
    BOOST_TEST(registry.submit(job("plan", "2")));
    BOOST_TEST(!registry.submit(job("plan", "3")));
    BOOST_TEST(registry.submit(job("validate", "4")));  // bounds are per service
}

BOOST_AUTO_TEST_CASE(requeues_a_silent_workers_job_at_the_head) {
    ServiceRegistry registry(10, 3s, 3s);
    registry.workerReady("dying", "execute", kT0);
    BOOST_TEST(registry.submit(job("execute", "first")));
    BOOST_TEST(registry.submit(job("execute", "second")));
    BOOST_TEST(registry.dispatch(kT0)[0].job.body == "first");
    BOOST_TEST(registry.heartbeat("dying", kT0 + 2s));
    BOOST_TEST(registry.expire(kT0 + 4s).empty());  // the heartbeat moved its expiry to 5 s
    const auto expired = registry.expire(kT0 + 5s);
    BOOST_REQUIRE_EQUAL(expired.size(), 1U);
    BOOST_TEST(!registry.knowsWorker("dying"));
    registry.workerReady("fresh", "execute", kT0 + 6s);
    BOOST_TEST(registry.dispatch(kT0)[0].job.body == "first");
}

BOOST_AUTO_TEST_CASE(gives_a_busy_worker_until_its_job_expiry_before_requeueing) {
    ServiceRegistry registry(10, 3s, 60s);
    registry.workerReady("slow", "execute", kT0);
    BOOST_TEST(registry.submit(job("execute", "j")));
    BOOST_TEST(registry.dispatch(kT0).size() == 1U);
    BOOST_TEST(registry.expire(kT0 + 30s).empty());  // silent but busy: still within its job
    BOOST_TEST(registry.expire(kT0 + 60s).size() == 1U);
    BOOST_TEST(registry.stats("execute").queued == 1U);
}

BOOST_AUTO_TEST_CASE(requeues_the_job_of_a_worker_that_disconnects) {
    ServiceRegistry registry(10, 3s, 3s);
    registry.workerReady("w", "plan", kT0);
    BOOST_TEST(registry.submit(job("plan", "j")));
    BOOST_TEST(registry.dispatch(kT0).size() == 1U);
    registry.workerGone("w");
    BOOST_TEST(registry.stats("plan").queued == 1U);
    BOOST_TEST(registry.stats("plan").busy_workers == 0U);
}

BOOST_AUTO_TEST_CASE(a_restarted_worker_that_says_ready_gives_back_its_job) {
    ServiceRegistry registry(10, 3s, 3s);
    registry.workerReady("w", "plan", kT0);
    BOOST_TEST(registry.submit(job("plan", "j")));
    BOOST_TEST(registry.dispatch(kT0).size() == 1U);
    registry.workerReady("w", "plan", kT0 + 1s);  // it lost the job (restart with same id)
    const auto again = registry.dispatch(kT0);
    BOOST_REQUIRE_EQUAL(again.size(), 1U);
    BOOST_TEST(again[0].job.body == "j");
}

BOOST_AUTO_TEST_CASE(ignores_heartbeats_and_done_from_unknown_workers) {
    ServiceRegistry registry(10, 3s, 3s);
    BOOST_TEST(!registry.heartbeat("ghost", kT0));
    registry.workerDone("ghost", kT0);
    registry.workerGone("ghost");
    BOOST_TEST(registry.idleWorkers().empty());
}

BOOST_AUTO_TEST_SUITE_END()
