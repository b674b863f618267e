// The monitoring of ops/monitoring/ against the real thing: the whole stack (with the API)
// scraped by Debian's Prometheus with the generated configuration and the alert rules. Every
// target is up, every dashboard panel's query and every alert rule evaluates and has data,
// and an alert fires when its condition is made true (no execute worker).
#include "http_client.hpp"
#include "stack.hpp"

#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

using nlohmann::json;
using robson::e2e::ChildProcess;
using robson::e2e::httpJson;
using robson::e2e::Programs;
using robson::e2e::runCommand;
using robson::e2e::Stack;
using robson::e2e::StackOptions;

namespace {

constexpr const char* kPrometheus = "/usr/bin/prometheus";
constexpr const char* kPromtool = "/usr/bin/promtool";
const std::string kMonitoring = std::string(ROBSON_SOURCE_DIR) + "/ops/monitoring";

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string quote(const std::string& text) {
    return "'" + text + "'";
}

int freePort() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    return socket.address().port();
}

/// The production rules with every `for:` at 0 s: a test cannot wait minutes for an alert.
std::string rulesWithoutDelays(const std::string& path, const std::string& run_dir) {
    std::string copy = run_dir + "/alerts-now.yml";
    std::ofstream(copy) << std::regex_replace(
        readFile(path), std::regex(R"(for: [0-9]+[smh])"), "for: 0s");
    return copy;
}

/// Prometheus's HTTP API: GET path?query=…, the "data" member of a successful answer.
json prometheusData(const std::string& base, const std::string& path, const std::string& query) {
    Poco::URI target(path);
    if (!query.empty()) {
        target.addQueryParameter("query", query);
    }
    const auto answer = httpJson(base, "GET", target.toString());
    if (answer.status != 200 || !answer.body.is_object() ||
        answer.body.value("status", "") != "success") {
        throw std::runtime_error("Prometheus " + path + " " + query + ": " + answer.raw);
    }
    return answer.body.at("data");
}

/// Polls `check` every 250 ms until it returns true or `timeout` passes.
template <typename Check>
bool eventually(Check check, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (check()) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    return check();
}

/// The whole stack with every /metrics endpoint, plus Prometheus scraping them every second.
struct MonitoredStack {
    MonitoredStack() : stack(options()) {
        const std::string rules = rulesWithoutDelays(kMonitoring + "/alerts.yml", stack.runDir());
        config = stack.runDir() + "/prometheus.yml";
        std::string command = quote(kMonitoring + "/prometheus-config.sh") + " --out " +
                              quote(config) + " --interval 1s --rules " + quote(rules);
        for (const auto& target : stack.metricsTargets()) {
            command += " " + target.job + (target.pool.empty() ? "" : "/" + target.pool) + "=" +
                       target.address;
        }
        const auto generated = runCommand(command);
        BOOST_REQUIRE_MESSAGE(generated.status == 0, generated.output);
        BOOST_REQUIRE_MESSAGE(std::filesystem::exists(kPrometheus),
                              "Prometheus is not installed (ops/bootstrap.sh installs it)");
        const int port = freePort();
        url = "http://127.0.0.1:" + std::to_string(port);
        prometheus = std::make_unique<ChildProcess>(
            kPrometheus,
            std::vector<std::string>{"--config.file=" + config,
                                     "--storage.tsdb.path=" + stack.runDir() + "/prometheus-data",
                                     "--web.listen-address=127.0.0.1:" + std::to_string(port),
                                     "--log.level=warn"},
            std::map<std::string, std::string>{},
            stack.runDir() + "/prometheus.log");
        BOOST_REQUIRE_MESSAGE(
            eventually(
                [this] {
                    try {
                        return httpJson(url, "GET", "/-/ready").status == 200;
                    } catch (const std::exception&) {
                        return false;
                    }
                },
                std::chrono::seconds(20)),
            "Prometheus did not become ready: " + readFile(stack.runDir() + "/prometheus.log"));
    }

    static StackOptions options() {
        StackOptions options;
        options.with_api = true;
        options.all_metrics = true;
        options.scan_workers = 1;  // every pool served: only the killed one may alert
        return options;
    }

