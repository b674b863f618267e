// The scanner's commands (scan, patterns, pattern-configs, autotrigger) against a fake API:
// what each sends, what it prints and how it exits.
#include "cli_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include <csignal>
#include <thread>

namespace robson::cli::testing {
namespace {

using nlohmann::json;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const Runner kScan = runScan;
const Runner kPatterns = runPatterns;
const Runner kPatternConfigs = runPatternConfigs;
const Runner kAutotrigger = runAutotrigger;

json pattern(std::int64_t id, const std::string& symbol, const std::string& state) {
    return {{"id", id},
            {"pattern", "HAMMER"},
            {"direction", "BUY"},
            {"symbol", symbol},
            {"timeframe", "15m"},
            {"trigger_open_time", "2026-12-04T10:15:00Z"},
            {"trigger_candle",
             {{"open", "98"}, {"high", "100.5"}, {"low", "90"}, {"close", "100"}, {"volume", "3"}}},
            {"confidence", "0.85"},
            {"confirmation_level", "100.5"},
            {"invalidation_level", "90"},
            {"state", state},
            {"explanation", "hammer"},
            {"detected_at", "2026-12-04T10:30:02Z"},
            {"confirmed_at", nullptr},
            {"decided_at", nullptr},
            {"intents", json::array({{{"id", "intent-aa"}, {"status", "VALIDATED"}}})}};
}

json page(const json& results, int count) {
    return {{"count", count}, {"page", 1}, {"page_size", 10}, {"results", results}};
}

json scan(std::int64_t id, const std::string& symbol, const std::string& state) {
    return {{"id", id},
            {"symbol", symbol},
            {"timeframe", "15m"},
            {"state", state},
            {"candles_scanned", state == "done" ? 260 : 0},
            {"detections", state == "done" ? 3 : 0},
            {"new_patterns", state == "done" ? 1 : 0},
            {"error", state == "failed" ? json("exchange unreachable: timeout") : json()},
            {"created_at", "2026-12-04T10:30:00Z"},
            {"finished_at", nullptr}};
}

json settings(bool enabled) {
    return {{"enabled", enabled},
            {"daily_cap", 10},
            {"cooldown_minutes", 60},
            {"auto_executions_today", 3},
            {"updated_at", "2026-12-04T10:00:00Z"},
            {"updated_by", "user:alice"}};
}

const std::string kBtcPatterns = "/api/patterns/?symbol=BTCUSDT&timeframe=15m&page_size=10";
const std::string kEthPatterns = "/api/patterns/?symbol=ETHUSDT&timeframe=15m&page_size=10";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_scan_command, CliFixture)

BOOST_AUTO_TEST_CASE(scan_posts_the_symbols_follows_each_scan_then_lists_the_patterns) {
    api.on("POST",
           "/api/scans/",
           ok({{"results", {scan(41, "BTCUSDT", "queued"), scan(42, "ETHUSDT", "queued")}}}, 202));
    api.on("GET", "/api/scans/41/", ok(scan(41, "BTCUSDT", "running")));
    api.on("GET", "/api/scans/41/", ok(scan(41, "BTCUSDT", "done")));
    api.on("GET", "/api/scans/42/", ok(scan(42, "ETHUSDT", "done")));
    api.on("GET", kBtcPatterns, ok(page(json::array({pattern(7, "BTCUSDT", "CONFIRMED")}), 12)));
    api.on("GET", kEthPatterns, ok(page(json::array(), 0)));
    const auto result = run(kScan, withApi({"btcusdt", "ETHUSDT", "--timeframe", "15m"}));
    BOOST_TEST(result.code == 0, result.err);
    const auto posts = api.requestsTo("POST", "/api/scans/");
    BOOST_REQUIRE(posts.size() == 1U);
    BOOST_TEST(parsed(posts[0].body) ==
               json({{"symbols", {"BTCUSDT", "ETHUSDT"}}, {"timeframe", "15m"}}));
    BOOST_TEST(posts[0].authorization == "Bearer tok");
    BOOST_TEST(api.requestsTo("GET", "/api/scans/41/").size() == 2U);
    BOOST_TEST(api.requestsTo("GET", "/api/scans/42/").size() == 1U);  // not read once done
    BOOST_TEST(contains(result.out, "BTCUSDT  15m  running"));
    BOOST_TEST(contains(result.out, "BTCUSDT  15m  done: 260 candles, 3 detection(s), 1 new"));
    BOOST_TEST(contains(result.out, "ETHUSDT  15m  done: 260 candles"));
    BOOST_TEST(contains(result.out, "Patterns on BTCUSDT 15m (newest 1 of 12)"));
    BOOST_TEST(contains(result.out, "HAMMER"));
    BOOST_TEST(contains(result.out, "intent-aa VALIDATED"));
    BOOST_TEST(contains(result.out, "Patterns on ETHUSDT 15m (newest 0 of 0):\n  none"));
}

BOOST_AUTO_TEST_CASE(a_failed_scan_is_reported_with_its_error_and_exits_5) {
    api.on("POST", "/api/scans/", ok({{"results", {scan(43, "BTCUSDT", "queued")}}}, 202));
    api.on("GET", "/api/scans/43/", ok(scan(43, "BTCUSDT", "failed")));
    api.on("GET", kBtcPatterns, ok(page(json::array(), 0)));
    const auto result = run(kScan, withApi({"BTCUSDT", "--timeframe", "15m"}));
    BOOST_TEST(result.code == 5);
    BOOST_TEST(contains(result.out, "failed: exchange unreachable: timeout"));
}

BOOST_AUTO_TEST_CASE(a_scan_still_running_at_the_timeout_exits_5_and_says_it_carries_on) {
    api.on("POST", "/api/scans/", ok({{"results", {scan(44, "BTCUSDT", "queued")}}}, 202));
    api.on("GET", "/api/scans/44/", ok(scan(44, "BTCUSDT", "queued")));
    const auto started = std::chrono::steady_clock::now();
    const auto result = run(kScan, withApi({"BTCUSDT", "--timeframe", "15m", "--timeout", "1"}));
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_TEST(result.code == 5);
    BOOST_TEST(contains(result.err, "still scanning after 1 s: BTCUSDT (scan 44)"));
    BOOST_TEST(took < std::chrono::seconds(5));
    BOOST_TEST(api.requestsTo("GET", kBtcPatterns).empty());
}

BOOST_AUTO_TEST_CASE(scan_stops_following_on_ctrl_c_with_exit_130) {
    api.on("POST", "/api/scans/", ok({{"results", {scan(45, "BTCUSDT", "queued")}}}, 202));
    api.on("GET", "/api/scans/45/", ok(scan(45, "BTCUSDT", "running")));
    std::thread interrupter([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        static_cast<void>(std::raise(SIGINT));
    });
    const auto result = run(kScan, withApi({"BTCUSDT", "--timeframe", "15m"}));
    interrupter.join();
    BOOST_TEST(result.code == 130);
    BOOST_TEST(contains(result.err, "stopped following"));
}

BOOST_AUTO_TEST_CASE(scan_json_prints_one_document_with_the_scans_and_the_patterns) {
    api.on("POST", "/api/scans/", ok({{"results", {scan(46, "BTCUSDT", "queued")}}}, 202));
    api.on("GET", "/api/scans/46/", ok(scan(46, "BTCUSDT", "done")));
    api.on("GET", kBtcPatterns, ok(page(json::array({pattern(8, "BTCUSDT", "DETECTED")}), 1)));
    const auto result = run(kScan, withApi({"BTCUSDT", "--timeframe", "15m", "--json"}));
    BOOST_TEST(result.code == 0, result.err);
    const auto body = parsed(result.out);
    BOOST_REQUIRE(body.is_object());
    BOOST_TEST(body["scans"] == json::array({scan(46, "BTCUSDT", "done")}));
    BOOST_TEST(body["patterns"][0]["id"] == 8);
}

BOOST_AUTO_TEST_CASE(scan_refuses_bad_arguments_locally_and_sends_nothing) {
    std::vector<std::string> twenty_one;
    for (int i = 0; i < 21; ++i) {
        twenty_one.push_back("S" + std::to_string(100 + i) + "USDT");
    }
    twenty_one.insert(twenty_one.end(), {"--timeframe", "15m"});
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"--timeframe", "15m"}, "1 to 20 symbols"},
        {twenty_one, "1 to 20 symbols"},
        {{"BTCUSDT"}, "needs --timeframe"},
        {{"BTCUSDT", "--timeframe", "7m"}, "--timeframe must be one of"},
        {{"BTCUSDT", "btcusdt", "--timeframe", "15m"}, "BTCUSDT twice"},
        {{"BTC/USDT", "--timeframe", "15m"}, "must be a symbol"},
        {{"BTCUSDT", "--timeframe", "15m", "--timeout", "0"}, "--timeout"},
        {{"BTCUSDT", "--timeframe", "15m", "--frobnicate"}, "unknown option"},
    };
    for (const auto& [args, message] : cases) {
        const auto result = run(kScan, withApi(args));
        BOOST_TEST(result.code == 2, message);
        BOOST_TEST(contains(result.err, message), result.err);
    }
    BOOST_TEST(api.requests().empty());
}

