// The broker's figures as Prometheus series.
#include "broker_metrics.hpp"

#include <boost/test/unit_test.hpp>
#include <prometheus/text_serializer.h>

using robson::broker::BrokerCounters;
using robson::broker::BrokerMetrics;
using robson::broker::ServiceStats;

namespace {

std::string render(prometheus::Registry& registry) {
    return prometheus::TextSerializer().Serialize(registry.Collect());
}

bool has(const std::string& text, const std::string& line) {
    return text.find(line + "\n") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(broker_metrics)

BOOST_AUTO_TEST_CASE(every_pipeline_service_is_reported_even_without_workers) {
    prometheus::Registry registry;
    BrokerMetrics metrics(registry);
    metrics.update({}, {});
    const auto text = render(registry);
    BOOST_TEST(has(text, "robson_broker_workers{service=\"execute\",state=\"idle\"} 0"));
    BOOST_TEST(has(text, "robson_broker_queue_depth{service=\"plan\"} 0"));
}

BOOST_AUTO_TEST_CASE(queue_depth_workers_and_event_counts_follow_the_loop) {
    prometheus::Registry registry;
    BrokerMetrics metrics(registry);
    BrokerCounters counters;
    counters.jobs_submitted = 5;
    counters.jobs_dispatched = 3;
    metrics.update(counters, {{"validate", ServiceStats{2, 1, 3}}});
    counters.jobs_submitted = 7;
    metrics.update(counters, {{"validate", ServiceStats{0, 4, 0}}});
    const auto text = render(registry);
    BOOST_TEST(has(text, "robson_broker_queue_depth{service=\"validate\"} 0"));
    BOOST_TEST(has(text, "robson_broker_workers{service=\"validate\",state=\"idle\"} 4"));
    BOOST_TEST(has(text, "robson_broker_events_total{event=\"submitted\"} 7"));
    BOOST_TEST(has(text, "robson_broker_events_total{event=\"dispatched\"} 3"));
}

BOOST_AUTO_TEST_SUITE_END()
