#include "pg_activity.hpp"

#include <pqxx/pqxx>

#include <algorithm>
#include <chrono>
#include <thread>

namespace robson::bench {

bool hasStatementStats(const std::string& database_url) {
    pqxx::connection connection(database_url);
    pqxx::nontransaction txn(connection);
    return !txn.exec("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'").empty();
}

PgActivity snapshotPg(const std::string& database_url, int settle_ms) {
    std::this_thread::sleep_for(std::chrono::milliseconds(settle_ms));
    PgActivity activity;
    pqxx::connection connection(database_url);
    pqxx::nontransaction txn(connection);
    activity.transactions = txn.exec(
                                   "SELECT xact_commit + xact_rollback FROM pg_stat_database "
                                   "WHERE datname = current_database()")[0][0]
                                .as<std::int64_t>();
    if (!txn.exec("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'").empty()) {
        // One row per normalised statement (sums over users; all are the robson role here).
        for (const auto& row : txn.exec("SELECT query, sum(calls)::bigint, sum(total_exec_time) "
                                        "FROM pg_stat_statements GROUP BY query")) {
            const auto text = row[0].as<std::string>();
            activity.calls[text] = row[1].as<std::int64_t>();
            activity.total_time_ms[text] = row[2].as<double>();
        }
    }
    return activity;
}

std::vector<StatementShare> topStatements(const PgActivity& before,
                                          const PgActivity& after,
                                          double units,
                                          std::size_t how_many) {
    std::vector<StatementShare> shares;
    if (units <= 0) {
        return shares;
    }
    for (const auto& [text, calls] : after.calls) {
        const auto earlier = before.calls.find(text);
        const auto delta = calls - (earlier == before.calls.end() ? 0 : earlier->second);
        if (delta <= 0) {
            continue;
        }
        const auto earlier_time = before.total_time_ms.find(text);
        const double time = after.total_time_ms.at(text) -
                            (earlier_time == before.total_time_ms.end() ? 0 : earlier_time->second);
        shares.push_back({text, static_cast<double>(delta) / units, time / units});
    }
    std::sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) {
        return a.calls_per_unit > b.calls_per_unit;
    });
    if (shares.size() > how_many) {
        shares.resize(how_many);
    }
    return shares;
}

}  // namespace robson::bench
