#include "routes/intent_pipeline.hpp"

#include "http_errors.hpp"
#include "intent_repository.hpp"
#include "robson/logging/log_event.hpp"
#include "robson/store/job_queue.hpp"

#include <iostream>
#include <thread>

namespace robson::api {

void refuseWhenBacklogged(const AppContext& context, pqxx::connection& connection) {
    pqxx::nontransaction txn(connection);
    if (repo::jobBacklog(txn, context.config.max_backlog) > context.config.max_backlog) {
        throw ApiError(
            503, "queue_full", "Robson has too much work queued right now; retry in a few seconds.")
            .withHeader("Retry-After", "2");
    }
}

void dispatchAfterCommit(AppContext& context,
                         pqxx::connection& connection,
                         const std::optional<wire::JobEnvelope>& envelope) {
    if (!envelope) {
        return;  // the job already existed: it was (or will be) sent by whoever made it
    }
    try {
        if (context.sender->send(*envelope)) {
            store::markDispatched(connection, envelope->job_id);
        }
    } catch (const std::exception& error) {
        // The job row is committed; the sweeper re-sends it. The request still succeeds.
        logging::logEvent("warning",
                          "job_not_dispatched",
                          {{"job_id", envelope->job_id},
                           {"intent_id", envelope->intent_id},
                           {"tenant", envelope->tenant},
                           {"error", error.what()}});
    }
}

std::optional<std::string> waitForStatus(const AppContext& context,
                                         pqxx::connection& connection,
                                         const std::string& intent_id,
                                         std::int64_t tenant_id,
                                         std::chrono::milliseconds wait,
                                         const std::function<bool(const std::string&)>& done) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (true) {
        std::optional<std::string> status;
        {
            pqxx::nontransaction txn(connection);
            status = repo::intentStatus(txn, intent_id, tenant_id);
        }
        if (!status || done(*status) || std::chrono::steady_clock::now() >= deadline ||
            context.stopping.load()) {
            return status;
        }
        std::this_thread::sleep_for(context.config.poll_interval);
    }
}

}  // namespace robson::api
