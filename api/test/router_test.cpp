#include "router.hpp"

#include "http_errors.hpp"

#include <boost/test/unit_test.hpp>

using robson::api::ApiError;
using robson::api::PathParams;
using robson::api::Request;
using robson::api::Response;
using robson::api::Router;

namespace {

Router sampleRouter() {
    Router router;
    router.add("GET", "/api/intents/{id}/status/", [](const Request&, const PathParams& params) {
        Response response;
        response.body = params.at("id");
        return response;
    });
    router.add("POST", "/api/intents/create/", [](const Request&, const PathParams&) {
        Response response;
        response.body = "created";
        return response;
    });
    return router;
}

Request request(std::string method, std::string path) {
    Request out;
    out.method = std::move(method);
    out.path = std::move(path);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(templates_capture_decoded_segments_with_or_without_trailing_slash) {
    const Router router = sampleRouter();
    BOOST_TEST(router.dispatch(request("GET", "/api/intents/abc/status/")).body == "abc");
    BOOST_TEST(router.dispatch(request("GET", "/api/intents/abc/status")).body == "abc");
    BOOST_TEST(router.dispatch(request("GET", "/api/intents/a%2Db/status/")).body == "a-b");
}

BOOST_AUTO_TEST_CASE(a_known_path_with_another_method_is_405_with_allow) {
    const Router router = sampleRouter();
    try {
        (void)router.dispatch(request("DELETE", "/api/intents/create/"));
        BOOST_FAIL("dispatched");
    } catch (const ApiError& error) {
        BOOST_TEST(error.status() == 405);
        BOOST_TEST(error.code() == "method_not_allowed");
        const auto response = error.toResponse();
        BOOST_REQUIRE(response.headers.size() == 1U);
        BOOST_TEST(response.headers[0].second == "POST");
    }
}

BOOST_AUTO_TEST_CASE(unknown_paths_are_404_unless_a_fallback_serves_reads) {
    Router router = sampleRouter();
    for (const std::string path : {"/api/intents/a/b/status/", "/api//status/", "/nope", "/"}) {
        BOOST_CHECK_THROW((void)router.dispatch(request("GET", path)), ApiError);
    }
    router.setFallback([](const Request&, const PathParams&) {
        Response response;
        response.body = "ui";
        return response;
    });
    BOOST_TEST(router.dispatch(request("GET", "/intents/x")).body == "ui");
    BOOST_CHECK_THROW((void)router.dispatch(request("POST", "/intents/x")), ApiError);
}

BOOST_AUTO_TEST_SUITE_END()
