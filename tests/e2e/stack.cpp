#include "stack.hpp"

#include "robson/bus/job_sender.hpp"
#include "robson/store/job_queue.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace robson::e2e {
namespace {

std::string requiredEnvironment(const char* name) {
    const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): test set-up
    if (value == nullptr || *value == '\0') {
        throw std::runtime_error(std::string(name) +
                                 " is not set: run under tests/support/with_postgres.sh");
    }
    return value;
}

std::string randomHex(std::size_t length) {
    static std::mt19937_64 generator{std::random_device{}()};
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < length; ++i) {
        out += digits[generator() % 16];
    }
    return out;
}

}  // namespace

Stack::Stack(StackOptions options) : options_(options) {
    database_url_ = requiredEnvironment("DATABASE_URL");
    run_dir_ = std::filesystem::temp_directory_path() / ("robson-e2e-" + randomHex(8));
    std::filesystem::create_directories(run_dir_);
    log_file_ = run_dir_ + "/stack.log";
    std::vector<std::string> sim_args{"--port", "0", "--seed", "7"};
    if (!options_.sim_data_dir.empty()) {
        sim_args.insert(sim_args.end(), {"--data", options_.sim_data_dir});
    }
    if (!options_.sim_api_key.empty()) {
        sim_args.insert(
            sim_args.end(),
            {"--api-key", options_.sim_api_key, "--api-secret", options_.sim_api_secret});
    }
    sim_args.insert(sim_args.end(), options_.sim_extra_args.begin(), options_.sim_extra_args.end());
    const std::vector<std::string> metrics_args =
        options_.all_metrics ? std::vector<std::string>{"--metrics", "127.0.0.1:0"}
                             : std::vector<std::string>{};
    sim_args.insert(sim_args.end(), metrics_args.begin(), metrics_args.end());
    simulator_ = std::make_unique<ChildProcess>(
        Programs::simulator(),
        sim_args,
        std::map<std::string, std::string>{},
        log_file_,
        "robson-exchange-sim listening on ",
        options_.all_metrics ? "robson-exchange-sim metrics on " : "");
    std::vector<std::string> broker_args{"--bind", "tcp://127.0.0.1:*"};
    broker_args.insert(broker_args.end(), metrics_args.begin(), metrics_args.end());
    broker_ =
        std::make_unique<ChildProcess>(Programs::broker(),
                                       broker_args,
                                       std::map<std::string, std::string>{},
                                       log_file_,
                                       "robson-broker listening on ",
                                       options_.all_metrics ? "robson-broker metrics on " : "");
    sweeper_ = std::make_unique<ChildProcess>(Programs::sweeper(),
                                              std::vector<std::string>{"--broker",
                                                                       brokerEndpoint(),
                                                                       "--database",
                                                                       database_url_,
                                                                       "--interval-ms",
                                                                       "200",
                                                                       "--redispatch-ms",
                                                                       "1500",
                                                                       "--metrics",
                                                                       "127.0.0.1:0"},
                                              std::map<std::string, std::string>{},
                                              log_file_,
                                              "robson-sweeper metrics on ");
    for (const char* service : {"plan", "validate", "execute"}) {
        for (int i = 0; i < options_.workers_per_pool; ++i) {
            static_cast<void>(startWorker(service));
        }
    }
    for (int i = 0; i < options_.scan_workers; ++i) {
        static_cast<void>(startWorker("scan"));
    }
    if (options_.with_api) {
        std::vector<std::string> args{"--port",
                                      "0",
                                      "--database",
                                      database_url_,
                                      "--broker",
                                      brokerEndpoint(),
                                      "--exchange",
                                      simulatorUrl(),
                                      "--jwt-secret-file",
                                      run_dir_ + "/jwt.secret"};
        if (!options_.web_root.empty()) {
            args.insert(args.end(), {"--web-root", options_.web_root});
        }
        args.insert(args.end(), metrics_args.begin(), metrics_args.end());
        api_ = std::make_unique<ChildProcess>(Programs::api(),
                                              args,
                                              std::map<std::string, std::string>{},
                                              log_file_,
                                              "robson-api listening on ",
                                              options_.all_metrics ? "robson-api metrics on " : "");
    }
}

Stack::~Stack() {
    api_.reset();
    workers_.clear();
    sweeper_.reset();
    broker_.reset();
    simulator_.reset();
    // ROBSON_E2E_KEEP=1 keeps the logs of the processes for a post-mortem.
    if (std::getenv("ROBSON_E2E_KEEP") == nullptr) {  // NOLINT(concurrency-mt-unsafe)
        std::error_code ignored;
        std::filesystem::remove_all(run_dir_, ignored);
    }
}

