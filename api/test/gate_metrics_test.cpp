// The connection gate's own answers are counted by exact status, in a bounded set of series.
#include "gate_metrics.hpp"

#include <boost/test/unit_test.hpp>
#include <prometheus/text_serializer.h>

using robson::api::GateMetrics;

BOOST_AUTO_TEST_SUITE(gate_metrics)

BOOST_AUTO_TEST_CASE(every_status_the_gate_gives_exists_at_zero) {
    prometheus::Registry registry;
    const GateMetrics metrics(registry);
    const std::string text = prometheus::TextSerializer().Serialize(registry.Collect());
    for (const auto code : GateMetrics::kCodes) {
        BOOST_TEST(text.find(R"(robson_http_gate_answers_total{code=")" + std::string(code) +
                             R"("} 0)") != std::string::npos,
                   code);
        BOOST_TEST(metrics.count(code) == 0);
    }
}

BOOST_AUTO_TEST_CASE(an_answer_counts_under_its_exact_status_and_a_stray_one_under_other) {
    prometheus::Registry registry;
    GateMetrics metrics(registry);
    metrics.answered(503);
    metrics.answered(503);
    metrics.answered(408);
    metrics.answered(299);
    BOOST_TEST(metrics.count("503") == 2);
    BOOST_TEST(metrics.count("408") == 1);
    BOOST_TEST(metrics.count("413") == 0);
    BOOST_TEST(metrics.count("other") == 1);
    const std::string text = prometheus::TextSerializer().Serialize(registry.Collect());
    BOOST_TEST(text.find("299") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