    /// A user, a login, an intent planned and validated and a DRY-RUN execution, through the
    /// API: every family then has moved at least once.
    void runOneIntent() const {
        const auto added = runCommand(quote(Programs::api()) + " add-user --database " +
                                      quote(stack.databaseUrl()) +
                                      " --tenant monitoring --username watcher --password "
                                      "watcher-password-1");
        BOOST_REQUIRE_MESSAGE(added.status == 0, added.output);
        const auto login = httpJson(stack.apiUrl(),
                                    "POST",
                                    "/api/auth/token/",
                                    {{"username", "watcher"}, {"password", "watcher-password-1"}});
        BOOST_REQUIRE_MESSAGE(login.status == 200, login.raw);
        const std::string token = login.body.at("access").get<std::string>();
        const auto created =
            httpJson(stack.apiUrl(),
                     "POST",
                     "/api/intents/create/",
                     {{"strategy_id", 1}, {"symbol", "BTCUSDT"}, {"capital", "100"}},
                     token);
        BOOST_REQUIRE_MESSAGE(created.status == 201 || created.status == 202, created.raw);
        const std::string id = created.body.at("intent_id").get<std::string>();
        BOOST_REQUIRE(stack.waitForStatus(id, {"VALIDATED"}) == "VALIDATED");
        const auto executed = httpJson(stack.apiUrl(),
                                       "POST",
                                       "/api/intents/" + id + "/execute/",
                                       {{"mode", "DRY_RUN"}},
                                       token);
        BOOST_REQUIRE_MESSAGE(executed.status == 200 || executed.status == 202, executed.raw);
        BOOST_REQUIRE(stack.waitForStatus(id, {"EXECUTED"}) == "EXECUTED");
    }

    [[nodiscard]] json query(const std::string& promql) const {
        return prometheusData(url, "/api/v1/query", promql);
    }

    Stack stack;
    std::string config;
    std::string url;
    std::unique_ptr<ChildProcess> prometheus;
};

std::vector<std::string> dashboardQueries() {
    const json dashboard = json::parse(readFile(kMonitoring + "/grafana/dashboards/robson.json"));
    std::vector<std::string> queries;
    for (const auto& panel : dashboard.at("panels")) {
        for (const auto& target : panel.at("targets")) {
            queries.push_back(target.at("expr").get<std::string>());
        }
    }
    return queries;
}

