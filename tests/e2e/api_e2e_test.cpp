// The whole system over HTTP, as a person or a script uses it: real API, broker, workers,
// sweeper, simulator and PostgreSQL. Each test names the behaviour of the plan's contract.
#include "http_client.hpp"
#include "stack.hpp"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <filesystem>
#include <thread>
#include <unistd.h>

using nlohmann::json;
using robson::e2e::httpJson;
using robson::e2e::Programs;
using robson::e2e::runCommand;
using robson::e2e::Stack;
using robson::e2e::StackOptions;

namespace {

StackOptions withApi() {
    StackOptions options;
    options.with_api = true;
    return options;
}

std::string quote(const std::string& text) {
    return "'" + text + "'";
}

/// A stack with the API and one logged-in user per tenant.
struct ApiFixture {
    // The tests of this suite share one database: each gets its own tenants and users, so
    // one test's open positions never meet another's guards.
    ApiFixture() : stack(withApi()), suffix(std::to_string(++instances)) {
        addUser("alpha" + suffix, "alice" + suffix, "alice-password-1");
        addUser("beta" + suffix, "bob" + suffix, "bob-password-1");
        alice = login("alice" + suffix, "alice-password-1");
        bob = login("bob" + suffix, "bob-password-1");
    }

    void addUser(const std::string& tenant, const std::string& user, const std::string& password) {
        const auto added = runCommand(quote(Programs::api()) + " add-user --database " +
                                      quote(stack.databaseUrl()) + " --tenant " + tenant +
                                      " --username " + user + " --password " + password);
        BOOST_REQUIRE_MESSAGE(added.status == 0, added.output);
    }

    std::string login(const std::string& user, const std::string& password) {
        const auto answer = httpJson(stack.apiUrl(),
                                     "POST",
                                     "/api/auth/token/",
                                     {{"username", user}, {"password", password}});
        BOOST_REQUIRE_MESSAGE(answer.status == 200, answer.raw);
        return answer.body.at("access").get<std::string>();
    }

    robson::e2e::HttpAnswer call(const std::string& method,
                                 const std::string& target,
                                 const json& body = nullptr,
                                 const std::string& token = "") {
        return httpJson(stack.apiUrl(), method, target, body, token.empty() ? alice : token);
    }

    /// Creates an intent and waits for it to be validated (or rejected).
    std::string validatedIntent(const std::string& symbol = "BTCUSDT",
                                const std::string& capital = "100") {
        const auto created = call("POST",
                                  "/api/intents/create/",
                                  {{"strategy_id", 1}, {"symbol", symbol}, {"capital", capital}});
        BOOST_REQUIRE_MESSAGE(created.status == 201 || created.status == 202, created.raw);
        const std::string id = created.body.at("intent_id").get<std::string>();
        BOOST_REQUIRE(stack.waitForStatus(id, {"VALIDATED", "REJECTED"}) == "VALIDATED");
        return id;
    }

    int entriesOnTheExchange(const std::string& id) {
        int entries = 0;
        const auto all = stack.simAdmin("orders");
        for (const auto& order : all.at("orders")) {
            if (order.at("clientOrderId").get<std::string>() == "rb-" + id + "-e") {
                ++entries;
            }
        }
        return entries;
    }

