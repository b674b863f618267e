#pragma once
// The system benchmark's clients: each one, in a loop, creates an intent over the API, polls
// its status until VALIDATED, then executes it as DRY-RUN, as a person or a script would.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace robson::bench {

struct LoadOptions {
    std::string api_url;
    std::string token;  ///< a logged-in user's access token
    int clients = 1;
    std::chrono::milliseconds warmup{2000};    ///< run, not measured
    std::chrono::milliseconds measure{10000};  ///< intents completed in here count
    std::chrono::milliseconds status_poll{5};  ///< pause between two status GETs
};

struct LoadResult {
    double seconds = 0;                  ///< the measured window
    std::int64_t dry_runs_executed = 0;  ///< DRY-RUN intents that ended EXECUTED in the window
    std::int64_t not_validated = 0;      ///< ended REJECTED/FAILED or timed out (any phase)
    std::int64_t http_errors = 0;        ///< non-2xx answers and transport errors
    std::vector<double> create_ms;       ///< POST create → answer (the API waits for the plan)
    std::vector<double> validated_ms;    ///< POST create sent → VALIDATED seen by the client
    std::vector<double> executed_ms;     ///< POST execute (DRY_RUN) → answer
    std::int64_t status_gets = 0;        ///< the client's status polls, whole run
    std::int64_t intents_started = 0;    ///< whole run, warm-up included
    std::int64_t intents_finished = 0;   ///< EXECUTED, whole run
};

/// Runs the clients until warm-up + measure has elapsed, then lets each finish its intent.
[[nodiscard]] LoadResult runLoad(const LoadOptions& options);

}  // namespace robson::bench
