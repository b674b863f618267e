#pragma once
// What PostgreSQL did during a benchmark window: committed transactions (pg_stat_database)
// and, when the pg_stat_statements extension is installed, calls per statement.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace robson::bench {

struct PgActivity {
    std::int64_t transactions = 0;                ///< xact_commit + xact_rollback
    std::map<std::string, std::int64_t> calls;    ///< statement text → calls (if available)
    std::map<std::string, double> total_time_ms;  ///< statement text → execution time
};

/// A snapshot now. Waits `settle_ms` first: backends publish their counters about once a
/// second while busy, so a snapshot right after activity would miss the last second.
[[nodiscard]] PgActivity snapshotPg(const std::string& database_url, int settle_ms = 1200);

struct StatementShare {
    std::string text;
    double calls_per_unit = 0;  ///< calls / units (e.g. per intent)
    double ms_per_unit = 0;
};

/// `after - before`: transactions, and the statements with the most calls, per `units`.
[[nodiscard]] std::vector<StatementShare> topStatements(const PgActivity& before,
                                                        const PgActivity& after,
                                                        double units,
                                                        std::size_t how_many);

/// True when pg_stat_statements answers in this database.
[[nodiscard]] bool hasStatementStats(const std::string& database_url);

}  // namespace robson::bench