BOOST_AUTO_TEST_CASE(scan_refused_by_the_api_exits_with_its_code) {
    // Answers are used in order: the refusal first, then an overloaded API.
    api.on("POST",
           "/api/scans/",
           apiError(400, "'symbols' holds 'ZZZUSDT', which is not offered", "invalid_field"));
    api.on("POST", "/api/scans/", apiError(503, "too much work queued", "queue_full"));
    const auto refused = run(kScan, withApi({"ZZZUSDT", "--timeframe", "15m"}));
    BOOST_TEST(refused.code == 2);
    BOOST_TEST(contains(refused.err, "not offered (invalid_field)"));
    BOOST_TEST(run(kScan, withApi({"BTCUSDT", "--timeframe", "15m"})).code == 5);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(cli_pattern_commands, CliFixture)

BOOST_AUTO_TEST_CASE(patterns_sends_its_filters_and_prints_one_row_per_pattern) {
    const std::string target =
        "/api/patterns/?symbol=BTCUSDT&timeframe=1h&pattern=HAMMER&state=CONFIRMED&page=2&"
        "page_size=5";
    api.on("GET", target, ok(page(json::array({pattern(7, "BTCUSDT", "CONFIRMED")}), 6)));
    const auto result = run(kPatterns,
                            withApi({"--symbol",
                                     "btcusdt",
                                     "--timeframe",
                                     "1h",
                                     "--pattern",
                                     "hammer",
                                     "--state",
                                     "confirmed",
                                     "--page",
                                     "2",
                                     "--page-size",
                                     "5"}));
    BOOST_TEST(result.code == 0, result.err);
    BOOST_TEST(api.requestsTo("GET", target).size() == 1U);
    BOOST_TEST(contains(result.out, "7   2026-12-04T10:30:02Z  BTCUSDT  15m  HAMMER   BUY   0.85"));
    BOOST_TEST(contains(result.out, "CONFIRMED  100.5       90          intent-aa VALIDATED"));
    BOOST_TEST(contains(result.out, "6 pattern(s) in all"));
}

BOOST_AUTO_TEST_CASE(patterns_without_filters_asks_for_the_feed_and_says_when_it_is_empty) {
    api.on("GET", "/api/patterns/", ok(page(json::array(), 0)));
    const auto result = run(kPatterns, withApi({}));
    BOOST_TEST(result.code == 0);
    BOOST_TEST(contains(result.out, "No patterns found."));
}

BOOST_AUTO_TEST_CASE(patterns_json_prints_the_api_body_unchanged) {
    const auto body = page(json::array({pattern(9, "ETHUSDT", "DETECTED")}), 1);
    api.on("GET", "/api/patterns/?state=DETECTED", ok(body));
    const auto result = run(kPatterns, withApi({"--state", "DETECTED", "--json"}));
    BOOST_TEST(result.code == 0);
    BOOST_TEST(parsed(result.out) == body);
}

BOOST_AUTO_TEST_CASE(patterns_refuses_bad_filters_locally) {
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"--state", "FORMING"},
                                               {"--timeframe", "7m"},
                                               {"--pattern", "HEAD_AND_SHOULDERS"},
                                               {"--symbol", "BTC/USDT"},
                                               {"--page-size", "500"},
                                               {"--page", "0"},
                                               {"BTCUSDT"}}) {
        BOOST_TEST(run(kPatterns, withApi(args)).code == 2, args.front());
    }
    BOOST_TEST(api.requests().empty());
}

