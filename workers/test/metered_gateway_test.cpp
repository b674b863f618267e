// Every exchange call the workers make is timed by endpoint, and each failure is counted by
// endpoint and typed reason — for calls that throw and for placements that answer an error.
#include "metered_gateway.hpp"

#include "fake_gateway.hpp"
#include "pipeline_metrics.hpp"

#include <boost/test/unit_test.hpp>
#include <prometheus/text_serializer.h>

using namespace robson;
using robson::exchange::testing::FakeGateway;

namespace {

/// The registry as /metrics would serve it.
std::string exposition(prometheus::Registry& registry) {
    return prometheus::TextSerializer().Serialize(registry.Collect());
}

/// Installs a PipelineMetrics for one test and removes it afterwards.
struct Installed {
    Installed() : metrics(registry) { workers::installPipelineMetrics(&metrics); }
    ~Installed() { workers::installPipelineMetrics(nullptr); }
    Installed(const Installed&) = delete;
    Installed& operator=(const Installed&) = delete;
    Installed(Installed&&) = delete;
    Installed& operator=(Installed&&) = delete;

    prometheus::Registry registry;
    workers::PipelineMetrics metrics;
};

bool contains(const std::string& text, const std::string& line) {
    return text.find(line) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(metered_gateway)

BOOST_AUTO_TEST_CASE(every_label_combination_exists_at_zero_before_any_call) {
    Installed installed;
    const std::string text = exposition(installed.registry);
    BOOST_TEST(contains(
        text, R"(robson_exchange_errors_total{endpoint="place_order",reason="unknown_status"} 0)"));
    BOOST_TEST(
        contains(text, R"(robson_exchange_request_duration_seconds_count{endpoint="trades"} 0)"));
    BOOST_TEST(contains(text, R"(robson_orders_total{leg="stop",mode="live",result="refused"} 0)"));
    BOOST_TEST(contains(text, R"(robson_intents_created_total{source="api"} 0)"));
    BOOST_TEST(contains(text, R"(robson_exchange_reconciliations_total{result="not_found"} 0)"));
}

BOOST_AUTO_TEST_CASE(a_successful_call_is_timed_under_its_endpoint) {
    Installed installed;
    FakeGateway fake;
    workers::MeteredGateway gateway(fake);
    static_cast<void>(gateway.symbolRules("BTCUSDT"));
    static_cast<void>(gateway.symbolRules("ETHUSDT"));
    const std::string text = exposition(installed.registry);
    BOOST_TEST(contains(
        text, R"(robson_exchange_request_duration_seconds_count{endpoint="symbol_rules"} 2)"));
    BOOST_TEST(contains(
        text, R"(robson_exchange_errors_total{endpoint="symbol_rules",reason="network"} 0)"));
}

BOOST_AUTO_TEST_CASE(a_thrown_exchange_error_is_counted_by_reason_and_rethrown) {
    Installed installed;
    FakeGateway fake;
    exchange::ExchangeError error;
    error.kind = exchange::ExchangeErrorKind::RateLimited;
    fake.query_answers.emplace_back(error);
    workers::MeteredGateway gateway(fake);
    BOOST_CHECK_THROW(static_cast<void>(gateway.queryOrder("BTCUSDT", "x")),
                      exchange::ExchangeException);
    const std::string text = exposition(installed.registry);
    BOOST_TEST(contains(
        text, R"(robson_exchange_errors_total{endpoint="query_order",reason="rate_limited"} 1)"));
    BOOST_TEST(contains(
        text, R"(robson_exchange_request_duration_seconds_count{endpoint="query_order"} 1)"));
}

BOOST_AUTO_TEST_CASE(a_placement_answered_with_an_error_is_counted_without_a_throw) {
    Installed installed;
    FakeGateway fake;
    exchange::ExchangeError error;
    error.kind = exchange::ExchangeErrorKind::InsufficientBalance;
    fake.place_answers.push_back(exchange::PlaceResult{exchange::Rejected{error}});
    workers::MeteredGateway gateway(fake);
    const auto result = gateway.placeOrder(domain::PlannedOrder{});
    BOOST_TEST(result.rejected());
    BOOST_TEST(contains(
        exposition(installed.registry),
        R"(robson_exchange_errors_total{endpoint="place_order",reason="insufficient_balance"} 1)"));
}

BOOST_AUTO_TEST_CASE(without_installed_metrics_calls_pass_through) {
    FakeGateway fake;
    workers::MeteredGateway gateway(fake);
    BOOST_TEST(gateway.symbolRules("BTCUSDT").symbol == "BTCUSDT");
}

BOOST_AUTO_TEST_CASE(error_reasons_are_snake_case) {
    BOOST_TEST(workers::errorReason(exchange::ExchangeErrorKind::FilterFailure) ==
               "filter_failure");
    BOOST_TEST(workers::errorReason(exchange::ExchangeErrorKind::Auth) == "auth");
}

BOOST_AUTO_TEST_SUITE_END()