bool firing(const json& alerts,
            const std::string& name,
            const std::string& label,
            const std::string& value) {
    return std::ranges::any_of(alerts.at("alerts"), [&](const json& alert) {
        const auto& labels = alert.at("labels");
        return labels.value("alertname", "") == name && labels.value(label, "") == value &&
               alert.value("state", "") == "firing";
    });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(monitoring)

BOOST_AUTO_TEST_CASE(prometheus_scrapes_every_process_evaluates_every_panel_and_rule_and_alerts) {
    MonitoredStack monitored;
    monitored.runOneIntent();

    // Every target of the generated configuration is scraped successfully.
    std::string last_targets;
    BOOST_TEST_REQUIRE(
        eventually(
            [&] {
                const json targets = prometheusData(monitored.url, "/api/v1/targets", "");
                last_targets = targets.dump();
                const auto& active = targets.at("activeTargets");
                return active.size() == monitored.stack.metricsTargets().size() &&
                       std::all_of(active.begin(), active.end(), [](const json& target) {
                           return target.value("health", "") == "up";
                       });
            },
            std::chrono::seconds(15)),
        last_targets);
    for (const char* job : {"sim", "api", "broker", "sweeper", "worker"}) {
        BOOST_TEST(
            !monitored.query(std::string("up{job=\"") + job + "\"} == 1").at("result").empty(),
            job);
    }

    // Every dashboard panel's query parses and returns series (rates need two scrapes).
    const auto queries = dashboardQueries();
    BOOST_TEST(queries.size() >= 20U);
    for (const auto& promql : queries) {
        BOOST_TEST(eventually([&] { return !monitored.query(promql).at("result").empty(); },
                              std::chrono::seconds(10)),
                   "no data for panel query: " << promql);
    }

    // Every alert rule is loaded, evaluates without error, and every series it reads exists.
    const std::string rules_text = readFile(kMonitoring + "/alerts.yml");
    const std::regex alert_line("- alert: ");
    const auto rule_count = static_cast<std::size_t>(
        std::distance(std::sregex_iterator(rules_text.begin(), rules_text.end(), alert_line),
                      std::sregex_iterator()));
    BOOST_TEST(rule_count == 7U);
    std::vector<json> rules;
    std::string last_rules;
    BOOST_TEST_REQUIRE(eventually(
                           [&] {
                               rules.clear();
                               const json groups =
                                   prometheusData(monitored.url, "/api/v1/rules", "").at("groups");
                               last_rules = groups.dump();
                               for (const auto& group : groups) {
                                   for (const auto& rule : group.at("rules")) {
                                       rules.push_back(rule);
                                   }
                               }
                               return rules.size() == rule_count &&
                                      std::all_of(rules.begin(), rules.end(), [](const json& rule) {
                                          return rule.value("health", "") == "ok";
                                      });
                           },
                           std::chrono::seconds(20)),
                       last_rules);
    const std::regex metric_name(R"(\b(robson_[a-z0-9_]+|up)\b)");
    for (const auto& rule : rules) {
        const std::string expression = rule.at("query").get<std::string>();
        BOOST_TEST_CONTEXT("rule " << rule.at("name") << ": " << expression) {
            BOOST_TEST(rule.value("lastError", "").empty());
            std::set<std::string> names;
            for (auto it = std::sregex_iterator(expression.begin(), expression.end(), metric_name);
                 it != std::sregex_iterator();
                 ++it) {
                names.insert((*it)[1].str());
            }
            BOOST_TEST(!names.empty());
            for (const auto& name : names) {
                BOOST_TEST(!monitored.query("count(" + name + ")").at("result").empty(), name);
            }
        }
    }

    // Nothing is wrong yet: no pool lacks workers.
    BOOST_TEST(!firing(prometheusData(monitored.url, "/api/v1/alerts", ""),
                       "RobsonNoWorkers",
                       "service",
                       "execute"));
    // Every execute worker gone: the broker forgets them (3 missed heartbeats) and the alert fires.
    monitored.stack.killWorker("execute", 0);
    BOOST_TEST(eventually(
        [&] {
            return firing(prometheusData(monitored.url, "/api/v1/alerts", ""),
                          "RobsonNoWorkers",
                          "service",
                          "execute");
        },
        std::chrono::seconds(20)));
    // The other pools still have theirs.
    const json alerts = prometheusData(monitored.url, "/api/v1/alerts", "");
    for (const char* served : {"plan", "validate", "scan"}) {
        BOOST_TEST(!firing(alerts, "RobsonNoWorkers", "service", served), served);
    }
    // Its /metrics stops answering too; the scrape that notices may come after the broker
    // noticed, so this alert gets its own wait.
    BOOST_TEST(eventually(
        [&] {
            return firing(prometheusData(monitored.url, "/api/v1/alerts", ""),
                          "RobsonTargetDown",
                          "pool",
                          "execute");
        },
        std::chrono::seconds(20)));
}

BOOST_AUTO_TEST_CASE(promtool_accepts_the_generated_configuration_and_the_rules) {
    if (!std::filesystem::exists(kPromtool)) {
        BOOST_TEST_MESSAGE("promtool is not installed; skipped");
        return;
    }
    const std::string config =
        std::filesystem::temp_directory_path() / "robson-prometheus-check.yml";
    const auto generated =
        runCommand(quote(kMonitoring + "/prometheus-config.sh") + " --out " + quote(config));
    BOOST_REQUIRE_MESSAGE(generated.status == 0, generated.output);
    const auto checked_config =
        runCommand(std::string(kPromtool) + " check config " + quote(config));
    BOOST_TEST(checked_config.status == 0, checked_config.output);
    const auto checked_rules =
        runCommand(std::string(kPromtool) + " check rules " + quote(kMonitoring + "/alerts.yml"));
    BOOST_TEST(checked_rules.status == 0, checked_rules.output);
    std::filesystem::remove(config);
}

BOOST_AUTO_TEST_SUITE_END()
