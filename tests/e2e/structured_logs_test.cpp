// What every process of the stack writes to its log (robson::logging): one JSON object per
// line with its time, level, service and event; the events of an intent carry the intent's id
// wherever they happen (API, each worker); and no secret ever appears — not the exchange keys
// the workers sign with, not a user's password, not the tokens the API hands out.
#include "http_client.hpp"
#include "stack.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>
#include <sstream>

using nlohmann::json;
using robson::e2e::httpJson;
using robson::e2e::Programs;
using robson::e2e::runCommand;
using robson::e2e::Stack;
using robson::e2e::StackOptions;

namespace {

// The simulator's demo keys: what the workers sign LIVE orders with by default.
constexpr const char* kSimApiKey = "robson-demo-key";
constexpr const char* kSimApiSecret = "robson-demo-secret";
constexpr const char* kPassword = "logs-demo-password-7731";

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string quote(const std::string& text) {
    return "'" + text + "'";
}

StackOptions withApi() {
    StackOptions options;
    options.with_api = true;
    options.all_metrics = true;  // the simulator and broker start-up lines are logged too
    return options;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(structured_logs)

BOOST_AUTO_TEST_CASE(every_line_is_json_an_intent_is_traceable_and_no_secret_is_logged) {
    Stack stack(withApi());
    const auto added =
        runCommand(quote(Programs::api()) + " add-user --database " + quote(stack.databaseUrl()) +
                   " --tenant logs --username logger --password " + kPassword);
    BOOST_REQUIRE_MESSAGE(added.status == 0, added.output);
    // A refused login first: its event must name the user, never the password tried.
    const auto refused =
        httpJson(stack.apiUrl(),
                 "POST",
                 "/api/auth/token/",
                 {{"username", "logger"}, {"password", std::string(kPassword) + "x"}});
    BOOST_TEST(refused.status == 401);
    const auto login = httpJson(stack.apiUrl(),
                                "POST",
                                "/api/auth/token/",
                                {{"username", "logger"}, {"password", kPassword}});
    BOOST_REQUIRE_MESSAGE(login.status == 200, login.raw);
    const std::string access = login.body.at("access").get<std::string>();
    const std::string refresh = login.body.at("refresh").get<std::string>();

    // One intent through the whole pipeline, LIVE: signed exchange requests are made.
    const auto created = httpJson(stack.apiUrl(),
                                  "POST",
                                  "/api/intents/create/",
                                  {{"strategy_id", 1}, {"symbol", "BTCUSDT"}, {"capital", "100"}},
                                  access);
    BOOST_REQUIRE_MESSAGE(created.status == 201 || created.status == 202, created.raw);
    const std::string id = created.body.at("intent_id").get<std::string>();
    BOOST_REQUIRE(stack.waitForStatus(id, {"VALIDATED"}) == "VALIDATED");
    const auto executed = httpJson(stack.apiUrl(),
                                   "POST",
                                   "/api/intents/" + id + "/execute/",
                                   {{"mode", "LIVE"}, {"acknowledge_risk", true}},
                                   access);
    BOOST_REQUIRE_MESSAGE(executed.status == 200 || executed.status == 202, executed.raw);
    BOOST_REQUIRE(stack.waitForStatus(id, {"EXECUTED"}) == "EXECUTED");

    const std::string log = readFile(stack.logFile());
    std::istringstream lines(log);
    std::string line;
    int parsed = 0;
    std::set<std::string> services;
    std::set<std::string> intent_services;
    std::set<std::string> intent_events;
    while (std::getline(lines, line)) {
        if (line.empty()) {
            continue;
        }
        const json event = json::parse(line, nullptr, false);
        BOOST_TEST_REQUIRE(event.is_object(), "not a JSON object: " << line);
        for (const char* key : {"ts", "level", "service", "event"}) {
            BOOST_TEST(event.contains(key), key << " missing in " << line);
        }
        ++parsed;
        services.insert(event.value("service", ""));
        if (event.value("intent_id", "") == id) {
            intent_services.insert(event.value("service", ""));
            intent_events.insert(event.value("event", ""));
        }
    }
    BOOST_TEST(parsed > 10);
    for (const char* service :
         {"sim", "broker", "sweeper", "api", "worker-plan", "worker-validate", "worker-execute"}) {
        BOOST_TEST(services.contains(service), service << " wrote no line");
    }
    // The intent can be followed from the API through every pool by its id alone.
    for (const char* service : {"api", "worker-plan", "worker-validate", "worker-execute"}) {
        BOOST_TEST(intent_services.contains(service), service << " never named the intent");
    }
    for (const char* event :
         {"intent_created", "execution_requested", "job_claimed", "job_done", "order_placed"}) {
        BOOST_TEST(intent_events.contains(event), event << " missing for the intent");
    }
    BOOST_TEST(log.find("\"login_refused\"") != std::string::npos);

    const std::string jwt_secret = readFile(stack.runDir() + "/jwt.secret");
    for (const std::string& secret : {std::string(kSimApiKey),
                                      std::string(kSimApiSecret),
                                      std::string(kPassword),
                                      access,
                                      refresh}) {
        BOOST_TEST(log.find(secret) == std::string::npos, "a secret is in the logs: " << secret);
    }
    // The JWT signing key (the first bytes suffice: the file may end with a newline).
    if (jwt_secret.size() >= 16) {
        BOOST_TEST(log.find(jwt_secret.substr(0, 16)) == std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