    static inline int instances = 0;
    Stack stack;
    std::string suffix;
    std::string alice;
    std::string bob;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(api_e2e, ApiFixture)

BOOST_AUTO_TEST_CASE(create_then_validated_then_dry_run_ends_executed) {
    const auto created = call("POST",
                              "/api/intents/create/",
                              {{"strategy_id", 1},
                               {"symbol", "BTCUSDT"},
                               {"capital", "100.00"},
                               {"timeframe", "15m"},
                               {"metadata", {{"source", "e2e"}}}});
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.raw);
    BOOST_TEST(created.body.at("strategy").at("name").get<std::string>() == "All In");
    BOOST_TEST(created.body.at("side").get<std::string>() == "BUY");
    BOOST_TEST(created.body.at("quantity").is_string());
    BOOST_TEST(created.body.at("stop_price").is_string());
    const std::string id = created.body.at("intent_id").get<std::string>();
    BOOST_REQUIRE(stack.waitForStatus(id, {"VALIDATED", "REJECTED"}) == "VALIDATED");
    const auto status = call("GET", "/api/intents/" + id + "/status/");
    BOOST_REQUIRE(status.status == 200);
    BOOST_TEST(status.body.at("validation_result").at("guards").size() >= 5U);
    const auto executed = call("POST", "/api/intents/" + id + "/execute/", {{"mode", "DRY_RUN"}});
    BOOST_REQUIRE_MESSAGE(executed.status == 200, executed.raw);
    BOOST_TEST(executed.body.at("status").get<std::string>() == "EXECUTED");
    BOOST_TEST(executed.body.at("execution_result").at("mode").get<std::string>() == "DRY_RUN");
    BOOST_TEST(entriesOnTheExchange(id) == 0);
    const auto again = call("POST", "/api/intents/" + id + "/execute/", {{"mode", "DRY_RUN"}});
    BOOST_TEST(again.status == 409);
    BOOST_TEST(again.body.at("code").get<std::string>() == "already_executed");
}

BOOST_AUTO_TEST_CASE(live_needs_the_acknowledgement_and_then_puts_entry_and_stop_on_the_exchange) {
    const std::string id = validatedIntent();
    const auto refused = call("POST", "/api/intents/" + id + "/execute/", {{"mode", "LIVE"}});
    BOOST_TEST(refused.status == 400);
    BOOST_TEST(refused.body.at("code").get<std::string>() == "risk_not_acknowledged");
    const auto executed = call(
        "POST", "/api/intents/" + id + "/execute/", {{"mode", "LIVE"}, {"acknowledge_risk", true}});
    BOOST_REQUIRE_MESSAGE(executed.status == 200, executed.raw);
    const auto& orders = executed.body.at("execution_result").at("orders");
    BOOST_REQUIRE(orders.size() == 2U);
    BOOST_TEST(orders[0].at("binance_order_id").is_string());
    BOOST_TEST(orders[1].at("order_type").get<std::string>() == "STOP_LOSS_LIMIT");
    BOOST_TEST(orders[1].at("status").get<std::string>() == "NEW");
    BOOST_TEST(entriesOnTheExchange(id) == 1);
}

BOOST_AUTO_TEST_CASE(a_failing_guard_rejects_the_intent_with_its_message) {
    const json empty{
        {"balances", json::array({{{"asset", "USDT"}, {"free", "0"}, {"locked", "0"}}})}};
    stack.simAdmin("balances", &empty);
    const auto created = call("POST",
                              "/api/intents/create/",
                              {{"strategy_id", 1}, {"symbol", "BTCUSDT"}, {"capital", "100"}});
    BOOST_REQUIRE(created.status == 201 || created.status == 202);
    const std::string id = created.body.at("intent_id").get<std::string>();
    BOOST_TEST(stack.waitForStatus(id, {"VALIDATED", "REJECTED"}) == "REJECTED");
    const auto status = call("GET", "/api/intents/" + id + "/status/");
    bool balance_failed = false;
    for (const auto& guard : status.body.at("validation_result").at("guards")) {
        if (guard.at("name") == "balance_check") {
            balance_failed = guard.at("status") == "FAIL" && !guard.at("message").empty();
        }
    }
    BOOST_TEST(balance_failed);
    BOOST_TEST(call("POST", "/api/intents/" + id + "/execute/", json::object()).status == 400);
}

BOOST_AUTO_TEST_CASE(a_validated_intent_can_be_cancelled_once_and_then_not_executed) {
    const std::string id = validatedIntent();
    const auto cancelled = call("POST", "/api/intents/" + id + "/cancel/", json::object());
    BOOST_REQUIRE_MESSAGE(cancelled.status == 200, cancelled.raw);
    BOOST_TEST(cancelled.body.at("status").get<std::string>() == "CANCELLED");
    BOOST_TEST(call("POST", "/api/intents/" + id + "/cancel/", json::object()).status == 409);
    const auto executed = call("POST", "/api/intents/" + id + "/execute/", json::object());
    BOOST_TEST(executed.status == 400);
    BOOST_TEST(executed.body.at("code").get<std::string>() == "not_validated");
}

BOOST_AUTO_TEST_CASE(another_tenant_sees_none_of_it) {
    const std::string id = validatedIntent();
    for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/intents/" + id + "/status/"},
             {"GET", "/api/intents/" + id + "/audit/"},
             {"POST", "/api/intents/" + id + "/execute/"},
             {"POST", "/api/intents/" + id + "/cancel/"}}) {
        const auto answer =
            call(method, target, method == "POST" ? json::object() : json(nullptr), bob);
        BOOST_TEST(answer.status == 404, method << " " << target);
    }
    const auto list = call("GET", "/api/intents/", nullptr, bob);
    BOOST_TEST(list.body.at("count").get<int>() == 0);
    BOOST_TEST(call("GET", "/api/intents/" + id + "/status/").status == 200);
}

