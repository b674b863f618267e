#include "broker_metrics.hpp"

namespace robson::broker {
namespace {

constexpr std::size_t kMaxServices = 16;  // a bound on label values, whatever peers send

}  // namespace

BrokerMetrics::BrokerMetrics(prometheus::Registry& registry)
    : depth_(prometheus::BuildGauge()
                 .Name("robson_broker_queue_depth")
                 .Help("Jobs waiting in the broker for a worker, by service")
                 .Register(registry)),
      workers_(prometheus::BuildGauge()
                   .Name("robson_broker_workers")
                   .Help("Workers registered with the broker, by service and state")
                   .Register(registry)) {
    auto& events = prometheus::BuildCounter()
                       .Name("robson_broker_events_total")
                       .Help("What the broker did with frames and jobs, by event")
                       .Register(registry);
    for (const char* event : {"submitted",
                              "dispatched",
                              "refused_queue_full",
                              "requeued",
                              "worker_expired",
                              "malformed_frame"}) {
        counters_[event] = &events.Add({{"event", event}});
    }
    for (const char* service : {"plan", "validate", "execute", "scan"}) {
        static_cast<void>(series(service));
    }
}

BrokerMetrics::ServiceSeries& BrokerMetrics::series(const std::string& service) {
    auto found = services_.find(service);
    if (found != services_.end()) {
        return found->second;
    }
    ServiceSeries created;
    created.queued = &depth_.Add({{"service", service}});
    created.idle = &workers_.Add({{"service", service}, {"state", "idle"}});
    created.busy = &workers_.Add({{"service", service}, {"state", "busy"}});
    return services_.emplace(service, created).first->second;
}

void BrokerMetrics::update(const BrokerCounters& counters,
                           const std::map<std::string, ServiceStats>& stats) {
    const auto advance = [this](const char* event, std::uint64_t now, std::uint64_t before) {
        if (now > before) {
            counters_.at(event)->Increment(static_cast<double>(now - before));
        }
    };
    advance("submitted", counters.jobs_submitted, last_.jobs_submitted);
    advance("dispatched", counters.jobs_dispatched, last_.jobs_dispatched);
    advance("refused_queue_full", counters.jobs_refused_queue_full, last_.jobs_refused_queue_full);
    advance("requeued", counters.jobs_requeued, last_.jobs_requeued);
    advance("worker_expired", counters.workers_expired, last_.workers_expired);
    advance("malformed_frame", counters.malformed_frames, last_.malformed_frames);
    last_ = counters;
    for (auto& [service, one] : services_) {
        one.queued->Set(0);
        one.idle->Set(0);
        one.busy->Set(0);
    }
    for (const auto& [service, figures] : stats) {
        if (!services_.contains(service) && services_.size() >= kMaxServices) {
            continue;
        }
        auto& one = series(service);
        one.queued->Set(static_cast<double>(figures.queued));
        one.idle->Set(static_cast<double>(figures.idle_workers));
        one.busy->Set(static_cast<double>(figures.busy_workers));
    }
}

}  // namespace robson::broker
