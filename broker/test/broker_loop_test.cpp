// The broker over real ZeroMQ sockets on loopback: a client submits, a worker receives.
#include "broker_loop.hpp"

#include "robson/wire/broker_protocol.hpp"

#include <boost/test/unit_test.hpp>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include <thread>

using robson::broker::BrokerLoop;
using robson::broker::BrokerOptions;
namespace protocol = robson::wire::protocol;

namespace {

/// A broker running in a background thread for one test.
struct RunningBroker {
    explicit RunningBroker(
        std::chrono::milliseconds busy_expiry = std::chrono::milliseconds(120'000)) {
        BrokerOptions options;
        options.endpoint = "tcp://127.0.0.1:*";
        options.max_queued_per_service = 2;
        options.busy_expiry = busy_expiry;
        broker = std::make_unique<BrokerLoop>(options);
        endpoint = broker->bind();
        thread = std::thread([this] { broker->run(); });
    }
    ~RunningBroker() {
        broker->stop();
        thread.join();
    }
    RunningBroker(const RunningBroker&) = delete;
    RunningBroker& operator=(const RunningBroker&) = delete;
    RunningBroker(RunningBroker&&) = delete;
    RunningBroker& operator=(RunningBroker&&) = delete;

    std::unique_ptr<BrokerLoop> broker;
    std::string endpoint;
    std::thread thread;
};

zmq::socket_t dealer(zmq::context_t& context, const std::string& endpoint) {
    zmq::socket_t socket(context, zmq::socket_type::dealer);
    socket.set(zmq::sockopt::linger, 0);
    socket.set(zmq::sockopt::rcvtimeo, 5000);
    socket.connect(endpoint);
    return socket;
}

void sendFrames(zmq::socket_t& socket, std::initializer_list<std::string_view> frames) {
    zmq::multipart_t message;
    message.addstr("");
    for (const auto frame : frames) {
        message.addmem(frame.data(), frame.size());
    }
    message.send(socket);
}

/// Receives [ "", "RW01", command, (body) ] and returns {command, body}.
std::pair<std::string, std::string> receiveWorkerFrame(zmq::socket_t& socket) {
    while (true) {
        zmq::multipart_t message;
        BOOST_REQUIRE(message.recv(socket));
        BOOST_REQUIRE_GE(message.size(), 3U);
        const std::string command = message[2].to_string();
        if (command == protocol::kHeartbeat) {
            continue;
        }
        return {command, message.size() > 3 ? message[3].to_string() : std::string()};
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(broker_loop)

BOOST_AUTO_TEST_CASE(routes_a_submitted_job_to_a_ready_worker_of_its_service) {
    RunningBroker running;
    zmq::context_t context;
    auto worker = dealer(context, running.endpoint);
    auto client = dealer(context, running.endpoint);
    sendFrames(worker, {protocol::kWorker, protocol::kReady, "plan"});
    sendFrames(client, {protocol::kClient, "plan", "envelope-1"});
    const auto [command, body] = receiveWorkerFrame(worker);
    BOOST_TEST(command == protocol::kJob);
    BOOST_TEST(body == "envelope-1");
}

BOOST_AUTO_TEST_CASE(requeues_the_job_of_a_worker_that_falls_silent) {
    RunningBroker running(std::chrono::milliseconds(300));
    zmq::context_t context;
    auto silent = dealer(context, running.endpoint);
    sendFrames(silent, {protocol::kWorker, protocol::kReady, "execute"});
    auto client = dealer(context, running.endpoint);
    sendFrames(client, {protocol::kClient, "execute", "envelope-x"});
    BOOST_TEST(receiveWorkerFrame(silent).second == "envelope-x");
    // `silent` never answers; a second worker gets the same job after the busy expiry.
    auto rescuer = dealer(context, running.endpoint);
    sendFrames(rescuer, {protocol::kWorker, protocol::kReady, "execute"});
    const auto [command, body] = receiveWorkerFrame(rescuer);
    BOOST_TEST(command == protocol::kJob);
    BOOST_TEST(body == "envelope-x");
    BOOST_TEST(running.broker->counters().workers_expired >= 1U);
}

BOOST_AUTO_TEST_CASE(answers_nak_when_a_service_queue_is_full) {
    RunningBroker running;  // queue bound 2, no workers
    zmq::context_t context;
    auto client = dealer(context, running.endpoint);
    for (const char* body : {"a", "b", "c"}) {
        sendFrames(client, {protocol::kClient, "validate", body});
    }
    zmq::multipart_t nak;
    BOOST_REQUIRE(nak.recv(client));
    BOOST_REQUIRE_EQUAL(nak.size(), 4U);
    BOOST_TEST(nak[2].to_string() == protocol::kNak);
    BOOST_TEST(nak[3].to_string() == "c");
}

BOOST_AUTO_TEST_CASE(counts_and_drops_malformed_frames_without_stopping) {
    RunningBroker running;
    zmq::context_t context;
    auto peer = dealer(context, running.endpoint);
    sendFrames(peer, {"GARBAGE"});
    sendFrames(peer, {protocol::kWorker, "EXPLODE", "x", "y"});
    zmq::multipart_t no_delimiter;
    no_delimiter.addstr("RW01");
    no_delimiter.send(peer);
    // The broker still works afterwards.
    auto worker = dealer(context, running.endpoint);
    sendFrames(worker, {protocol::kWorker, protocol::kReady, "scan"});
    sendFrames(peer, {protocol::kClient, "scan", "still-alive"});
    BOOST_TEST(receiveWorkerFrame(worker).second == "still-alive");
    BOOST_TEST(running.broker->counters().malformed_frames == 3U);
}

BOOST_AUTO_TEST_SUITE_END()
