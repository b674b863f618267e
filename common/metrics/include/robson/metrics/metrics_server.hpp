#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <optional>
#include <string>

namespace prometheus {
class Exposer;
}

namespace robson::metrics {

/// A process's /metrics endpoint (prometheus-cpp's Exposer) over a registry. The server keeps
/// a share of the registry, because the Exposer holds it only weakly: were the registry to go,
/// /metrics would silently become empty.
class MetricsServer {
public:
    /// Serves GET /metrics on `bind_address` ("127.0.0.1:9101"; port 0 picks a free one).
    /// Throws std::runtime_error with a clear message when the address cannot be bound
    /// (prometheus-cpp would otherwise terminate the process).
    MetricsServer(const std::string& bind_address, std::shared_ptr<prometheus::Registry> registry);
    ~MetricsServer();
    MetricsServer(const MetricsServer&) = delete;
    MetricsServer& operator=(const MetricsServer&) = delete;
    MetricsServer(MetricsServer&&) = delete;
    MetricsServer& operator=(MetricsServer&&) = delete;

    [[nodiscard]] prometheus::Registry& registry() { return *registry_; }
    /// The port actually listened on.
    [[nodiscard]] int port() const;

private:
    std::shared_ptr<prometheus::Registry> registry_;
    std::unique_ptr<prometheus::Exposer> exposer_;
};

/// Bucket boundaries in seconds for work that takes milliseconds to tens of seconds
/// (a stage, an exchange call): 5 ms … 60 s.
[[nodiscard]] prometheus::Histogram::BucketBoundaries durationBuckets();

/// Bucket boundaries in seconds for an HTTP handler: 0.5 ms … 10 s.
[[nodiscard]] prometheus::Histogram::BucketBoundaries requestBuckets();

/// Bucket boundaries in seconds for time spent waiting in a queue, which under a backlog
/// blows past run-time-shaped buckets: 1 ms … 30 min.
[[nodiscard]] prometheus::Histogram::BucketBoundaries queueWaitBuckets();

}  // namespace robson::metrics
