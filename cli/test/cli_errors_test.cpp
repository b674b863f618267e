// Every failure ends in a message with the API's detail and code and a documented exit code;
// none crashes or hangs.
#include "api_client.hpp"
#include "cli_test_support.hpp"

#include <boost/test/unit_test.hpp>

namespace robson::cli::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const Runner kStatus = runStatus;
const Runner kStrategies = runStrategies;

Runner execute() {
    return withConsole(runExecute, "", false);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_errors, CliFixture)

BOOST_AUTO_TEST_CASE(not_found_404_exits_7_with_detail_and_code) {
    api.on("GET", statusPath(), apiError(404, "no such intent", "not_found"));
    const auto result = run(kStatus, withApi({kIntentId}));
    BOOST_TEST(result.code == 7);
    BOOST_TEST(contains(result.err, "no such intent (not_found)"));
}

BOOST_AUTO_TEST_CASE(conflict_409_exits_8_with_detail_and_code) {
    const std::string path = std::string("/api/intents/") + kIntentId + "/execute/";
    api.on("POST", path, apiError(409, "the intent was already executed", "already_executed"));
    const auto result = run(execute(), withApi({kIntentId}));
    BOOST_TEST(result.code == 8);
    BOOST_TEST(contains(result.err, "the intent was already executed (already_executed)"));
}

BOOST_AUTO_TEST_CASE(not_validated_400_is_a_state_conflict_exit_8) {
    const std::string path = std::string("/api/intents/") + kIntentId + "/execute/";
    api.on("POST", path, apiError(400, "the intent is PENDING", "not_validated"));
    BOOST_TEST(run(execute(), withApi({kIntentId})).code == 8);
}

BOOST_AUTO_TEST_CASE(cancel_of_an_executed_intent_409_exits_8) {
    const std::string path = std::string("/api/intents/") + kIntentId + "/cancel/";
    api.on("POST", path, apiError(409, "executing intents cannot be cancelled", "not_cancellable"));
    const auto result = run(runCancel, withApi({kIntentId}));
    BOOST_TEST(result.code == 8);
    BOOST_TEST(contains(result.err, "(not_cancellable)"));
}

BOOST_AUTO_TEST_CASE(a_bad_field_400_is_a_usage_error_exit_2) {
    api.on("POST",
           "/api/intents/create/",
           apiError(400, "timeframe: must be one of 1m, 5m, 15m, 1h", "invalid_field"));
    const auto result =
        run(runPlan,
            withApi({"buy", "BTCUSDT", "--strategy", "1", "--capital", "5", "--timeframe", "7m"}));
    BOOST_TEST(result.code == 2);
    BOOST_TEST(contains(result.err, "timeframe: must be one of"));
}

BOOST_AUTO_TEST_CASE(queue_full_503_exits_5_and_prints_the_retry_after_hint) {
    auto busy = apiError(503, "too many plans in flight", "queue_full");
    busy.headers.emplace_back("Retry-After", "7");
    api.on("POST", "/api/intents/create/", busy);
    const auto result =
        run(runPlan, withApi({"buy", "BTCUSDT", "--strategy", "1", "--capital", "5"}));
    BOOST_TEST(result.code == 5);
    BOOST_TEST(contains(result.err, "too many plans in flight (queue_full)"));
    BOOST_TEST(contains(result.err, "retry after 7 s"));
}

BOOST_AUTO_TEST_CASE(an_internal_500_exits_5) {
    api.on("GET", "/api/strategies/", apiError(500, "unexpected", "internal"));
    BOOST_TEST(run(kStrategies, withApi({})).code == 5);
}

BOOST_AUTO_TEST_CASE(an_unreachable_server_exits_5_quickly) {
    const auto started = std::chrono::steady_clock::now();
    const auto result = run(kStrategies, {"--server", "http://127.0.0.1:1", "--token", "t"});
    BOOST_TEST(result.code == 5);
    BOOST_TEST(contains(result.err, "cannot reach the API at http://127.0.0.1:1"));
    BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(2)));
}

BOOST_AUTO_TEST_CASE(a_body_that_is_not_json_exits_5_with_a_message) {
    api.on("GET", "/api/strategies/", {200, "<html>proxy error</html>", {}, {}});
    const auto result = run(kStrategies, withApi({}));
    BOOST_TEST(result.code == 5);
    BOOST_TEST(contains(result.err, "not a JSON object"));
    BOOST_TEST(contains(result.err, "proxy error"));
}

