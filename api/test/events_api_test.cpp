// GET /api/intents/{id}/events/: the status pushed as Server-Sent Events.
#include "api_fixture.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <istream>
#include <string>

using namespace robson::api::test;

namespace {

/// An open event stream: the response's status, then its events one by one.
class EventStream {
public:
    EventStream(std::uint16_t port, const std::string& target) : session_("127.0.0.1", port) {
        session_.setTimeout(Poco::Timespan(10, 0));
        Poco::Net::HTTPRequest request("GET", target, Poco::Net::HTTPMessage::HTTP_1_1);
        session_.sendRequest(request);
        in_ = &session_.receiveResponse(response_);
    }

    [[nodiscard]] int status() const { return static_cast<int>(response_.getStatus()); }
    [[nodiscard]] std::string contentType() const { return response_.getContentType(); }

    /// The data of the next "status" event, or nullopt when the stream ended.
    std::optional<nlohmann::json> nextStatus() {
        std::string line;
        std::string event;
        while (std::getline(*in_, line)) {
            if (line.rfind("event: ", 0) == 0) {
                event = line.substr(7);
            } else if (line.rfind("data: ", 0) == 0 && event == "status") {
                return nlohmann::json::parse(line.substr(6));
            }
        }
        return std::nullopt;
    }

private:
    Poco::Net::HTTPClientSession session_;
    Poco::Net::HTTPResponse response_;
    std::istream* in_ = nullptr;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(events_api)

BOOST_AUTO_TEST_CASE(status_changes_are_pushed_and_the_stream_ends_at_a_terminal_status) {
    ApiFixture api;
    const std::string id = api.insertIntent("PENDING");
    EventStream stream(api.client().port(),
                       "/api/intents/" + id + "/events/?access_token=" + api.aliceToken());
    BOOST_REQUIRE(stream.status() == 200);
    BOOST_TEST(stream.contentType() == "text/event-stream");
    BOOST_TEST(stream.nextStatus()->at("status").get<std::string>() == "PENDING");
    api.exec("UPDATE trading_intents SET status = 'VALIDATED' WHERE id = '" + id + "'");
    BOOST_TEST(stream.nextStatus()->at("status").get<std::string>() == "VALIDATED");
    api.exec("UPDATE trading_intents SET status = 'CANCELLED' WHERE id = '" + id + "'");
    BOOST_TEST(stream.nextStatus()->at("status").get<std::string>() == "CANCELLED");
    BOOST_TEST(!stream.nextStatus().has_value());  // terminal: the server closed the stream
}

BOOST_AUTO_TEST_CASE(a_stream_needs_a_token_and_shows_only_the_callers_intents) {
    ApiFixture api;
    const std::string id = api.insertIntent("PENDING");
    BOOST_TEST(EventStream(api.client().port(), "/api/intents/" + id + "/events/").status() == 401);
    BOOST_TEST(EventStream(api.client().port(),
                           "/api/intents/" + id + "/events/?access_token=" + api.bobToken())
                   .status() == 404);
    BOOST_TEST(
        EventStream(api.client().port(), "/api/intents/" + id + "/events/?access_token=garbage")
            .status() == 401);
}

BOOST_AUTO_TEST_SUITE_END()
