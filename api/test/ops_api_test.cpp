#include "api_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

using namespace robson::api::test;

BOOST_AUTO_TEST_SUITE(ops_api)

BOOST_AUTO_TEST_CASE(health_and_readiness_answer_while_the_database_is_up) {
    const ApiFixture api;
    const auto health = api.client().get("/healthz");
    BOOST_TEST(health.status == 200);
    BOOST_TEST(health.json == (nlohmann::json{{"status", "ok"}}));
    BOOST_TEST(api.client().get("/readyz").status == 200);
    BOOST_TEST(api.client().request("HEAD", "/healthz").status == 200);
}

BOOST_AUTO_TEST_CASE(the_openapi_document_and_its_docs_page_are_served_without_a_token) {
    const ApiFixture api;
    const auto yaml = api.client().get("/api/openapi.yaml");
    BOOST_TEST(yaml.status == 200);
    BOOST_TEST(yaml.headers.at("Content-Type").starts_with("application/yaml"));
    BOOST_TEST(yaml.body.starts_with("openapi: 3.0"));
    const auto docs = api.client().get("/api/docs/");
    BOOST_TEST(docs.status == 200);
    BOOST_TEST(docs.headers.at("Content-Type").starts_with("text/html"));
    BOOST_TEST(docs.body.find("/api/intents/{id}/execute/") != std::string::npos);
    BOOST_TEST(docs.body.find("http://") == docs.body.find("http://127.0.0.1:8080"));  // no CDN
}

BOOST_AUTO_TEST_CASE(the_web_root_is_served_with_an_index_fallback_and_no_traversal) {
    const auto root =
        std::filesystem::temp_directory_path() / ("robson-api-web-" + std::to_string(::getpid()));
    std::filesystem::create_directories(root / "assets");
    std::ofstream(root / "index.html") << "<!doctype html><p>ui</p>";
    std::ofstream(root / "assets" / "app.css") << "p{}";
    auto config = testConfig();
    config.web_root = root;
    {
        const ApiFixture api(config);
        const auto index = api.client().get("/");
        BOOST_TEST(index.status == 200);
        BOOST_TEST(index.headers.at("Content-Type") == "text/html; charset=utf-8");
        BOOST_TEST(api.client().get("/intents/intent-1/").body == "<!doctype html><p>ui</p>");
        const auto css = api.client().get("/assets/app.css");
        BOOST_TEST(css.headers.at("Content-Type") == "text/css; charset=utf-8");
        BOOST_TEST(api.client().get("/assets/missing.js").status == 404);
        BOOST_TEST(api.client().get("/..%2f..%2fetc%2fpasswd").status == 404);
        BOOST_TEST(api.client().get("/api/unknown/").code() == "not_found");  // never the UI
    }
    std::filesystem::remove_all(root);
}

BOOST_AUTO_TEST_SUITE_END()
