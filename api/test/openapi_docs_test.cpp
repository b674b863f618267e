#include "openapi_docs.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <iterator>
#include <set>

BOOST_AUTO_TEST_SUITE(openapi_docs)

BOOST_AUTO_TEST_CASE(the_shipped_document_lists_every_route_of_the_contract) {
    std::ifstream in(std::string(ROBSON_SOURCE_DIR) + "/api/openapi.yaml");
    const std::string yaml{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::set<std::string> listed;
    for (const auto& operation : robson::api::listOperations(yaml)) {
        listed.insert(operation.method + " " + operation.path);
        BOOST_TEST(!operation.summary.empty(), operation.path);
    }
    const std::set<std::string> expected{"POST /api/auth/token/",
                                         "POST /api/auth/token/refresh/",
                                         "GET /api/strategies/",
                                         "GET /api/symbols/",
                                         "GET /api/candles/",
                                         "POST /api/intents/create/",
                                         "GET /api/intents/",
                                         "GET /api/intents/{id}/status/",
                                         "POST /api/intents/{id}/execute/",
                                         "POST /api/intents/{id}/cancel/",
                                         "GET /api/intents/{id}/audit/",
                                         "GET /api/intents/{id}/events/",
                                         "GET /api/intents/pending-confirmation/",
                                         "GET /api/patterns/catalog/",
                                         "GET /api/patterns/",
                                         "GET /api/patterns/{id}/",
                                         "GET /api/pattern-configs/",
                                         "POST /api/pattern-configs/",
                                         "GET /api/pattern-configs/{id}/",
                                         "PATCH /api/pattern-configs/{id}/",
                                         "DELETE /api/pattern-configs/{id}/",
                                         "GET /api/autotrigger/",
                                         "PUT /api/autotrigger/",
                                         "GET /api/autotrigger/decisions/",
                                         "POST /api/scans/",
                                         "GET /api/scans/{id}/",
                                         "GET /healthz",
                                         "GET /readyz",
                                         "GET /api/openapi.yaml",
                                         "GET /api/docs/"};
    BOOST_TEST(listed == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_page_escapes_what_it_shows) {
    const std::string page = robson::api::renderDocsPage(
        "paths:\n  /x:\n    get:\n      summary: <script>alert(1)</script>\n");
    BOOST_TEST(page.find("<script>") == std::string::npos);
    BOOST_TEST(page.find("&lt;script&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