std::string Stack::apiUrl() const {
    if (!api_) {
        throw std::logic_error("the stack runs without the API");
    }
    return api_->readyValue();
}

namespace {

/// "http://127.0.0.1:9101/metrics" → "127.0.0.1:9101"
std::string hostPort(const std::string& metrics_url) {
    const Poco::URI uri(metrics_url);
    return uri.getHost() + ":" + std::to_string(uri.getPort());
}

}  // namespace

std::vector<MetricsTarget> Stack::metricsTargets() const {
    std::vector<MetricsTarget> targets;
    if (options_.all_metrics) {
        targets.push_back({"sim", "", hostPort(simulator_->secondValue())});
        targets.push_back({"broker", "", hostPort(broker_->secondValue())});
        if (api_) {
            targets.push_back({"api", "", hostPort(api_->secondValue())});
        }
    }
    targets.push_back({"sweeper", "", hostPort(sweeper_->readyValue())});
    for (const auto& [pool, workers] : workers_) {
        for (const auto& worker : workers) {
            if (worker->running()) {
                targets.push_back({"worker", pool, hostPort(worker->readyValue())});
            }
        }
    }
    return targets;
}

std::map<std::string, std::string> Stack::workerEnvironment() const {
    std::map<std::string, std::string> env{{"DATABASE_URL", database_url_},
                                           {"ROBSON_EXCHANGE_URL", simulatorUrl()}};
    if (!options_.secret_key_hex.empty()) {
        env["ROBSON_SECRET_KEY"] = options_.secret_key_hex;
    }
    return env;
}

std::vector<std::string> Stack::workerArgs(const std::string& service) const {
    std::vector<std::string> args{
        "--service", service, "--broker", brokerEndpoint(), "--metrics", "127.0.0.1:0"};
    args.insert(args.end(), options_.worker_extra_args.begin(), options_.worker_extra_args.end());
    return args;
}

std::size_t Stack::startWorker(const std::string& service) {
    auto& pool = workers_[service];
    pool.push_back(std::make_unique<ChildProcess>(Programs::worker(),
                                                  workerArgs(service),
                                                  workerEnvironment(),
                                                  log_file_,
                                                  "robson-worker metrics on "));
    return pool.size() - 1;
}

void Stack::killWorker(const std::string& service, std::size_t index) {
    workers_.at(service).at(index)->kill();
}

long Stack::workerPid(const std::string& service, std::size_t index) const {
    return workers_.at(service).at(index)->pid();
}

void Stack::restartWorker(const std::string& service, std::size_t index) {
    workers_.at(service).at(index) = std::make_unique<ChildProcess>(Programs::worker(),
                                                                    workerArgs(service),
                                                                    workerEnvironment(),
                                                                    log_file_,
                                                                    "robson-worker metrics on ");
}

