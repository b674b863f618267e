// The API commands against a fake API: what each prints, and exactly what it sends.
#include "cli_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include <csignal>
#include <thread>

namespace robson::cli::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const Runner kStrategies = runStrategies;
const Runner kSymbols = runSymbols;
const Runner kPlan = runPlan;
const Runner kValidate = runValidate;
const Runner kStatus = runStatus;
const Runner kCancel = runCancel;
const Runner kList = runList;

Runner execute(const std::string& input = "", bool interactive = false) {
    return withConsole(runExecute, input, interactive);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_reference_commands, CliFixture)

BOOST_AUTO_TEST_CASE(strategies_prints_each_strategy_as_a_table_row_with_the_bearer_token) {
    api.on("GET", "/api/strategies/", ok(parsed(strategiesBody())));
    const auto result = run(kStrategies, withApi({}));
    BOOST_TEST(result.code == 0);
    BOOST_TEST(contains(result.out, "NAME"));
    BOOST_TEST(contains(result.out, "All In"));
    BOOST_TEST(contains(result.out, "Bounce Back"));
    BOOST_TEST(contains(result.out, "0.5"));
    BOOST_TEST(contains(result.out, "manual (built-in)"));
    const auto requests = api.requestsTo("GET", "/api/strategies/");
    BOOST_REQUIRE(requests.size() == 1U);
    BOOST_TEST(requests[0].authorization == "Bearer tok");
}

BOOST_AUTO_TEST_CASE(symbols_prints_each_symbol_with_its_base_and_quote_asset) {
    api.on("GET", "/api/symbols/", ok(parsed(symbolsBody())));
    const auto result = run(kSymbols, withApi({}));
    BOOST_TEST(result.code == 0);
    BOOST_TEST(contains(result.out, "ETHUSDT  ETH   USDT"));
}