BOOST_AUTO_TEST_CASE(json_of_the_wrong_shape_exits_5_instead_of_crashing) {
    api.on("GET", "/api/strategies/", {200, R"({"results": {"oops": 1}})", {}, {}});
    BOOST_TEST(run(kStrategies, withApi({})).code == 5);
    api.on("GET", statusPath(), {200, R"([1, 2, 3])", {}, {}});
    BOOST_TEST(run(kStatus, withApi({kIntentId})).code == 5);
}

BOOST_AUTO_TEST_CASE(odd_field_types_in_an_intent_print_instead_of_crashing) {
    api.on("GET",
           statusPath(),
           {200,
            R"({"intent_id": 7, "status": "VALIDATED", "strategy": "All In", "quantity": null,
                "validation_result": {"guards": [1, {"name": null}]}, "execution_result": "x"})",
            {},
            {}});
    const auto result = run(kStatus, withApi({kIntentId}));
    BOOST_TEST(result.code == 0, result.err);
    BOOST_TEST(contains(result.out, "Intent 7  VALIDATED"));
}

BOOST_AUTO_TEST_CASE(an_error_page_that_is_not_json_keeps_its_status_mapping) {
    api.on("GET", "/api/strategies/", {502, "Bad Gateway", {}, {}});
    const auto result = run(kStrategies, withApi({}));
    BOOST_TEST(result.code == 5);
    BOOST_TEST(contains(result.err, "HTTP 502 'Bad Gateway'"));
}

BOOST_AUTO_TEST_CASE(json_flag_prints_the_error_body_too) {
    api.on("GET", statusPath(), apiError(404, "no such intent", "not_found"));
    const auto result = run(kStatus, withApi({kIntentId, "--json"}));
    BOOST_TEST(result.code == 7);
    BOOST_TEST(parsed(result.out)["code"] == "not_found");
}

BOOST_AUTO_TEST_CASE(a_server_that_does_not_answer_in_time_is_a_read_timeout_exit_5) {
    api.on("GET", "/api/strategies/", {200, "{}", {}, std::chrono::milliseconds(1500)});
    ApiEndpoint endpoint;
    endpoint.server = api.url();
    endpoint.read_timeout = std::chrono::milliseconds(200);
    ApiClient client(endpoint, {});
    const auto started = std::chrono::steady_clock::now();
    try {
        (void)client.get("/api/strategies/");
        BOOST_FAIL("expected a timeout");
    } catch (const ApiError& error) {
        BOOST_TEST(error.exitCode() == 5);
        BOOST_TEST(contains(error.what(), "cannot reach the API"));
    }
    BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::milliseconds(1200)));
}

BOOST_AUTO_TEST_CASE(a_post_that_times_out_warns_that_it_may_have_been_applied) {
    const std::string path = std::string("/api/intents/") + kIntentId + "/execute/";
    api.on("POST", path, {200, "{}", {}, std::chrono::milliseconds(1500)});
    ApiEndpoint endpoint;
    endpoint.server = api.url();
    endpoint.read_timeout = std::chrono::milliseconds(200);
    ApiClient client(endpoint, {});
    try {
        (void)client.post(path, {{"mode", "DRY_RUN"}});
        BOOST_FAIL("expected a timeout");
    } catch (const ApiError& error) {
        BOOST_TEST(error.exitCode() == 5);
        BOOST_TEST(contains(error.what(), "may have been applied"));
    }
}

BOOST_AUTO_TEST_CASE(an_https_or_garbage_server_url_is_a_usage_error) {
    BOOST_TEST(run(kStrategies, {"--server", "https://robson.example"}).code == 2);
    BOOST_TEST(run(kStrategies, {"--server", "not a url"}).code == 2);
}

BOOST_AUTO_TEST_CASE(status_codes_map_to_the_documented_exit_codes) {
    BOOST_TEST(exitCodeFor(400, "invalid_field") == 2);
    BOOST_TEST(exitCodeFor(400, "risk_not_acknowledged") == 2);
    BOOST_TEST(exitCodeFor(400, "not_validated") == 8);
    BOOST_TEST(exitCodeFor(401, "token_expired") == 6);
    BOOST_TEST(exitCodeFor(404, "strategy_not_found") == 7);
    BOOST_TEST(exitCodeFor(409, "already_executed") == 8);
    BOOST_TEST(exitCodeFor(413, "body_too_large") == 2);
    BOOST_TEST(exitCodeFor(422, "plan_refused") == 4);
    BOOST_TEST(exitCodeFor(503, "unavailable") == 5);
    BOOST_TEST(exitCodeFor(405, "method_not_allowed") == 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace robson::cli::testing
