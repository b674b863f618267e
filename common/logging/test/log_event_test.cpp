// A log line is one JSON object with the fixed keys first in meaning, and never a secret.
#include "robson/logging/log_event.hpp"

#include <boost/test/unit_test.hpp>

#include <iostream>
#include <sstream>

using namespace robson::logging;

BOOST_AUTO_TEST_SUITE(log_event)

BOOST_AUTO_TEST_CASE(a_line_is_json_with_time_level_service_event_and_the_fields) {
    setService("worker");
    const auto line = nlohmann::json::parse(
        formatEvent(1'764'921'600'123, "info", "job_done", {{"intent_id", "i-1"}, {"job_id", 7}}));
    BOOST_TEST(line["ts"] == "2025-12-05T08:00:00.123Z");
    BOOST_TEST(line["level"] == "info");
    BOOST_TEST(line["service"] == "worker");
    BOOST_TEST(line["event"] == "job_done");
    BOOST_TEST(line["intent_id"] == "i-1");
    BOOST_TEST(line["job_id"] == 7);
}

BOOST_AUTO_TEST_CASE(time_level_service_and_event_come_first_for_a_reader) {
    setService("api");
    const std::string text = formatEvent(0, "info", "login", {{"a_field", 1}});
    BOOST_TEST(
        text.rfind(
            R"({"ts":"1970-01-01T00:00:00.000Z","level":"info","service":"api","event":"login")",
            0) == 0U);
}

BOOST_AUTO_TEST_CASE(fields_named_like_secrets_are_redacted_even_when_nested) {
    const auto text = formatEvent(0,
                                  "info",
                                  "login",
                                  {{"password", "hunter2"},
                                   {"api_key", "k-123"},
                                   {"nested", {{"apiSecret", "s-456"}, {"Authorization", "x"}}},
                                   {"username", "demo"}});
    BOOST_TEST(text.find("hunter2") == std::string::npos);
    BOOST_TEST(text.find("k-123") == std::string::npos);
    BOOST_TEST(text.find("s-456") == std::string::npos);
    const auto line = nlohmann::json::parse(text);
    BOOST_TEST(line["password"] == "[redacted]");
    BOOST_TEST(line["nested"]["Authorization"] == "[redacted]");
    BOOST_TEST(line["username"] == "demo");
}

BOOST_AUTO_TEST_CASE(a_field_cannot_overwrite_the_fixed_keys) {
    const auto line = nlohmann::json::parse(
        formatEvent(0, "warning", "x", {{"event", "forged"}, {"level", "info"}}));
    BOOST_TEST(line["event"] == "x");
    BOOST_TEST(line["level"] == "warning");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_and_the_line_still_parses) {
    const std::string bad = "caf\xC3";
    const auto line = nlohmann::json::parse(
        formatEvent(0, "error", "exchange_error", {{"error", bad}}), nullptr, false);
    BOOST_TEST(line.is_object());
}

BOOST_AUTO_TEST_CASE(log_event_writes_one_line_to_the_sink) {
    std::ostringstream sink;
    setSink(sink);
    logEvent("info", "started", {{"port", 1}});
    setSink(std::cerr);
    const std::string text = sink.str();
    BOOST_TEST(text.back() == '\n');
    BOOST_TEST(text.find('\n') == text.size() - 1);
    BOOST_TEST(nlohmann::json::parse(text)["port"] == 1);
}

BOOST_AUTO_TEST_SUITE_END()
