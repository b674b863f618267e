#pragma once

#include "app.hpp"
#include "robson/wire/job_envelope.hpp"

#include <pqxx/pqxx>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

/// The API's side of the pipeline: backpressure before a job is owed, the wake-up call after
/// commit, and the bounded wait for a worker's answer.
namespace robson::api {

/// 503 queue_full (with Retry-After: 2) when more than config.max_backlog jobs are not done.
void refuseWhenBacklogged(const AppContext& context, pqxx::connection& connection);

/// After commit: sends the job's envelope to the broker and records the dispatch. A send that
/// cannot happen now (broker down, pipe full) is fine: the row is committed and the sweeper
/// re-sends it. Never throws for a failed send or a failed markDispatched.
void dispatchAfterCommit(AppContext& context,
                         pqxx::connection& connection,
                         const std::optional<wire::JobEnvelope>& envelope);

/// Polls the intent's status every config.poll_interval until `done(status)` or `wait` has
/// passed; returns the last status seen (nullopt if the row vanished).
[[nodiscard]] std::optional<std::string> waitForStatus(
    const AppContext& context,
    pqxx::connection& connection,
    const std::string& intent_id,
    std::int64_t tenant_id,
    std::chrono::milliseconds wait,
    const std::function<bool(const std::string&)>& done);

}  // namespace robson::api
