// The API's request metrics use the route's template, never the raw path, and stay bounded:
// unknown methods fold into OTHER, statuses into classes, and every known series exists at 0.
#include "http_metrics.hpp"

#include "http_errors.hpp"
#include "router.hpp"

#include <boost/test/unit_test.hpp>
#include <prometheus/text_serializer.h>

using robson::api::HttpMetrics;
using robson::api::PathParams;
using robson::api::Request;
using robson::api::Response;
using robson::api::Router;

namespace {

Router intentRouter() {
    Router router;
    router.add(
        "GET", "/api/intents/{id}/", [](const Request&, const PathParams&) { return Response{}; });
    return router;
}

Request get(std::string path) {
    Request request;
    request.method = "GET";
    request.path = std::move(path);
    return request;
}

std::string exposition(prometheus::Registry& registry) {
    return prometheus::TextSerializer().Serialize(registry.Collect());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(http_metrics)

BOOST_AUTO_TEST_CASE(the_router_names_the_template_a_request_matched) {
    const Router router = intentRouter();
    std::string route;
    static_cast<void>(router.dispatch(get("/api/intents/intent-42/"), &route));
    BOOST_TEST(route == "/api/intents/{id}/");
    BOOST_CHECK_THROW(static_cast<void>(router.dispatch(get("/nowhere"), &route)),
                      robson::api::ApiError);
    BOOST_TEST(route == "unmatched");
}

BOOST_AUTO_TEST_CASE(every_known_route_method_and_class_exists_at_zero) {
    prometheus::Registry registry;
    const HttpMetrics metrics(registry, intentRouter().routes());
    const std::string text = exposition(registry);
    for (const char* code : {"2xx", "3xx", "4xx", "5xx"}) {
        BOOST_TEST(text.find(std::string(R"(robson_http_requests_total{code=")") + code +
                             R"(",method="GET",route="/api/intents/{id}/"} 0)") !=
                   std::string::npos);
    }
    BOOST_TEST(text.find(R"(robson_http_request_duration_seconds_count{route="static"} 0)") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_request_counts_under_its_template_method_and_status_class) {
    prometheus::Registry registry;
    HttpMetrics metrics(registry, intentRouter().routes());
    metrics.observe("/api/intents/{id}/", "GET", 404, 0.002);
    metrics.observe("/api/intents/{id}/", "GET", 200, 0.001);
    metrics.observe("/api/intents/{id}/", "GET", 201, 0.001);
    BOOST_TEST(metrics.count("/api/intents/{id}/", "GET", "2xx") == 2);
    BOOST_TEST(metrics.count("/api/intents/{id}/", "GET", "4xx") == 1);
    BOOST_TEST(exposition(registry).find("intent-42") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(labels_stay_bounded_whatever_the_client_sends) {
    BOOST_TEST(HttpMetrics::methodLabel("BREW") == "OTHER");
    BOOST_TEST(HttpMetrics::methodLabel("DELETE") == "DELETE");
    BOOST_TEST(HttpMetrics::codeClass(503) == "5xx");
    BOOST_TEST(HttpMetrics::codeClass(302) == "3xx");
    BOOST_TEST(HttpMetrics::codeClass(999) == "5xx");
}

BOOST_AUTO_TEST_SUITE_END()
