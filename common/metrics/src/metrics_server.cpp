#include "robson/metrics/metrics_server.hpp"

#include <prometheus/exposer.h>

#include <stdexcept>

namespace robson::metrics {

MetricsServer::MetricsServer(const std::string& bind_address,
                             std::shared_ptr<prometheus::Registry> registry)
    : registry_(std::move(registry)) {
    try {
        exposer_ = std::make_unique<prometheus::Exposer>(bind_address, 1);
    } catch (const std::exception& error) {
        throw std::runtime_error("cannot serve /metrics on " + bind_address +
                                 " (address in use or invalid): " + error.what());
    }
    exposer_->RegisterCollectable(registry_);
}

MetricsServer::~MetricsServer() = default;

int MetricsServer::port() const {
    const auto ports = exposer_->GetListeningPorts();
    return ports.empty() ? 0 : ports.front();
}

prometheus::Histogram::BucketBoundaries durationBuckets() {
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
}

prometheus::Histogram::BucketBoundaries requestBuckets() {
    return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

prometheus::Histogram::BucketBoundaries queueWaitBuckets() {
    return {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 1800};
}

}  // namespace robson::metrics
