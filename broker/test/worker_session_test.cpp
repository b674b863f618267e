// robson::bus's two ends of the broker protocol (WorkerSession, JobSender) against the real
// broker loop: registration, delivery, and re-registration after a broker restart.
#include "robson/bus/worker_session.hpp"

#include "broker_loop.hpp"
#include "robson/bus/job_sender.hpp"

#include <boost/test/unit_test.hpp>

#include <thread>

using namespace std::chrono_literals;
using robson::broker::BrokerLoop;
using robson::broker::BrokerOptions;

namespace {

struct BrokerThread {
    explicit BrokerThread(const std::string& endpoint) {
        BrokerOptions options;
        options.endpoint = endpoint;
        broker = std::make_unique<BrokerLoop>(options);
        bound = broker->bind();
        thread = std::thread([this] { broker->run(); });
    }
    ~BrokerThread() {
        broker->stop();
        thread.join();
    }
    BrokerThread(const BrokerThread&) = delete;
    BrokerThread& operator=(const BrokerThread&) = delete;
    BrokerThread(BrokerThread&&) = delete;
    BrokerThread& operator=(BrokerThread&&) = delete;

    std::unique_ptr<BrokerLoop> broker;
    std::string bound;
    std::thread thread;
};

robson::wire::JobEnvelope envelope(std::int64_t job_id) {
    robson::wire::JobEnvelope out;
    out.job_id = job_id;
    out.kind = robson::wire::JobKind::Validate;
    out.intent_id = "intent-" + std::to_string(job_id);
    out.tenant = "1";
    return out;
}

/// Sends until the broker accepted (the DEALER connects asynchronously).
void submit(robson::bus::JobSender& sender, const robson::wire::JobEnvelope& job) {
    for (int i = 0; i < 200 && !sender.send(job); ++i) {
        std::this_thread::sleep_for(10ms);
    }
}

std::optional<robson::wire::JobEnvelope> receive(robson::bus::WorkerSession& session,
                                                 std::chrono::milliseconds wait) {
    const auto frame = session.nextJob(wait);
    if (!frame) {
        return std::nullopt;
    }
    return std::get<robson::wire::JobEnvelope>(robson::wire::decode(*frame));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(worker_session)

BOOST_AUTO_TEST_CASE(a_registered_worker_receives_the_jobs_of_its_service) {
    BrokerThread broker("tcp://127.0.0.1:*");
    zmq::context_t context;
    robson::bus::WorkerSession session(context, broker.bound, "validate");
    robson::bus::JobSender sender(context, broker.bound);
    submit(sender, envelope(1));
    const auto job = receive(session, 5s);
    BOOST_REQUIRE(job.has_value());
    BOOST_TEST(job->job_id == 1);
    session.done();
    submit(sender, envelope(2));
    BOOST_TEST(receive(session, 5s)->job_id == 2);
}

BOOST_AUTO_TEST_CASE(a_worker_registers_again_after_the_broker_restarts) {
    std::string endpoint;
    zmq::context_t context;
    std::unique_ptr<robson::bus::WorkerSession> session;
    {
        BrokerThread first("tcp://127.0.0.1:*");
        endpoint = first.bound;
        session = std::make_unique<robson::bus::WorkerSession>(context, endpoint, "validate");
        BOOST_TEST(!receive(*session, 300ms).has_value());
    }
    // The same address, a broker that never saw this worker's READY.
    BrokerThread second(endpoint);
    robson::bus::JobSender sender(context, endpoint);
    submit(sender, envelope(7));
    const auto job = receive(*session, 10s);
    BOOST_REQUIRE(job.has_value());
    BOOST_TEST(job->job_id == 7);
    BOOST_TEST(session->registrations() >= 2U);
}

BOOST_AUTO_TEST_CASE(a_sender_without_a_broker_fails_fast_instead_of_blocking) {
    zmq::context_t context;
    robson::bus::JobSender sender(context, "tcp://127.0.0.1:1");
    const auto start = std::chrono::steady_clock::now();
    BOOST_TEST(!sender.send(envelope(3)));
    const bool fast = std::chrono::steady_clock::now() - start < 1s;
    BOOST_TEST(fast);
}

BOOST_AUTO_TEST_SUITE_END()
