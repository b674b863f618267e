#include "worker_metrics.hpp"

#include "robson/metrics/metrics_server.hpp"

namespace robson::workers {
namespace {

std::string outcomeLabel(JobOutcome outcome) {
    switch (outcome) {
        case JobOutcome::Success:
            return "success";
        case JobOutcome::Duplicate:
            return "duplicate_noop";
        case JobOutcome::Retry:
            return "retry";
        case JobOutcome::Dead:
            return "dead";
        case JobOutcome::FencedOut:
            return "fenced_out";
    }
    return "success";
}

}  // namespace

WorkerMetrics::WorkerMetrics(prometheus::Registry& registry, wire::JobKind service)
    : received_(prometheus::BuildCounter()
                    .Name("robson_jobs_received_total")
                    .Help("Job envelopes received from the broker")
                    .Register(registry)
                    .Add({{"service", std::string(wire::toString(service))}})),
      duration_(prometheus::BuildHistogram()
                    .Name("robson_job_duration_seconds")
                    .Help("Time from claim to the end of a job, by service")
                    .Register(registry)
                    .Add({{"service", std::string(wire::toString(service))}},
                         metrics::durationBuckets())),
      in_flight_(prometheus::BuildGauge()
                     .Name("robson_jobs_in_flight")
                     .Help("Jobs this worker is running (0 or 1)")
                     .Register(registry)
                     .Add({{"service", std::string(wire::toString(service))}})),
      queue_wait_(prometheus::BuildHistogram()
                      .Name("robson_job_queue_wait_seconds")
                      .Help("Time a job waited from created (or retry due) to claimed")
                      .Register(registry)
                      .Add({{"service", std::string(wire::toString(service))}},
                           metrics::queueWaitBuckets())),
      wrong_service_(prometheus::BuildCounter()
                         .Name("robson_job_misrouted_total")
                         .Help("Jobs of another service delivered to this worker")
                         .Register(registry)
                         .Add({{"service", std::string(wire::toString(service))}})) {
    auto& completed = prometheus::BuildCounter()
                          .Name("robson_jobs_completed_total")
                          .Help("Jobs finished by this worker, by outcome")
                          .Register(registry);
    for (const auto outcome : {JobOutcome::Success,
                               JobOutcome::Duplicate,
                               JobOutcome::Retry,
                               JobOutcome::Dead,
                               JobOutcome::FencedOut}) {
        completed_[outcome] = &completed.Add({{"service", std::string(wire::toString(service))},
                                              {"outcome", outcomeLabel(outcome)}});
    }
    auto& decode = prometheus::BuildCounter()
                       .Name("robson_job_decode_errors_total")
                       .Help("Job frames refused before running, by reason")
                       .Register(registry);
    for (const auto reason : {wire::DecodeError::TooLarge,
                              wire::DecodeError::Malformed,
                              wire::DecodeError::NotAMap,
                              wire::DecodeError::MissingField,
                              wire::DecodeError::WrongType,
                              wire::DecodeError::UnsupportedVersion}) {
        decode_errors_[reason] = &decode.Add({{"reason", std::string(wire::toString(reason))}});
    }
}

void WorkerMetrics::finished(JobOutcome outcome, double seconds) {
    completed_.at(outcome)->Increment();
    if (outcome != JobOutcome::Duplicate) {
        duration_.Observe(seconds);
    }
}

void WorkerMetrics::malformed(wire::DecodeError reason) {
    decode_errors_.at(reason)->Increment();
}

double WorkerMetrics::count(JobOutcome outcome) const {
    return completed_.at(outcome)->Value();
}

}  // namespace robson::workers