void Stack::killAndRestartBroker() {
    const std::string endpoint = brokerEndpoint();
    broker_->kill();
    broker_.reset();
    // The port may stay busy for a moment after the kill: retry the bind.
    for (int attempt = 1;; ++attempt) {
        try {
            broker_ = std::make_unique<ChildProcess>(Programs::broker(),
                                                     std::vector<std::string>{"--bind", endpoint},
                                                     std::map<std::string, std::string>{},
                                                     log_file_,
                                                     "robson-broker listening on ");
            return;
        } catch (const std::exception&) {
            if (attempt >= 20) {
                throw;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
    }
}

void Stack::killAndRestartSweeper() {
    sweeper_->kill();
    sweeper_ = std::make_unique<ChildProcess>(Programs::sweeper(),
                                              std::vector<std::string>{"--broker",
                                                                       brokerEndpoint(),
                                                                       "--database",
                                                                       database_url_,
                                                                       "--interval-ms",
                                                                       "200",
                                                                       "--redispatch-ms",
                                                                       "1500",
                                                                       "--metrics",
                                                                       "127.0.0.1:0"},
                                              std::map<std::string, std::string>{},
                                              log_file_,
                                              "robson-sweeper metrics on ");
}

void Stack::killAndRestartApi() {
    if (!api_) {
        throw std::logic_error("the stack runs without the API");
    }
    api_->kill();
    std::vector<std::string> args{"--port",
                                  "0",
                                  "--database",
                                  database_url_,
                                  "--broker",
                                  brokerEndpoint(),
                                  "--exchange",
                                  simulatorUrl(),
                                  "--jwt-secret-file",
                                  run_dir_ + "/jwt.secret"};
    if (!options_.web_root.empty()) {
        args.insert(args.end(), {"--web-root", options_.web_root});
    }
    api_ = std::make_unique<ChildProcess>(Programs::api(),
                                          args,
                                          std::map<std::string, std::string>{},
                                          log_file_,
                                          "robson-api listening on ");
}

pqxx::result Stack::sql(const std::string& query) const {
    pqxx::connection connection(database_url_);
    pqxx::read_transaction txn(connection);
    return txn.exec(query);
}

void Stack::exec(const std::string& statement) const {
    pqxx::connection connection(database_url_);
    pqxx::work txn(connection);
    txn.exec(statement);
    txn.commit();
}

nlohmann::json Stack::simAdmin(const std::string& what, const nlohmann::json* body) const {
    const Poco::URI uri(simulatorUrl());
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(
        body != nullptr ? "POST" : "GET", "/sim/admin/" + what, Poco::Net::HTTPMessage::HTTP_1_1);
    const std::string payload = body != nullptr ? body->dump() : "";
    if (body != nullptr) {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(payload.size()));
    }
    session.sendRequest(request) << payload;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
}

std::string Stack::scrape(const std::string& url) {
    const Poco::URI uri(url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request("GET", uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string Stack::waitForStatus(const std::string& intent_id,
                                 const std::vector<std::string>& wanted,
                                 std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string status;
    while (std::chrono::steady_clock::now() < deadline) {
        const auto rows =
            sql("SELECT status::text FROM trading_intents WHERE id = '" + intent_id + "'");
        status = rows.empty() ? "<missing>" : rows[0][0].as<std::string>();
        for (const auto& one : wanted) {
            if (status == one) {
                return status;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("intent " + intent_id + " is still " + status + " after " +
                             std::to_string(timeout.count()) + " ms (logs: " + log_file_ + ")");
}

std::int64_t Stack::createTenant(const std::string& name) const {
    pqxx::connection connection(database_url_);
    pqxx::work txn(connection);
    const auto id =
        txn.exec_params("INSERT INTO tenants (name) VALUES ($1) RETURNING id", name)[0][0]
            .as<std::int64_t>();
    txn.commit();
    return id;
}

void Stack::sendJob(std::int64_t job_id) const {
    const auto rows =
        sql("SELECT kind, intent_id, tenant_id::text, attempt, "
            "(extract(epoch FROM deadline) * 1000)::bigint FROM jobs WHERE id = " +
            std::to_string(job_id));
    wire::JobEnvelope envelope;
    envelope.job_id = job_id;
    envelope.kind = *wire::parseJobKind(rows[0][0].as<std::string>());
    envelope.intent_id = rows[0][1].as<std::string>();
    envelope.tenant = rows[0][2].as<std::string>();
    envelope.attempt = rows[0][3].as<int>() + 1;
    envelope.deadline_ms = rows[0][4].as<std::int64_t>();
    zmq::context_t context(1);
    bus::JobSender sender(context, brokerEndpoint());
    // IMMEDIATE: the first sends may find the connection still being made.
    for (int i = 0; i < 100 && !sender.send(envelope); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

std::string Stack::submitIntent(std::int64_t tenant_id,
                                const std::string& symbol,
                                const std::string& side,
                                const std::string& capital,
                                int strategy_id) {
    const std::string intent_id = "intent-" + randomHex(16);
    std::int64_t job_id = 0;
    {
        pqxx::connection connection(database_url_);
        pqxx::work txn(connection);
        txn.exec_params(
            "INSERT INTO trading_intents (id, tenant_id, strategy_id, symbol, side, timeframe, "
            "capital, status) VALUES ($1, $2, $3, $4, $5, '15m', $6::numeric, 'PLANNING')",
            intent_id,
            tenant_id,
            strategy_id,
            symbol,
            side,
            capital);
        store::NewJob job;
        job.intent_id = intent_id;
        job.tenant_id = tenant_id;
        job.kind = wire::JobKind::Plan;
        job_id = store::enqueueJob(txn, job)->job_id;
        txn.commit();
    }
    sendJob(job_id);
    return intent_id;
}

void Stack::requestExecution(const std::string& intent_id, const std::string& mode) {
    std::int64_t job_id = 0;
    {
        pqxx::connection connection(database_url_);
        pqxx::work txn(connection);
        const auto moved = txn.exec_params(
            "UPDATE trading_intents SET status = 'EXECUTING' WHERE id = $1 AND status = "
            "'VALIDATED' RETURNING tenant_id",
            intent_id);
        if (moved.empty()) {
            throw std::runtime_error("intent " + intent_id + " is not VALIDATED");
        }
        store::NewJob job;
        job.intent_id = intent_id;
        job.tenant_id = moved[0][0].as<std::int64_t>();
        job.kind = wire::JobKind::Execute;
        job.payload_json = nlohmann::json{{"mode", mode}}.dump();
        job_id = store::enqueueJob(txn, job)->job_id;
        txn.commit();
    }
    sendJob(job_id);
}

}  // namespace robson::e2e