BOOST_AUTO_TEST_CASE(fifty_concurrent_executes_execute_once) {
    const std::string id = validatedIntent();
    std::atomic<int> accepted{0};
    std::atomic<int> conflicts{0};
    std::atomic<int> others{0};
    std::vector<std::thread> callers;
    for (int i = 0; i < 50; ++i) {
        callers.emplace_back([&] {
            const auto answer = httpJson(stack.apiUrl(),
                                         "POST",
                                         "/api/intents/" + id + "/execute/",
                                         {{"mode", "LIVE"}, {"acknowledge_risk", true}},
                                         alice);
            (answer.status == 200 || answer.status == 202 ? accepted
             : answer.status == 409                       ? conflicts
                                                          : others)++;
        });
    }
    for (auto& caller : callers) {
        caller.join();
    }
    BOOST_TEST(accepted.load() == 1);
    BOOST_TEST(conflicts.load() == 49);
    BOOST_TEST(others.load() == 0);
    BOOST_TEST(stack.waitForStatus(id, {"EXECUTED", "FAILED"}) == "EXECUTED");
    BOOST_TEST(entriesOnTheExchange(id) == 1);
}

BOOST_AUTO_TEST_CASE(bad_requests_get_clear_errors_never_a_server_fault) {
    BOOST_TEST(httpJson(stack.apiUrl(), "GET", "/api/intents/").status == 401);
    const auto tiny = call("POST",
                           "/api/intents/create/",
                           {{"strategy_id", 1}, {"symbol", "BTCUSDT"}, {"capital", "1"}});
    BOOST_TEST(tiny.status == 422);
    BOOST_TEST(tiny.body.at("code").get<std::string>() == "plan_refused");
    BOOST_TEST(!tiny.body.at("detail").get<std::string>().empty());
    const auto unknown_strategy =
        call("POST",
             "/api/intents/create/",
             {{"strategy_id", 999}, {"symbol", "BTCUSDT"}, {"capital", "100"}});
    BOOST_TEST(unknown_strategy.status == 404);
    const auto bad_capital = call("POST",
                                  "/api/intents/create/",
                                  {{"strategy_id", 1}, {"symbol", "BTCUSDT"}, {"capital", "-5"}});
    BOOST_TEST(bad_capital.status == 400);
    const auto unknown_field = call("POST",
                                    "/api/intents/create/",
                                    {{"strategy_id", 1},
                                     {"symbol", "BTCUSDT"},
                                     {"capital", "100"},
                                     {"acknowledge_risks", true}});
    BOOST_TEST(unknown_field.status == 400);
    BOOST_TEST(call("GET", "/api/intents/intent-doesnotexist/status/").status == 404);
}

BOOST_AUTO_TEST_CASE(the_cli_plans_validates_executes_and_lists_through_the_api) {
    const auto config = std::filesystem::temp_directory_path() /
                        ("robson-cli-" + std::to_string(::getpid()) + ".json");
    const std::string cli =
        "ROBSON_CONFIG=" + quote(config.string()) + " " + quote(Programs::cli()) + " ";
    const std::string server = " --server " + stack.apiUrl();
    const auto login = runCommand(cli + "login --username alice" + suffix +
                                  " --password alice-password-1" + server);
    BOOST_REQUIRE_MESSAGE(login.status == 0, login.output);
    BOOST_TEST(runCommand(cli + "strategies" + server).output.find("All In") != std::string::npos);
    BOOST_TEST(runCommand(cli + "symbols" + server).output.find("ETHUSDT") != std::string::npos);
    const auto planned =
        runCommand(cli + "plan buy BTCUSDT --strategy 'all in' --capital 100 --json" + server);
    BOOST_REQUIRE_MESSAGE(planned.status == 0, planned.output);
    const auto body = json::parse(planned.output, nullptr, false);
    BOOST_REQUIRE(body.is_object());
    const std::string id = body.at("intent_id").get<std::string>();
    const auto validated = runCommand(cli + "validate " + id + server);
    BOOST_TEST(validated.status == 0, validated.output);
    BOOST_TEST(validated.output.find("balance_check") != std::string::npos);
    BOOST_TEST(runCommand(cli + "execute " + id + " --live" + server).status == 2);
    const auto executed = runCommand(cli + "execute " + id + server);
    BOOST_TEST(executed.status == 0, executed.output);
    BOOST_TEST(executed.output.find("STOP_LOSS_LIMIT") != std::string::npos);
    BOOST_TEST(runCommand(cli + "status " + id + server).output.find("EXECUTED") !=
               std::string::npos);
    BOOST_TEST(runCommand(cli + "list --status EXECUTED" + server).output.find(id) !=
               std::string::npos);
    BOOST_TEST(runCommand(cli + "cancel " + id + server).status == 8);
    std::filesystem::remove(config);
}

