#pragma once
// The two load tools the system benchmark drives, with their outputs parsed: wrk (status
// GETs over keep-alive connections) and pgbench (the pipeline's SQL alone).

#include <string>

namespace robson::bench {

struct WrkResult {
    bool ran = false;
    std::string error;  ///< why it did not run (tool missing, unparsable output)
    int connections = 0;
    double requests_per_second = 0;
    double p50_ms = 0;
    double p99_ms = 0;
    long long ok = 0;              ///< 200 answers
    long long unavailable = 0;     ///< 503 answers (the API refusing past its budget)
    long long other_status = 0;    ///< any other status
    long long connect_errors = 0;  ///< wrk's socket errors, by kind
    long long read_errors = 0;
    long long write_errors = 0;
    long long timeouts = 0;
};

/// GETs `url` with a Bearer token over `connections` keep-alive connections for `seconds`.
[[nodiscard]] WrkResult runWrk(const std::string& url,
                               const std::string& token,
                               int connections,
                               int seconds,
                               const std::string& scratch_dir);

struct PgbenchResult {
    bool ran = false;
    std::string error;
    int clients = 0;
    double scripts_per_second = 0;  ///< pgbench's tps: one script run = one intent's SQL
    double latency_ms = 0;          ///< average per script run
};

/// Runs the pgbench `script` against `database_url`; `variables` are "-D name=value" pairs.
[[nodiscard]] PgbenchResult runPgbench(const std::string& database_url,
                                       const std::string& script,
                                       const std::string& variables,
                                       int clients,
                                       int seconds);

}  // namespace robson::bench