BOOST_AUTO_TEST_CASE(json_flag_prints_the_api_body_unchanged_for_scripts) {
    api.on("GET", "/api/strategies/", ok(parsed(strategiesBody())));
    const auto result = run(kStrategies, withApi({"--json"}));
    BOOST_TEST(result.code == 0);
    BOOST_TEST(parsed(result.out) == parsed(strategiesBody()));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(cli_plan_command, CliFixture)

BOOST_AUTO_TEST_CASE(plan_resolves_the_strategy_name_and_sends_capital_as_a_string) {
    api.on("GET", "/api/strategies/", ok(parsed(strategiesBody())));
    api.on("POST", "/api/intents/create/", ok(intent("PENDING"), 201));
    const auto result = run(kPlan,
                            withApi({"buy",
                                     "btcusdt",
                                     "--strategy",
                                     "bounce back",
                                     "--capital",
                                     "100.00",
                                     "--timeframe",
                                     "15m",
                                     "--note",
                                     "first try"}));
    BOOST_TEST(result.code == 0, result.err);
    const auto posts = api.requestsTo("POST", "/api/intents/create/");
    BOOST_REQUIRE(posts.size() == 1U);
    BOOST_TEST(posts[0].authorization == "Bearer tok");
    BOOST_TEST(posts[0].content_type == "application/json");
    const auto body = parsed(posts[0].body);
    BOOST_TEST(body["capital"].is_string());
    BOOST_TEST(body["capital"] == "100.00");
    BOOST_TEST(body["strategy_id"] == 4);
    BOOST_TEST(body["symbol"] == "BTCUSDT");
    BOOST_TEST(body["side"] == "BUY");
    BOOST_TEST(body["timeframe"] == "15m");
    BOOST_TEST(body["metadata"]["note"] == "first try");
    BOOST_TEST(body.size() == 6U);  // no field the contract does not know
    for (const char* shown : {kIntentId,
                              "PENDING",
                              "0.00051700",
                              "95432.10000000",
                              "93500.00000000",
                              "1.00000000 (1.0 % of capital)",
                              "robson validate"}) {
        BOOST_TEST(contains(result.out, shown), shown);
    }
}

BOOST_AUTO_TEST_CASE(plan_with_a_numeric_strategy_sends_it_as_the_id_without_a_lookup) {
    api.on("POST", "/api/intents/create/", ok(intent("PENDING"), 201));
    const auto result =
        run(kPlan, withApi({"sell", "ETHUSDT", "--strategy", "1", "--capital", "250"}));
    BOOST_TEST(result.code == 0, result.err);
    BOOST_REQUIRE(api.requests().size() == 1U);
    const auto body = parsed(api.requests()[0].body);
    BOOST_TEST(body["strategy_id"] == 1);
    BOOST_TEST(body["side"] == "SELL");
    BOOST_TEST(body["capital"] == "250");
    BOOST_TEST(!body.contains("timeframe"));
    BOOST_TEST(!body.contains("metadata"));
}

BOOST_AUTO_TEST_CASE(plan_with_an_unknown_strategy_name_exits_7_and_creates_nothing) {
    api.on("GET", "/api/strategies/", ok(parsed(strategiesBody())));
    const auto result =
        run(kPlan, withApi({"buy", "BTCUSDT", "--strategy", "Moon Shot", "--capital", "100"}));
    BOOST_TEST(result.code == 7);
    BOOST_TEST(contains(result.err, "no strategy named 'Moon Shot'"));
    BOOST_TEST(contains(result.err, "All In, Bounce Back"));
    BOOST_TEST(api.requestsTo("POST", "/api/intents/create/").empty());
}

BOOST_AUTO_TEST_CASE(plan_refuses_a_capital_that_is_not_a_positive_exact_decimal_locally) {
    for (const char* capital : {"-5", "0", "1e3", "abc", "0.123456789", "1000000000.01", ""}) {
        const auto result =
            run(kPlan, withApi({"buy", "BTCUSDT", "--strategy", "1", "--capital", capital}));
        BOOST_TEST(result.code == 2, capital);
        BOOST_TEST(contains(result.err, "capital"), capital);
    }
    BOOST_TEST(api.requests().empty());
}

BOOST_AUTO_TEST_CASE(plan_needs_a_side_a_symbol_and_a_strategy) {
    BOOST_TEST(run(kPlan, withApi({"hold", "BTCUSDT", "--strategy", "1", "--capital", "1"})).code ==
               2);
    BOOST_TEST(run(kPlan, withApi({"buy", "--strategy", "1", "--capital", "1"})).code == 2);
    BOOST_TEST(run(kPlan, withApi({"buy", "BTC/USDT", "--strategy", "1", "--capital", "1"})).code ==
               2);
    BOOST_TEST(run(kPlan, withApi({"buy", "BTCUSDT", "--capital", "1"})).code == 2);
    BOOST_TEST(api.requests().empty());
}

BOOST_AUTO_TEST_CASE(plan_answered_202_says_it_is_still_planning_and_how_to_watch_it) {
    api.on("POST", "/api/intents/create/", ok(intent("PLANNING"), 202));
    const auto result =
        run(kPlan, withApi({"buy", "BTCUSDT", "--strategy", "1", "--capital", "100"}));
    BOOST_TEST(result.code == 0);
    BOOST_TEST(contains(result.out, "Still planning"));
    BOOST_TEST(contains(result.out, std::string("robson status ") + kIntentId + " --watch"));
}

BOOST_AUTO_TEST_CASE(plan_refused_422_prints_the_reason_and_exits_4) {
    api.on("POST",
           "/api/intents/create/",
           ok({{"detail", "no valid stop: no support below the entry"},
               {"code", "plan_refused"},
               {"intent_id", kIntentId}},
              422));
    const auto result =
        run(kPlan, withApi({"buy", "BTCUSDT", "--strategy", "1", "--capital", "100"}));
    BOOST_TEST(result.code == 4);
    BOOST_TEST(contains(result.out, "no valid stop: no support below the entry"));
    BOOST_TEST(contains(result.out, "plan_refused"));
    BOOST_TEST(contains(result.out, kIntentId));
}

BOOST_AUTO_TEST_CASE(plan_already_rejected_by_the_guards_exits_4_and_shows_them) {
    api.on("POST", "/api/intents/create/", ok(intent("REJECTED"), 201));
    const auto result =
        run(kPlan, withApi({"buy", "BTCUSDT", "--strategy", "1", "--capital", "100"}));
    BOOST_TEST(result.code == 4);
    BOOST_TEST(contains(result.out, "FAIL"));
    BOOST_TEST(contains(result.out, "order value below the minimum"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(cli_validate_command, CliFixture)

BOOST_AUTO_TEST_CASE(validate_polls_until_validated_and_prints_every_guard) {
    api.on("GET", statusPath(), ok(intent("PENDING")));
    api.on("GET", statusPath(), ok(intent("VALIDATED")));
    const auto result = run(kValidate, withApi({kIntentId}));
    BOOST_TEST(result.code == 0, result.err);
    BOOST_TEST(api.requestsTo("GET", statusPath()).size() == 2U);
    BOOST_TEST(contains(result.out, "Guards: PASS"));
    BOOST_TEST(contains(result.out, "PASS     risk_budget    loss at stop 1.00 <= 1 %"));
    BOOST_TEST(contains(result.out, "WARNING  stop_distance  stop 2.02 % away"));
    BOOST_TEST(contains(result.out, "robson execute"));
}

BOOST_AUTO_TEST_CASE(validate_of_a_rejected_intent_exits_4_with_the_failed_guard) {
    api.on("GET", statusPath(), ok(intent("REJECTED")));
    const auto result = run(kValidate, withApi({kIntentId}));
    BOOST_TEST(result.code == 4);
    BOOST_TEST(contains(result.out, "FAIL     min_notional"));
    BOOST_TEST(contains(result.out, "guard min_notional failed"));
}

BOOST_AUTO_TEST_CASE(validate_gives_up_after_its_timeout_with_exit_5) {
    api.on("GET", statusPath(), ok(intent("PENDING")));
    const auto started = std::chrono::steady_clock::now();
    const auto result = run(kValidate, withApi({kIntentId, "--timeout", "1"}));
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_TEST(result.code == 5);
    BOOST_TEST(contains(result.err, "still PENDING after 1 s"));
    BOOST_TEST(api.requestsTo("GET", statusPath()).size() >= 2U);
    BOOST_TEST((took < std::chrono::seconds(3)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(cli_execute_command, CliFixture)

BOOST_AUTO_TEST_CASE(execute_is_a_dry_run_by_default_and_prints_orders_and_audit_trail) {
    const std::string path = std::string("/api/intents/") + kIntentId + "/execute/";
    api.on("POST", path, ok(executed("DRY_RUN", "EXECUTED")));
    const auto result = run(execute(), withApi({kIntentId}));
    BOOST_TEST(result.code == 0, result.err);
    const auto posts = api.requestsTo("POST", path);
    BOOST_REQUIRE(posts.size() == 1U);
    BOOST_TEST(parsed(posts[0].body) ==
               (nlohmann::json{{"mode", "DRY_RUN"}, {"acknowledge_risk", false}}));
    for (const char* shown : {"DRY-RUN: nothing was sent",
                              "ENTRY      BUY   MARKET",
                              "STOP_LOSS  SELL  STOP_LOSS_LIMIT  0.00051700  93406.50000000",
                              "SIMULATED",
                              "SPOT_BUY          amount=49.35  asset=USDT",
                              "STOP_LOSS_PLACED  stop_price=93500.00"}) {
        BOOST_TEST(contains(result.out, shown), shown);
    }
}

BOOST_AUTO_TEST_CASE(live_without_acknowledge_risk_is_refused_locally_and_nothing_is_sent) {
    const auto live_only = run(execute(), withApi({kIntentId, "--live"}));
    BOOST_TEST(live_only.code == 2);
    BOOST_TEST(contains(live_only.err, "--live sends real orders and needs --acknowledge-risk"));
    const auto ack_only = run(execute(), withApi({kIntentId, "--acknowledge-risk"}));
    BOOST_TEST(ack_only.code == 2);
    BOOST_TEST(contains(ack_only.err, "nothing was sent"));
    BOOST_TEST(api.requests().empty());
}

BOOST_AUTO_TEST_CASE(live_shows_quantity_entry_stop_and_max_loss_before_sending_live) {
    const std::string path = std::string("/api/intents/") + kIntentId + "/execute/";
    api.on("GET", statusPath(), ok(intent("VALIDATED")));
    api.on("POST", path, ok(executed("LIVE", "EXECUTED")));
    const auto result = run(execute(), withApi({kIntentId, "--live", "--acknowledge-risk"}));
    BOOST_TEST(result.code == 0, result.err);
    const auto preview = result.out.substr(0, result.out.find("Intent "));
    for (const char* shown : {"LIVE execution",
                              "BUY 0.00051700 BTCUSDT",
                              "95432.10000000",
                              "Stop-loss at 93500.00000000",
                              "Max loss if the stop is hit: 1.00000000"}) {
        BOOST_TEST(contains(preview, shown), shown);
    }
    BOOST_TEST(!contains(result.out, "DRY-RUN"));
    BOOST_TEST(contains(result.out, "12345679"));
    BOOST_TEST(contains(result.out, "FILLED"));
    const auto posts = api.requestsTo("POST", path);
    BOOST_REQUIRE(posts.size() == 1U);
    BOOST_TEST(parsed(posts[0].body) ==
               (nlohmann::json{{"mode", "LIVE"}, {"acknowledge_risk", true}}));
}

BOOST_AUTO_TEST_CASE(live_on_a_terminal_sends_only_after_the_person_types_yes) {
    const std::string path = std::string("/api/intents/") + kIntentId + "/execute/";
    api.on("GET", statusPath(), ok(intent("VALIDATED")));
    api.on("POST", path, ok(executed("LIVE", "EXECUTED")));
    const auto declined =
        run(execute("no\n", true), withApi({kIntentId, "--live", "--acknowledge-risk"}));
    BOOST_TEST(declined.code == 4);
    BOOST_TEST(contains(declined.err, "Type yes"));
    BOOST_TEST(contains(declined.err, "Nothing was sent"));
    BOOST_TEST(api.requestsTo("POST", path).empty());

    const auto accepted =
        run(execute("yes\n", true), withApi({kIntentId, "--live", "--acknowledge-risk"}));
    BOOST_TEST(accepted.code == 0, accepted.err);
    BOOST_TEST(api.requestsTo("POST", path).size() == 1U);

    const auto skipped =
        run(execute("", true), withApi({kIntentId, "--live", "--acknowledge-risk", "--yes"}));
    BOOST_TEST(skipped.code == 0, skipped.err);
    BOOST_TEST(!contains(skipped.err, "Type yes"));
    BOOST_TEST(api.requestsTo("POST", path).size() == 2U);
}

BOOST_AUTO_TEST_CASE(live_of_an_intent_that_is_not_validated_is_not_sent_and_exits_8) {
    api.on("GET", statusPath(), ok(intent("PENDING")));
    const auto result = run(execute(), withApi({kIntentId, "--live", "--acknowledge-risk"}));
    BOOST_TEST(result.code == 8);
    BOOST_TEST(contains(result.err, "only a VALIDATED intent can be executed"));
    BOOST_TEST(api.requests().size() == 1U);  // the status read, no execute
}

BOOST_AUTO_TEST_CASE(execution_that_failed_exits_4_and_prints_the_error) {
    const std::string path = std::string("/api/intents/") + kIntentId + "/execute/";
    api.on("POST", path, ok(executed("DRY_RUN", "FAILED")));
    const auto result = run(execute(), withApi({kIntentId}));
    BOOST_TEST(result.code == 4);
    BOOST_TEST(contains(result.out, "insufficient balance"));
}

BOOST_AUTO_TEST_CASE(execute_answered_202_says_it_is_still_executing) {
    const std::string path = std::string("/api/intents/") + kIntentId + "/execute/";
    api.on("POST",
           path,
           ok({{"intent_id", kIntentId}, {"status", "EXECUTING"}, {"execution_result", nullptr}},
              202));
    const auto result = run(execute(), withApi({kIntentId}));
    BOOST_TEST(result.code == 0);
    BOOST_TEST(contains(result.out, "Still executing"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(cli_intent_commands, CliFixture)

BOOST_AUTO_TEST_CASE(status_prints_the_plan_the_guards_and_the_execution) {
    auto body = intent("EXECUTED");
    body["execution_result"] = executed("DRY_RUN", "EXECUTED")["execution_result"];
    api.on("GET", statusPath(), ok(body));
    const auto result = run(kStatus, withApi({kIntentId}));
    BOOST_TEST(result.code == 0, result.err);
    for (const char* shown : {"EXECUTED",
                              "All In (id 1)",
                              "SUPPORT_LEVEL",
                              "limited_by",
                              "WARNING",
                              "STOP_LOSS_LIMIT",
                              "SPOT_BUY"}) {
        BOOST_TEST(contains(result.out, shown), shown);
    }
}

BOOST_AUTO_TEST_CASE(status_watch_prints_each_change_with_a_timestamp_until_terminal) {
    api.on("GET", statusPath(), ok(intent("VALIDATED")));
    api.on("GET", statusPath(), ok(intent("VALIDATED")));
    api.on("GET", statusPath(), ok(intent("CANCELLED")));
    const auto result = run(kStatus, withApi({kIntentId, "--watch"}));
    BOOST_TEST(result.code == 0, result.err);
    std::istringstream lines(result.out);
    std::vector<std::string> printed;
    for (std::string line; std::getline(lines, line);) {
        printed.push_back(line);
    }
    BOOST_REQUIRE(printed.size() == 2U);  // one line per change, not per poll
    BOOST_TEST(contains(printed[0], std::string("Z  ") + kIntentId + "  VALIDATED"));
    BOOST_TEST(contains(printed[1], "CANCELLED"));
    BOOST_TEST(printed[0].substr(0, 2) == "20");
    BOOST_TEST(api.requestsTo("GET", statusPath()).size() == 3U);
}

BOOST_AUTO_TEST_CASE(status_watch_stops_on_ctrl_c_with_exit_130) {
    api.on("GET", statusPath(), ok(intent("VALIDATED")));
    std::thread interrupter([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        static_cast<void>(std::raise(SIGINT));
    });
    const auto result = run(kStatus, withApi({kIntentId, "--watch"}));
    interrupter.join();
    BOOST_TEST(result.code == 130);
    BOOST_TEST(contains(result.err, "stopped watching"));
}

BOOST_AUTO_TEST_CASE(cancel_posts_to_the_cancel_endpoint_and_prints_the_result) {
    const std::string path = std::string("/api/intents/") + kIntentId + "/cancel/";
    api.on("POST",
           path,
           ok({{"intent_id", kIntentId},
               {"status", "CANCELLED"},
               {"cancelled_at", "2026-01-01T10:01:00Z"}}));
    const auto result = run(kCancel, withApi({kIntentId}));
    BOOST_TEST(result.code == 0);
    BOOST_TEST(contains(result.out, "CANCELLED at 2026-01-01T10:01:00Z"));
    BOOST_TEST(api.requestsTo("POST", path).size() == 1U);
}

BOOST_AUTO_TEST_CASE(list_sends_its_filters_as_the_query_and_prints_one_row_per_intent) {
    const std::string target = "/api/intents/?status=VALIDATED&symbol=BTCUSDT&page=2&page_size=5";
    nlohmann::json page = {
        {"count", 6}, {"page", 2}, {"page_size", 5}, {"results", nlohmann::json::array()}};
    auto row = intent("VALIDATED");
    row.erase("plan");
    row.erase("validation_result");
    row.erase("execution_result");
    page["results"].push_back(row);
    api.on("GET", target, ok(page));
    const auto result = run(
        kList,
        withApi(
            {"--status", "validated", "--symbol", "btcusdt", "--page", "2", "--page-size", "5"}));
    BOOST_TEST(result.code == 0, result.err);
    BOOST_TEST(api.requestsTo("GET", target).size() == 1U);
    BOOST_TEST(contains(result.out, std::string(kIntentId) + "  VALIDATED  BTCUSDT  BUY"));
    BOOST_TEST(contains(result.out, "6 intent(s) in all"));
}

BOOST_AUTO_TEST_CASE(list_refuses_an_unknown_status_or_page_size_locally) {
    BOOST_TEST(run(kList, withApi({"--status", "DONE"})).code == 2);
    BOOST_TEST(run(kList, withApi({"--page-size", "101"})).code == 2);
    BOOST_TEST(run(kList, withApi({"--page", "0"})).code == 2);
    BOOST_TEST(api.requests().empty());
}

BOOST_AUTO_TEST_CASE(an_intent_id_that_could_change_the_path_is_refused_locally) {
    BOOST_TEST(run(kStatus, withApi({"../strategies"})).code == 2);
    BOOST_TEST(run(kCancel, withApi({"a?b=c"})).code == 2);
    BOOST_TEST(run(kStatus, withApi({})).code == 2);
    BOOST_TEST(api.requests().empty());
}

BOOST_AUTO_TEST_CASE(help_on_every_command_prints_its_usage_and_sends_nothing) {
    const std::vector<std::pair<std::string, Runner>> commands = {
        {"login", withConsole(runLogin, "", false)},
        {"strategies", kStrategies},
        {"symbols", kSymbols},
        {"plan", kPlan},
        {"validate", kValidate},
        {"execute", execute()},
        {"status", kStatus},
        {"cancel", kCancel},
        {"list", kList}};
    for (const auto& [name, runner] : commands) {
        const auto result = run(runner, withApi({"--help"}));
        BOOST_TEST(result.code == 0, name);
        BOOST_TEST(result.out.starts_with("usage: robson " + name), name);
        BOOST_TEST(run(runner, {"-h"}).code == 0, name);
    }
    BOOST_TEST(api.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace robson::cli::testing