BOOST_AUTO_TEST_CASE(the_cli_scans_lists_patterns_and_flips_the_kill_switch_through_the_api) {
    // The scan pool is not part of the default stack: this test brings its own worker.
    static_cast<void>(stack.startWorker("scan"));
    const auto config = std::filesystem::temp_directory_path() /
                        ("robson-cli-scan-" + std::to_string(::getpid()) + ".json");
    const std::string cli =
        "ROBSON_CONFIG=" + quote(config.string()) + " " + quote(Programs::cli()) + " ";
    const std::string server = " --server " + stack.apiUrl();
    const auto login =
        runCommand(cli + "login --username bob" + suffix + " --password bob-password-1" + server);
    BOOST_REQUIRE_MESSAGE(login.status == 0, login.output);

    const auto off = runCommand(cli + "autotrigger off" + server);
    BOOST_TEST(off.status == 0, off.output);
    BOOST_TEST(off.output.find("OFF (kill switch engaged)") != std::string::npos, off.output);
    const auto status = runCommand(cli + "autotrigger status --json" + server);
    const auto settings = json::parse(status.output, nullptr, false);
    BOOST_REQUIRE_MESSAGE(settings.is_object(), status.output);
    BOOST_TEST(settings.at("enabled") == false);
    BOOST_TEST(settings.at("updated_by") == "user:bob" + suffix);
    BOOST_TEST(runCommand(cli + "autotrigger on" + server).output.find("Automatic execution: ON") !=
               std::string::npos);

    BOOST_TEST(
        runCommand(cli + "pattern-configs" + server).output.find("No pattern configurations") !=
        std::string::npos);
    const auto created = call("POST",
                              "/api/pattern-configs/",
                              {{"strategy_id", 2},
                               {"pattern", "MA_CROSSOVER"},
                               {"symbols", {"BTCUSDT"}},
                               {"timeframes", {"15m"}},
                               {"capital", "100"}},
                              bob);
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.raw);
    BOOST_TEST(runCommand(cli + "pattern-configs" + server).output.find("MA_CROSSOVER") !=
               std::string::npos);

    // A scan goes API → jobs outbox → broker → scan worker → the simulator's klines, and back.
    const auto scanned =
        runCommand(cli + "scan BTCUSDT ETHUSDT --timeframe 15m --timeout 60" + server);
    BOOST_TEST(scanned.status == 0, scanned.output);
    BOOST_TEST(scanned.output.find("BTCUSDT  15m  done:") != std::string::npos, scanned.output);
    BOOST_TEST(scanned.output.find("ETHUSDT  15m  done:") != std::string::npos, scanned.output);
    BOOST_TEST(scanned.output.find("Patterns on ETHUSDT 15m") != std::string::npos);
    const auto feed = runCommand(cli + "patterns --symbol BTCUSDT --timeframe 15m --json" + server);
    BOOST_TEST(feed.status == 0, feed.output);
    const auto page = json::parse(feed.output, nullptr, false);
    BOOST_REQUIRE_MESSAGE(page.is_object(), feed.output);
    for (const auto& pattern : page.at("results")) {
        BOOST_TEST(pattern.at("symbol") == "BTCUSDT");
    }
    BOOST_TEST(runCommand(cli + "patterns --state FORMING" + server).status == 2);
    std::filesystem::remove(config);
}

BOOST_AUTO_TEST_SUITE_END()
