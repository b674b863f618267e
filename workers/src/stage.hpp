#pragma once

#include "robson/exchange/exchange_gateway.hpp"
#include "robson/store/job_queue.hpp"
#include "robson/wire/job_envelope.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace robson::workers {

/// How many LIVE executions are assumed to place orders on one exchange account at once when
/// robson-worker is not told (--concurrent-executions): the execute pool's size. 4 covers
/// `WORKERS=4 make run` (the largest pool `make bench` measures) and keeps 12 of Binance's
/// 200 open orders per symbol free, and 4 of its 5 stop orders (so a new entry is sent only
/// while at most one stop is open on its symbol); a larger pool, anywhere, should say its size,
/// and a smaller one may, to leave more stops open per symbol.
inline constexpr int kDefaultConcurrentExecutions = 4;

/// What a stage works with: the database (truth), the exchange, a clock and its name in the
/// audit trail. One per worker process; single-threaded.
struct StageContext {
    pqxx::connection& db;
    exchange::ExchangeGateway& exchange;
    std::function<std::int64_t()> now_ms;
    std::string actor;  ///< "worker:plan", "worker:execute", …
    /// LIVE executions that may place orders on the same account meanwhile, this one
    /// included: before an entry the execute stage finds MAX_NUM_ORDERS room for the orders of
    /// all of them and MAX_NUM_ALGO_ORDERS room for their stops (domain/order_room.hpp), since
    /// theirs can take the free slots between its check and its stop.
    int concurrent_executions = kDefaultConcurrentExecutions;
};

/// One pipeline stage run on one claimed job. It commits its results and the job's completion
/// in one transaction (store::completeJob) and returns the envelopes of the jobs it enqueued,
/// to be sent after that commit. A stage ends the intent itself when the market or the rules
/// say no (REJECTED, FAILED with the reason). Anything it throws is a transient failure: the
/// worker loop puts the job back for a retry with backoff (store::retryOrBury).
using Stage =
    std::function<std::vector<wire::JobEnvelope>(StageContext&, const store::ClaimedJob&)>;

[[nodiscard]] std::vector<wire::JobEnvelope> runPlanStage(StageContext& context,
                                                          const store::ClaimedJob& job);
[[nodiscard]] std::vector<wire::JobEnvelope> runValidateStage(StageContext& context,
                                                              const store::ClaimedJob& job);
[[nodiscard]] std::vector<wire::JobEnvelope> runExecuteStage(StageContext& context,
                                                             const store::ClaimedJob& job);
[[nodiscard]] std::vector<wire::JobEnvelope> runScanStage(StageContext& context,
                                                          const store::ClaimedJob& job);

/// The stage that serves a service name, or nullptr for an unknown name.
[[nodiscard]] Stage stageFor(wire::JobKind kind);

/// Marks a job done without doing anything: the intent moved on (cancelled, already planned,
/// a duplicate delivery after success).
void completeAsNoOp(StageContext& context, const store::ClaimedJob& job);

}  // namespace robson::workers
