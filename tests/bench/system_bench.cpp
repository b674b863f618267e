// The whole system under load (make bench, via run_system_bench.sh): real API, broker,
// workers, sweeper, simulator and a private PostgreSQL. Clients create intents over HTTP,
// wait for VALIDATED and execute them as DRY-RUN. Baselines in the same run: pgbench running
// the pipeline's SQL alone on the same PostgreSQL (tests/bench/pipeline.pgbench), and wrk
// reading one intent's status. Not pass/fail: it prints the tables docs/capacity.md quotes.
#include "http_client.hpp"
#include "stack.hpp"
#include "system/external_tools.hpp"
#include "system/latency_stats.hpp"
#include "system/load_generator.hpp"
#include "system/pg_activity.hpp"
#include "system/process_cpu.hpp"

#include <pqxx/pqxx>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <thread>

namespace {

using robson::bench::CpuSnapshot;
using robson::e2e::Stack;
using robson::e2e::StackOptions;
using Clock = std::chrono::steady_clock;

struct Settings {
    int warmup_seconds = 2;
    int measure_seconds = 10;
    int wrk_seconds = 4;
    int pgbench_seconds = 8;
    std::string pgbench_script;
    /// Around the API's connection budget (--max-connections, 512 by default; 32 of them
    /// served at once): within it, at it and twice past it, where the answer must be 503.
    std::vector<int> wrk_connections{16, 32, 288, 512, 1024};
    bool scaling = true;
};

struct Scenario {
    std::string name;
    int clients = 1;
    int workers_per_pool = 1;
    int machines = 1;  ///< groups of workers started apart, each with its own metrics ports
    bool wrk = false;  ///< also measure status GETs with wrk on this stack
};

struct ScenarioReport {
    Scenario scenario;
    robson::bench::LoadResult load;
    double load_average = 0;
    double cpu_seconds_window = 0;
    CpuSnapshot cpu;
    double transactions_per_intent = 0;
    double background_per_second = 0;
    std::vector<robson::bench::StatementShare> statements;
    std::vector<double> completed_by_machine;
    std::vector<robson::bench::WrkResult> wrk;
    double transactions_per_status_get = 0;
};

const std::vector<std::string> kPools{"plan", "validate", "execute"};

int postgresPort(const std::string& url) {
    const auto colon = url.rfind(':');
    return std::stoi(url.substr(colon + 1, url.find('/', colon) - colon - 1));
}

double secondsSince(Clock::time_point from) {
    return std::chrono::duration<double>(Clock::now() - from).count();
}

std::string quote(const std::string& text) {
    return "'" + text + "'";
}

/// A user of its own tenant on this stack; returns its access token.
std::string loginNewUser(const Stack& stack, const std::string& name) {
    const auto added = robson::e2e::runCommand(
        quote(robson::e2e::Programs::api()) + " add-user --database " + quote(stack.databaseUrl()) +
        " --tenant " + name + " --username " + name + " --password bench-password-1");
    if (added.status != 0) {
        throw std::runtime_error("add-user failed: " + added.output);
    }
    const auto answer =
        robson::e2e::httpJson(stack.apiUrl(),
                              "POST",
                              "/api/auth/token/",
                              {{"username", name}, {"password", "bench-password-1"}});
    if (answer.status != 200) {
        throw std::runtime_error("login failed: " + answer.raw);
    }
    return answer.body.at("access").get<std::string>();
}

/// The sum of every robson_jobs_completed_total series a worker's /metrics shows.
double jobsCompleted(const std::string& metrics_url) {
    std::istringstream text(Stack::scrape(metrics_url));
    std::string line;
    double total = 0;
    while (std::getline(text, line)) {
        if (line.rfind("robson_jobs_completed_total", 0) == 0) {
            total += std::stod(line.substr(line.rfind(' ') + 1));
        }
    }
    return total;
}

void measureStatusReads(const Stack& stack,
                        const std::string& token,
                        const Settings& settings,
                        ScenarioReport& report) {
    const auto created =
        robson::e2e::httpJson(stack.apiUrl(),
                              "POST",
                              "/api/intents/create/",
                              {{"strategy_id", 1}, {"symbol", "BTCUSDT"}, {"capital", "100"}},
                              token);
    const std::string url = stack.apiUrl() + "/api/intents/" +
                            created.body.at("intent_id").get<std::string>() + "/status/";
    const std::string scratch = std::filesystem::path(stack.logFile()).parent_path().string();
    for (const int connections : settings.wrk_connections) {
        const auto before = robson::bench::snapshotPg(stack.databaseUrl());
        report.wrk.push_back(
            robson::bench::runWrk(url, token, connections, settings.wrk_seconds, scratch));
        const auto after = robson::bench::snapshotPg(stack.databaseUrl());
        const auto& last = report.wrk.back();
        if (connections == settings.wrk_connections.front() && last.ok > 0) {
            report.transactions_per_status_get =
                static_cast<double>(after.transactions - before.transactions) /
                static_cast<double>(last.ok + last.unavailable + last.other_status);
        }
        // Let the API drain what the overload left queued before the next level.
        std::this_thread::sleep_for(std::chrono::seconds(2));
    }
}

ScenarioReport runScenario(const Scenario& scenario, const Settings& settings, int index) {
    ScenarioReport report;
    report.scenario = scenario;
    StackOptions options;
    options.with_api = true;
    options.workers_per_pool = scenario.workers_per_pool;
    // The simulator's Binance-like weight limit (6000/min per IP) would cap the run at a few
    // intents per second; the capacity of Robson itself is measured here (see capacity.md).
    options.sim_extra_args = {"--weight-limit", "1000000000"};
    Stack stack(options);
    // The other "machines": the same worker command lines a remote host runs, started after
    // the stack, each with its own metrics port, pointed at the shared broker and PostgreSQL.
    for (int machine = 1; machine < scenario.machines; ++machine) {
        for (const auto& pool : kPools) {
            for (int i = 0; i < scenario.workers_per_pool; ++i) {
                static_cast<void>(stack.startWorker(pool));
            }
        }
    }
    const std::string token = loginNewUser(stack, "bench" + std::to_string(index));
    const int port = postgresPort(stack.databaseUrl());

    // Background: what the idle stack commits (sweeper ticks, worker heartbeats, if any).
    const auto idle_start = Clock::now();
    const auto idle_before = robson::bench::snapshotPg(stack.databaseUrl());
    const auto idle_after = robson::bench::snapshotPg(stack.databaseUrl(), 2000);
    report.background_per_second =
        static_cast<double>(idle_after.transactions - idle_before.transactions) /
        secondsSince(idle_start);

    robson::bench::LoadOptions load;
    load.api_url = stack.apiUrl();
    load.token = token;
    load.clients = scenario.clients;
    load.warmup = std::chrono::seconds(settings.warmup_seconds);
    load.measure = std::chrono::seconds(settings.measure_seconds);
    report.load_average = robson::bench::loadAverage();
    const auto cpu_before = robson::bench::snapshotCpu(port);
    const auto pg_start = Clock::now();
    report.load = robson::bench::runLoad(load);
    report.cpu = robson::bench::cpuUsed(cpu_before, robson::bench::snapshotCpu(port));
    report.cpu_seconds_window = secondsSince(pg_start);
    const auto pg_after = robson::bench::snapshotPg(stack.databaseUrl());
    const double pg_seconds = secondsSince(pg_start) + 1.2;  // the snapshot's settle included
    const double finished = static_cast<double>(report.load.intents_finished);
    if (finished > 0) {
        report.transactions_per_intent =
            (static_cast<double>(pg_after.transactions - idle_after.transactions) -
             report.background_per_second * pg_seconds) /
            finished;
        report.statements = robson::bench::topStatements(idle_after, pg_after, finished, 40);
    }
    for (int machine = 0; machine < scenario.machines; ++machine) {
        double completed = 0;
        for (const auto& pool : kPools) {
            for (int i = 0; i < scenario.workers_per_pool; ++i) {
                completed += jobsCompleted(stack.workerMetricsUrl(
                    pool, static_cast<std::size_t>(machine * scenario.workers_per_pool + i)));
            }
        }
        report.completed_by_machine.push_back(completed);
    }
    if (scenario.wrk) {
        measureStatusReads(stack, token, settings, report);
    }
    return report;
}

std::string percentiles(const std::vector<double>& samples) {
    char text[64];
    std::snprintf(text,
                  sizeof text,
                  "%.1f / %.1f",
                  robson::bench::percentile(samples, 50),
                  robson::bench::percentile(samples, 99));
    return text;
}

double intentsPerSecond(const ScenarioReport& report) {
    return static_cast<double>(report.load.dry_runs_executed) / report.load.seconds;
}

void printThroughput(const std::vector<ScenarioReport>& reports) {
    std::printf(
        "\n## End-to-end DRY-RUN intents (create over HTTP -> VALIDATED -> execute DRY_RUN)\n\n"
        "| scenario | clients | workers/pool | machines | DRY-RUN intents/s | create->VALIDATED "
        "p50 / p99 ms | create answer p50 / p99 ms | execute answer p50 / p99 ms | n | errors | "
        "not validated | PG xacts/intent | status GETs/intent | load avg (1 min) |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const auto& r : reports) {
        std::printf(
            "| %s | %d | %d | %d | %.1f | %s | %s | %s | %zu | %lld | %lld | %.1f | %.1f | "
            "%.1f |\n",
            r.scenario.name.c_str(),
            r.scenario.clients,
            r.scenario.workers_per_pool,
            r.scenario.machines,
            intentsPerSecond(r),
            percentiles(r.load.validated_ms).c_str(),
            percentiles(r.load.create_ms).c_str(),
            percentiles(r.load.executed_ms).c_str(),
            r.load.validated_ms.size(),
            static_cast<long long>(r.load.http_errors),
            static_cast<long long>(r.load.not_validated),
            r.transactions_per_intent,
            r.load.intents_finished > 0 ? static_cast<double>(r.load.status_gets) /
                                              static_cast<double>(r.load.intents_started)
                                        : 0.0,
            r.load_average);
    }
}

void printCpu(const std::vector<ScenarioReport>& reports) {
    const std::vector<std::string> roles{"api",
                                         "broker",
                                         "sweeper",
                                         "sim",
                                         "worker:plan",
                                         "worker:validate",
                                         "worker:execute",
                                         "postgres",
                                         "loadgen",
                                         "machine"};
    std::printf(
        "\n## CPU during the load, %% of one core (machine: all cores, every process)\n\n|"
        " scenario |");
    for (const auto& role : roles) {
        std::printf(" %s |", role.c_str());
    }
    std::printf("\n|---|");
    for (std::size_t i = 0; i < roles.size(); ++i) {
        std::printf("---|");
    }
    std::printf("\n");
    for (const auto& r : reports) {
        std::printf("| %s |", r.scenario.name.c_str());
        for (const auto& role : roles) {
            const auto found = r.cpu.find(role);
            const double seconds = found == r.cpu.end() ? 0 : found->second;
            std::printf(" %.0f |", 100.0 * seconds / r.cpu_seconds_window);
        }
        std::printf("\n");
    }
}

void printStatements(const ScenarioReport& r) {
    std::printf("\n## What PostgreSQL ran per intent (%s)\n\n", r.scenario.name.c_str());
    std::printf(
        "Transactions per DRY-RUN intent (pg_stat_database, idle background of %.1f/s "
        "removed): %.1f\n",
        r.background_per_second,
        r.transactions_per_intent);
    if (r.statements.empty()) {
        std::printf("(pg_stat_statements is not installed in this database: no breakdown)\n");
        return;
    }
    std::printf("\n| calls/intent | ms/intent | statement (pg_stat_statements) |\n|---|---|---|\n");
    for (const auto& s : r.statements) {
        std::string text = s.text.substr(0, 160);
        for (char& c : text) {
            if (c == '\n' || c == '|') {
                c = ' ';
            }
        }
        std::printf("| %.2f | %.3f | `%s` |\n", s.calls_per_unit, s.ms_per_unit, text.c_str());
    }
}

void printMachines(const std::vector<ScenarioReport>& reports) {
    for (const auto& r : reports) {
        if (r.scenario.machines < 2) {
            continue;
        }
        std::printf("\nJobs completed per machine (%s):", r.scenario.name.c_str());
        for (std::size_t m = 0; m < r.completed_by_machine.size(); ++m) {
            std::printf(" machine %zu: %.0f;", m + 1, r.completed_by_machine[m]);
        }
        std::printf("\n");
    }
}

void printWrk(const ScenarioReport& r) {
    std::printf(
        "\n## Status GETs with wrk (one intent, keep-alive, 2 wrk threads, %s)\n\n"
        "| connections | req/s | p50 ms | p99 ms | 200 | 503 | other status | connect "
        "errors | read errors | write errors | timeouts |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|\n",
        r.scenario.name.c_str());
    for (const auto& w : r.wrk) {
        if (!w.ran) {
            std::printf("| %d | (not run: %s) |\n", w.connections, w.error.c_str());
            continue;
        }
        std::printf(
            "| %d | %.0f | %.2f | %.2f | %lld | %lld | %lld | %lld | %lld | %lld | %lld |\n",
            w.connections,
            w.requests_per_second,
            w.p50_ms,
            w.p99_ms,
            w.ok,
            w.unavailable,
            w.other_status,
            w.connect_errors,
            w.read_errors,
            w.write_errors,
            w.timeouts);
    }
    std::printf("\nPostgreSQL transactions per status GET: %.2f\n", r.transactions_per_status_get);
}

void printPgbench(const std::vector<ScenarioReport>& reports, const Settings& settings) {
    if (settings.pgbench_script.empty()) {
        return;
    }
    // The first scenario's user and tenant own the pgbench intents.
    const char* url = std::getenv("DATABASE_URL");  // NOLINT(concurrency-mt-unsafe)
    std::string variables;
    {
        pqxx::connection connection(url);
        pqxx::nontransaction txn(connection);
        const auto owner = txn.exec("SELECT id, tenant_id FROM users WHERE username = 'bench0'")[0];
        variables =
            "-D user=" + owner[0].as<std::string>() + " -D tenant=" + owner[1].as<std::string>();
    }
    std::printf(
        "\n## The pipeline's SQL alone (pgbench %s, same PostgreSQL) vs the system\n\n"
        "| clients | pgbench intents/s | pgbench latency ms | system DRY-RUN intents/s | "
        "system / pgbench |\n|---|---|---|---|---|\n",
        settings.pgbench_script.c_str());
    for (const auto& r : reports) {
        if (r.scenario.workers_per_pool != 1 || r.scenario.machines != 1) {
            continue;
        }
        const auto pg = robson::bench::runPgbench(
            url, settings.pgbench_script, variables, r.scenario.clients, settings.pgbench_seconds);
        if (!pg.ran) {
            std::printf("| %d | (not run: %s) |\n", r.scenario.clients, pg.error.c_str());
            continue;
        }
        std::printf("| %d | %.0f | %.2f | %.1f | %.3f |\n",
                    r.scenario.clients,
                    pg.scripts_per_second,
                    pg.latency_ms,
                    intentsPerSecond(r),
                    intentsPerSecond(r) / pg.scripts_per_second);
    }
}

Settings parse(int argc, char** argv) {
    Settings settings;
    const std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool has_value = i + 1 < args.size();
        if (args[i] == "--measure-seconds" && has_value) {
            settings.measure_seconds = std::stoi(args[++i]);
        } else if (args[i] == "--warmup-seconds" && has_value) {
            settings.warmup_seconds = std::stoi(args[++i]);
        } else if (args[i] == "--wrk-seconds" && has_value) {
            settings.wrk_seconds = std::stoi(args[++i]);
        } else if (args[i] == "--pgbench-seconds" && has_value) {
            settings.pgbench_seconds = std::stoi(args[++i]);
        } else if (args[i] == "--pgbench-script" && has_value) {
            settings.pgbench_script = args[++i];
        } else if (args[i] == "--no-scaling") {
            settings.scaling = false;
        } else {
            throw std::invalid_argument(
                "usage: system_bench [--measure-seconds N] [--warmup-seconds N] [--wrk-seconds N] "
                "[--pgbench-seconds N] [--pgbench-script FILE] [--no-scaling]  (DATABASE_URL set, "
                "see run_system_bench.sh)");
        }
    }
    return settings;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Settings settings = parse(argc, argv);
        std::vector<Scenario> scenarios{{"1 client", 1, 1, 1, false},
                                        {"16 clients", 16, 1, 1, true}};
        if (settings.scaling) {
            scenarios.push_back({"16 clients, 2 workers/pool", 16, 2, 1, false});
            scenarios.push_back({"16 clients, 4 workers/pool", 16, 4, 1, false});
            scenarios.push_back({"16 clients, 2 machines x 2 workers/pool", 16, 2, 2, false});
        }
        std::vector<ScenarioReport> reports;
        for (std::size_t i = 0; i < scenarios.size(); ++i) {
            std::fprintf(stderr, "system_bench: %s ...\n", scenarios[i].name.c_str());
            reports.push_back(runScenario(scenarios[i], settings, static_cast<int>(i)));
        }
        std::printf("# system_bench: %d s measured after %d s warm-up per scenario; %u cores\n",
                    settings.measure_seconds,
                    settings.warmup_seconds,
                    std::thread::hardware_concurrency());
        printThroughput(reports);
        printCpu(reports);
        printMachines(reports);
        for (const auto& r : reports) {
            if (r.scenario.clients == 16 && r.scenario.workers_per_pool == 1) {
                printStatements(r);
            }
            if (r.scenario.wrk) {
                printWrk(r);
            }
        }
        printPgbench(reports, settings);
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "system_bench: %s\n", error.what());
        return 1;
    }
}