BOOST_AUTO_TEST_CASE(pattern_configs_prints_each_configuration_with_its_mode) {
    const json body = {{"count", 2},
                       {"results",
                        {{{"id", 3},
                          {"strategy_id", 2},
                          {"strategy_name", "Rescue Forces"},
                          {"pattern", "MA_CROSSOVER"},
                          {"symbols", {"BTCUSDT", "ETHUSDT"}},
                          {"timeframes", {"15m", "1h"}},
                          {"min_confidence", "0.7"},
                          {"capital", "1000"},
                          {"mode", "auto_live"},
                          {"risk_acknowledged_at", "2026-12-04T09:00:00Z"},
                          {"enabled", true},
                          {"created_at", "2026-12-04T09:00:00Z"},
                          {"updated_at", "2026-12-04T09:00:00Z"}},
                         {{"id", 4},
                          {"strategy_id", 1},
                          {"strategy_name", "All In"},
                          {"pattern", "HAMMER"},
                          {"symbols", {"SOLUSDT"}},
                          {"timeframes", {"4h"}},
                          {"min_confidence", "0.8"},
                          {"capital", "250"},
                          {"mode", "manual"},
                          {"risk_acknowledged_at", nullptr},
                          {"enabled", false},
                          {"created_at", "2026-12-04T09:00:00Z"},
                          {"updated_at", "2026-12-04T09:00:00Z"}}}}};
    api.on("GET", "/api/pattern-configs/", ok(body));
    const auto result = run(kPatternConfigs, withApi({}));
    BOOST_TEST(result.code == 0, result.err);
    BOOST_TEST(contains(result.out, "MA_CROSSOVER  BTCUSDT,ETHUSDT  15m,1h"));
    BOOST_TEST(contains(result.out, "auto_live (risk acknowledged 2026-12-04T09:00:00Z)  yes"));
    BOOST_TEST(contains(result.out, "manual"));
    BOOST_TEST(contains(result.out, "no       All In"));
    BOOST_TEST(parsed(run(kPatternConfigs, withApi({"--json"})).out) == body);
    BOOST_TEST(run(kPatternConfigs, withApi({"extra"})).code == 2);
}

