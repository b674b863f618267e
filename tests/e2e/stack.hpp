#pragma once
// The whole pipeline as real processes on free loopback ports, over the throw-away PostgreSQL
// that tests/support/with_postgres.sh provides (DATABASE_URL): the exchange simulator, the
// broker, the sweeper, one worker per pool and (optionally) the API.

#include "child_process.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace robson::e2e {

struct StackOptions {
    bool with_api = false;
    std::string web_root;  ///< when set, the API serves the built UI from there
    /// The simulator's keys (its demo keys when empty: what the workers use by default).
    std::string sim_api_key;
    std::string sim_api_secret;
    /// ROBSON_SECRET_KEY for the workers (tenants' stored keys are read only with it).
    std::string secret_key_hex;
    int workers_per_pool = 1;
    /// Workers of the scan pool (the pattern scanner); none unless a test scans.
    int scan_workers = 0;
    /// The simulator's kline CSVs (--data); its shipped sim/data/ when empty.
    std::string sim_data_dir;
    /// More simulator flags (the system benchmark lifts its request-weight limit).
    std::vector<std::string> sim_extra_args;
    /// More flags for every worker, restarted ones included (e.g. --concurrent-executions).
    std::vector<std::string> worker_extra_args;
    /// The simulator, the broker and the API serve /metrics too (on free ports; the sweeper
    /// and the workers always do): metricsTargets() lists them all.
    bool all_metrics = false;
};

/// A process's /metrics endpoint as Prometheus scrapes it: its job and pool, "host:port".
struct MetricsTarget {
    std::string job;   ///< sim, api, broker, sweeper, worker
    std::string pool;  ///< the worker's pool (plan, validate, execute, scan); "" otherwise
    std::string address;
};

class Stack {
public:
    explicit Stack(StackOptions options = {});
    ~Stack();
    Stack(const Stack&) = delete;
    Stack& operator=(const Stack&) = delete;
    Stack(Stack&&) = delete;
    Stack& operator=(Stack&&) = delete;

    [[nodiscard]] const std::string& databaseUrl() const { return database_url_; }
    [[nodiscard]] const std::string& simulatorUrl() const { return simulator_->readyValue(); }
    [[nodiscard]] const std::string& brokerEndpoint() const { return broker_->readyValue(); }
    [[nodiscard]] std::string apiUrl() const;
    /// The /metrics URL of the sweeper, and of worker `index` of a pool.
    [[nodiscard]] const std::string& sweeperMetricsUrl() const { return sweeper_->readyValue(); }
    [[nodiscard]] const std::string& workerMetricsUrl(const std::string& service,
                                                      std::size_t index) const {
        return workers_.at(service).at(index)->readyValue();
    }
    /// The text a /metrics URL serves.
    [[nodiscard]] static std::string scrape(const std::string& url);
    [[nodiscard]] const std::string& logFile() const { return log_file_; }
    /// Every /metrics endpoint of the stack's running processes (see all_metrics).
    [[nodiscard]] std::vector<MetricsTarget> metricsTargets() const;
    /// The directory of the stack's log and scratch files (removed at the end).
    [[nodiscard]] const std::string& runDir() const { return run_dir_; }

    /// Starts one more worker of a pool (returns its index in that pool).
    std::size_t startWorker(const std::string& service);
    /// SIGKILLs worker `index` of a pool.
    void killWorker(const std::string& service, std::size_t index);
    /// The pid of worker `index` of a pool: its claims' lease_owner is "<host>:<pid>:<service>".
    [[nodiscard]] long workerPid(const std::string& service, std::size_t index) const;
    /// Puts a new process in the place of worker `index` of a pool (after killWorker).
    void restartWorker(const std::string& service, std::size_t index);
    /// SIGKILL, as a crash would, then a new process: the broker on the same endpoint (the
    /// others reconnect to it), the sweeper, the API (on a new port: apiUrl() follows).
    void killAndRestartBroker();
    void killAndRestartSweeper();
    void killAndRestartApi();

    /// A query's rows (a fresh connection each time: tests are not hot paths).
    [[nodiscard]] pqxx::result sql(const std::string& query) const;
    /// Runs a statement and commits it.
    void exec(const std::string& statement) const;

    /// The simulator's admin endpoint: POST (body given) or GET.
    nlohmann::json simAdmin(const std::string& what, const nlohmann::json* body = nullptr) const;

    /// Polls the intent's status until it is one of `wanted`, or throws after `timeout` with
    /// the last status seen.
    std::string waitForStatus(const std::string& intent_id,
                              const std::vector<std::string>& wanted,
                              std::chrono::milliseconds timeout = std::chrono::seconds(30)) const;

    /// Creates a tenant (and returns its id) for tests that bypass the API.
    [[nodiscard]] std::int64_t createTenant(const std::string& name) const;

    /// Inserts an intent in PLANNING with its plan job and sends the job through the broker,
    /// as the API does. Returns the intent id.
    std::string submitIntent(std::int64_t tenant_id,
                             const std::string& symbol,
                             const std::string& side,
                             const std::string& capital,
                             int strategy_id = 1);
    /// VALIDATED → EXECUTING with its execute job, as the API does; sends the job.
    void requestExecution(const std::string& intent_id, const std::string& mode);

private:
    void sendJob(std::int64_t job_id) const;
    std::map<std::string, std::string> workerEnvironment() const;
    [[nodiscard]] std::vector<std::string> workerArgs(const std::string& service) const;

    StackOptions options_;
    std::string database_url_;
    std::string log_file_;
    std::string run_dir_;
    std::unique_ptr<ChildProcess> simulator_;
    std::unique_ptr<ChildProcess> broker_;
    std::unique_ptr<ChildProcess> sweeper_;
    std::map<std::string, std::vector<std::unique_ptr<ChildProcess>>> workers_;
    std::unique_ptr<ChildProcess> api_;
};

}  // namespace robson::e2e
