#include "sweeper_metrics.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

namespace robson::workers {
namespace {

const std::vector<std::string> kServices{"plan", "validate", "execute", "scan"};
const std::vector<std::string> kStates{"ready", "running", "retry", "dead"};
const std::vector<std::string> kStatuses{
    "PLANNING", "PENDING", "VALIDATED", "REJECTED", "EXECUTING", "EXECUTED", "FAILED", "CANCELLED"};
/// The statuses a worker owes progress on (VALIDATED waits for a person, not a worker).
const std::vector<std::string> kInProgress{"PLANNING", "PENDING", "EXECUTING"};
const std::vector<std::string> kPatternStates{
    "DETECTED", "CONFIRMED", "CONSUMED", "EXPIRED", "INVALIDATED"};

}  // namespace

SweeperMetrics::SweeperMetrics(prometheus::Registry& registry)
    : unprotected_age_(prometheus::BuildGauge()
                           .Name("robson_unprotected_position_age_seconds")
                           .Help("Age of the oldest filled LIVE entry without a confirmed stop "
                                 "on the exchange (0 when every position is protected)")
                           .Register(registry)
                           .Add({})),
      last_run_(prometheus::BuildGauge()
                    .Name("robson_sweeper_last_run_timestamp_seconds")
                    .Help("When the sweeper last completed a round")
                    .Register(registry)
                    .Add({})) {
    auto& jobs = prometheus::BuildGauge()
                     .Name("robson_jobs")
                     .Help("Jobs in PostgreSQL by service and state")
                     .Register(registry);
    auto& oldest = prometheus::BuildGauge()
                       .Name("robson_job_oldest_ready_age_seconds")
                       .Help("Age of the oldest job waiting to be claimed (0 when none)")
                       .Register(registry);
    auto& resent = prometheus::BuildCounter()
                       .Name("robson_sweeper_redispatched_total")
                       .Help(
                           "Jobs the sweeper sent again (never claimed, retry due, lease "
                           "expired)")
                       .Register(registry);
    for (const auto& service : kServices) {
        for (const auto& state : kStates) {
            jobs_[{service, state}] = &jobs.Add({{"service", service}, {"state", state}});
        }
        oldest_ready_[service] = &oldest.Add({{"service", service}});
        resent_[service] = &resent.Add({{"service", service}});
    }
    auto& intents = prometheus::BuildGauge()
                        .Name("robson_intents")
                        .Help("Trading intents by status")
                        .Register(registry);
    for (const auto& status : kStatuses) {
        intents_[status] = &intents.Add({{"status", status}});
    }
    auto& in_progress = prometheus::BuildGauge()
                            .Name("robson_intent_oldest_in_progress_age_seconds")
                            .Help(
                                "How long the oldest intent a worker owes progress on has been "
                                "in its status, by status (0 when none)")
                            .Register(registry);
    for (const auto& status : kInProgress) {
        oldest_in_progress_[status] = &in_progress.Add({{"status", status}});
    }
    auto& instances = prometheus::BuildGauge()
                          .Name("robson_pattern_instances")
                          .Help("Pattern instances the scanner recorded, by state")
                          .Register(registry);
    for (const auto& state : kPatternStates) {
        patterns_[state] = &instances.Add({{"state", state}});
    }
}

void SweeperMetrics::refresh(pqxx::connection& db) {
    pqxx::read_transaction txn(db);
    for (auto& [key, gauge] : jobs_) {
        gauge->Set(0);
    }
    for (const auto& row :
         txn.exec("SELECT kind, state::text, count(*) FROM jobs "
                  " WHERE state IN ('ready', 'running', 'retry', 'dead') GROUP BY kind, state")) {
        const auto found = jobs_.find({row[0].as<std::string>(), row[1].as<std::string>()});
        if (found != jobs_.end()) {
            found->second->Set(row[2].as<double>());
        }
    }
    for (auto& [service, gauge] : oldest_ready_) {
        gauge->Set(0);
    }
    for (const auto& row :
         txn.exec("SELECT kind, extract(epoch FROM now() - min(created_at)) FROM jobs "
                  " WHERE state = 'ready' GROUP BY kind")) {
        const auto found = oldest_ready_.find(row[0].as<std::string>());
        if (found != oldest_ready_.end()) {
            found->second->Set(row[1].as<double>());
        }
    }
    for (auto& [status, gauge] : intents_) {
        gauge->Set(0);
    }
    for (const auto& row :
         txn.exec("SELECT status::text, count(*) FROM trading_intents GROUP BY status")) {
        const auto found = intents_.find(row[0].as<std::string>());
        if (found != intents_.end()) {
            found->second->Set(row[1].as<double>());
        }
    }
    refreshOldestInProgress(txn);
    for (auto& [state, gauge] : patterns_) {
        gauge->Set(0);
    }
    for (const auto& row :
         txn.exec("SELECT state, count(*) FROM pattern_instances GROUP BY state")) {
        const auto found = patterns_.find(row[0].as<std::string>());
        if (found != patterns_.end()) {
            found->second->Set(row[1].as<double>());
        }
    }
    // A filled LIVE entry is protected once its stop is on the exchange (open or filled) or
    // the position was closed by a filled exit.
    const auto unprotected = txn.exec(
        "SELECT coalesce(extract(epoch FROM now() - min(e.updated_at)), 0) FROM orders e "
        " WHERE e.role = 'ENTRY' AND e.mode = 'LIVE' AND e.executed_quantity > 0 "
        "   AND NOT EXISTS (SELECT 1 FROM orders p WHERE p.intent_id = e.intent_id "
        "                      AND p.mode = 'LIVE' AND ((p.role = 'STOP_LOSS' AND p.state IN "
        "                      ('NEW', 'PARTIALLY_FILLED', 'FILLED')) OR (p.role = 'EXIT' "
        "                      AND p.state = 'FILLED')))");
    unprotected_age_.Set(unprotected[0][0].as<double>());
    last_run_.Set(
        std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count());
}

void SweeperMetrics::refreshOldestInProgress(pqxx::transaction_base& txn) {
    for (auto& [status, gauge] : oldest_in_progress_) {
        gauge->Set(0);
    }
    // "In its status since": the later of the intent's last update and its newest job (not
    // every transition touches updated_at; every stage hand-over creates a job).
    for (const auto& row : txn.exec(
             "SELECT i.status::text, extract(epoch FROM now() - min(greatest(i.updated_at, "
             "       coalesce((SELECT max(j.created_at) FROM jobs j WHERE j.intent_id = i.id), "
             "                i.updated_at)))) "
             "  FROM trading_intents i "
             " WHERE i.status IN ('PLANNING', 'PENDING', 'EXECUTING') GROUP BY i.status")) {
        const auto found = oldest_in_progress_.find(row[0].as<std::string>());
        if (found != oldest_in_progress_.end()) {
            found->second->Set(std::max(0.0, row[1].as<double>()));
        }
    }
}

void SweeperMetrics::resent(const std::string& service) {
    const auto found = resent_.find(service);
    if (found != resent_.end()) {
        found->second->Increment();
    }
}

}  // namespace robson::workers
