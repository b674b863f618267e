#pragma once

#include "robson/wire/job_envelope.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <map>
#include <string>

namespace robson::workers {

/// How a delivered job ended for this worker (the `outcome` label).
enum class JobOutcome { Success, Duplicate, Retry, Dead, FencedOut };

/// A worker's metrics (docs/metrics.md): jobs by outcome, stage duration, jobs in flight and
/// refused frames. Every label value is created up front, so no series is missing.
class WorkerMetrics {
public:
    WorkerMetrics(prometheus::Registry& registry, wire::JobKind service);

    void received() { received_.Increment(); }
    void finished(JobOutcome outcome, double seconds);
    void malformed(wire::DecodeError reason);
    void wrongService() { wrong_service_.Increment(); }
    void inFlight(bool busy) { in_flight_.Set(busy ? 1 : 0); }
    /// A claim: how long the job waited for a worker (robson_job_queue_wait_seconds).
    void claimed(double waited_seconds) { queue_wait_.Observe(waited_seconds); }

    /// Count of an outcome so far (tests and logs).
    [[nodiscard]] double count(JobOutcome outcome) const;

private:
    prometheus::Counter& received_;
    std::map<JobOutcome, prometheus::Counter*> completed_;
    prometheus::Histogram& duration_;
    prometheus::Gauge& in_flight_;
    prometheus::Histogram& queue_wait_;
    std::map<wire::DecodeError, prometheus::Counter*> decode_errors_;
    prometheus::Counter& wrong_service_;
};

}  // namespace robson::workers
