// How the broker classifies one ROUTER message (broker_frames): every shape but the protocol's
// own is Malformed.
#include "broker_frames.hpp"

#include <boost/test/unit_test.hpp>

namespace frames = robson::broker::frames;

BOOST_AUTO_TEST_SUITE(broker_frames)

BOOST_AUTO_TEST_CASE(protocol_messages_become_their_commands) {
    const auto submit = frames::parse({"c1", "", "RC01", "plan", "envelope"});
    BOOST_REQUIRE(std::holds_alternative<frames::ClientSubmit>(submit));
    BOOST_TEST(std::get<frames::ClientSubmit>(submit).service == "plan");
    BOOST_TEST(std::get<frames::ClientSubmit>(submit).body == "envelope");
    const auto ready = frames::parse({"w1", "", "RW01", "READY", "scan"});
    BOOST_REQUIRE(std::holds_alternative<frames::WorkerReady>(ready));
    BOOST_TEST(std::get<frames::WorkerReady>(ready).service == "scan");
    BOOST_TEST(
        std::holds_alternative<frames::WorkerDone>(frames::parse({"w1", "", "RW01", "DONE"})));
    BOOST_TEST(std::holds_alternative<frames::WorkerHeartbeat>(
        frames::parse({"w1", "", "RW01", "HEARTBEAT"})));
    BOOST_TEST(std::holds_alternative<frames::WorkerDisconnect>(
        frames::parse({"w1", "", "RW01", "DISCONNECT"})));
}

BOOST_AUTO_TEST_CASE(any_other_shape_is_malformed) {
    const std::vector<std::vector<std::string_view>> bad{
        {},
        {"w1", ""},
        {"w1", "x", "RW01", "DONE"},               // no empty delimiter
        {"w1", "", "RW02", "DONE"},                // unknown protocol
        {"c1", "", "RC01", "plan"},                // a submit without its envelope
        {"c1", "", "RC01", "plan", "e", "extra"},  // one frame too many
        {"w1", "", "RW01"},                        // no command
        {"w1", "", "RW01", "READY"},               // READY without a service
        {"w1", "", "RW01", "DONE", "extra"},
        {"w1", "", "RW01", "JOB"},  // the broker's own command, from a worker
    };
    for (const auto& message : bad) {
        BOOST_TEST(std::holds_alternative<frames::Malformed>(frames::parse(message)),
                   message.size() << " frames");
    }
}

BOOST_AUTO_TEST_SUITE_END()
