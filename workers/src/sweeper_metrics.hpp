#pragma once

#include <pqxx/pqxx>
#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <map>
#include <string>
#include <utility>

namespace robson::workers {

/// What the sweeper sees in PostgreSQL, as metrics (docs/metrics.md): jobs by service and
/// state, the age of the oldest ready job, intents by status, pattern instances by state,
/// re-sends, and the safety gauge
/// "age of the oldest filled LIVE entry without a stop on the exchange". One process computes
/// them (the active sweeper), so they are not multiplied by the number of workers.
class SweeperMetrics {
public:
    explicit SweeperMetrics(prometheus::Registry& registry);

    /// Re-reads the gauges from the database.
    void refresh(pqxx::connection& db);
    void resent(const std::string& service);

private:
    void refreshOldestInProgress(pqxx::transaction_base& txn);

    std::map<std::pair<std::string, std::string>, prometheus::Gauge*> jobs_;
    std::map<std::string, prometheus::Gauge*> oldest_ready_;
    std::map<std::string, prometheus::Gauge*> intents_;
    std::map<std::string, prometheus::Gauge*> oldest_in_progress_;
    std::map<std::string, prometheus::Gauge*> patterns_;
    std::map<std::string, prometheus::Counter*> resent_;
    prometheus::Gauge& unprotected_age_;
    prometheus::Gauge& last_run_;
};

}  // namespace robson::workers