BOOST_AUTO_TEST_CASE(pattern_configs_says_when_there_are_none) {
    api.on("GET", "/api/pattern-configs/", ok({{"count", 0}, {"results", json::array()}}));
    const auto result = run(kPatternConfigs, withApi({}));
    BOOST_TEST(result.code == 0);
    BOOST_TEST(contains(result.out, "No pattern configurations"));
}

BOOST_AUTO_TEST_CASE(autotrigger_off_and_on_put_the_switch_and_status_reads_it) {
    // Answers are used in order: off, then on.
    api.on("PUT", "/api/autotrigger/", ok(settings(false)));
    api.on("PUT", "/api/autotrigger/", ok(settings(true)));
    const auto off = run(kAutotrigger, withApi({"off"}));
    BOOST_TEST(off.code == 0, off.err);
    BOOST_TEST(contains(off.out, "Automatic execution: OFF (kill switch engaged)"));
    BOOST_TEST(contains(off.out, "wait for you"));
    BOOST_TEST(contains(off.out, "10 automatic execution(s) a day (3 started today, UTC)"));
    BOOST_TEST(contains(off.out, "Last changed: 2026-12-04T10:00:00Z by user:alice"));

    BOOST_TEST(contains(run(kAutotrigger, withApi({"on"})).out, "Automatic execution: ON"));
    const auto puts = api.requestsTo("PUT", "/api/autotrigger/");
    BOOST_REQUIRE(puts.size() == 2U);
    BOOST_TEST(parsed(puts[0].body) == json({{"enabled", false}}));
    BOOST_TEST(parsed(puts[1].body) == json({{"enabled", true}}));
    BOOST_TEST(puts[0].content_type == "application/json");

    api.on("GET", "/api/autotrigger/", ok(settings(true)));
    const auto status = run(kAutotrigger, withApi({"status"}));
    BOOST_TEST(status.code == 0);
    BOOST_TEST(contains(status.out, "Cooldown:     60 minute(s)"));
    BOOST_TEST(parsed(run(kAutotrigger, withApi({"status", "--json"})).out) == settings(true));
    BOOST_TEST(api.requestsTo("PUT", "/api/autotrigger/").size() == 2U);  // status changes nothing
}

BOOST_AUTO_TEST_CASE(autotrigger_needs_one_of_on_off_status) {
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{}, {"enable"}, {"on", "off"}, {"OFF"}}) {
        const auto result = run(kAutotrigger, withApi(args));
        BOOST_TEST(result.code == 2);
        BOOST_TEST(contains(result.err, "on, off or status"));
    }
    BOOST_TEST(api.requests().empty());
}

BOOST_AUTO_TEST_CASE(autotrigger_without_a_login_exits_6) {
    api.on(
        "PUT", "/api/autotrigger/", apiError(401, "Authentication required.", "not_authenticated"));
    const auto result = run(kAutotrigger, {"off", "--server", api.url()});
    BOOST_TEST(result.code == 6);
    BOOST_TEST(contains(result.err, "robson login"));
}

BOOST_AUTO_TEST_CASE(help_on_every_scanner_command_prints_its_usage_and_sends_nothing) {
    const std::vector<std::pair<std::string, Runner>> commands = {
        {"scan", kScan},
        {"patterns", kPatterns},
        {"pattern-configs", kPatternConfigs},
        {"autotrigger", kAutotrigger}};
    for (const auto& [name, runner] : commands) {
        const auto result = run(runner, withApi({"--help"}));
        BOOST_TEST(result.code == 0, name);
        BOOST_TEST(result.out.starts_with("usage: robson " + name), name);
    }
    BOOST_TEST(api.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace robson::cli::testing
