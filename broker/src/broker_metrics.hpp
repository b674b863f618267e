#pragma once

#include "broker_loop.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <map>
#include <string>

namespace robson::broker {

/// The broker's metrics (docs/metrics.md): queue depth and workers (idle, busy) per service,
/// and the loop's counters. The four pipeline services are created up front (so "no execute
/// worker" is a 0, not a missing series); other services appear as they register.
class BrokerMetrics {
public:
    explicit BrokerMetrics(prometheus::Registry& registry);

    /// Copies the loop's figures into the metrics (called about once a second).
    void update(const BrokerCounters& counters, const std::map<std::string, ServiceStats>& stats);

private:
    struct ServiceSeries {
        prometheus::Gauge* queued = nullptr;
        prometheus::Gauge* idle = nullptr;
        prometheus::Gauge* busy = nullptr;
    };
    ServiceSeries& series(const std::string& service);

    prometheus::Family<prometheus::Gauge>& depth_;
    prometheus::Family<prometheus::Gauge>& workers_;
    std::map<std::string, ServiceSeries> services_;
    std::map<std::string, prometheus::Counter*> counters_;
    BrokerCounters last_{};
};

}  // namespace robson::broker
