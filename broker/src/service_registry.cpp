#include "service_registry.hpp"

#include <algorithm>

namespace robson::broker {

ServiceRegistry::ServiceRegistry(std::size_t max_queued_per_service,
                                 Clock::duration worker_expiry,
                                 Clock::duration busy_expiry)
    : max_queued_(max_queued_per_service),
      worker_expiry_(worker_expiry),
      busy_expiry_(busy_expiry) {}

bool ServiceRegistry::submit(QueuedJob job) {
    auto& service = services_[job.service];
    if (service.queue.size() >= max_queued_) {
        return false;
    }
    service.queue.push_back(std::move(job));
    return true;
}

void ServiceRegistry::workerReady(const WorkerId& worker,
                                  const std::string& service,
                                  Clock::time_point now) {
    auto found = workers_.find(worker);
    if (found != workers_.end()) {
        requeueInFlight(found->second);  // a READY means it holds no job any more
        removeFromIdle(worker, found->second.service);
    }
    Worker& entry = workers_[worker];
    entry.service = service;
    entry.expires_at = now + worker_expiry_;
    entry.in_flight.reset();
    services_[service].idle.push_back(worker);
}

void ServiceRegistry::workerDone(const WorkerId& worker, Clock::time_point now) {
    auto found = workers_.find(worker);
    if (found == workers_.end()) {
        return;
    }
    Worker& entry = found->second;
    entry.in_flight.reset();
    entry.expires_at = now + worker_expiry_;
    auto& idle = services_[entry.service].idle;
    if (std::find(idle.begin(), idle.end(), worker) == idle.end()) {
        idle.push_back(worker);
    }
}

bool ServiceRegistry::heartbeat(const WorkerId& worker, Clock::time_point now) {
    auto found = workers_.find(worker);
    if (found == workers_.end()) {
        return false;
    }
    found->second.expires_at = std::max(found->second.expires_at, now + worker_expiry_);
    return true;
}

void ServiceRegistry::workerGone(const WorkerId& worker) {
    auto found = workers_.find(worker);
    if (found == workers_.end()) {
        return;
    }
    requeueInFlight(found->second);
    removeFromIdle(worker, found->second.service);
    workers_.erase(found);
}

std::vector<WorkerId> ServiceRegistry::expire(Clock::time_point now) {
    std::vector<WorkerId> expired;
    for (const auto& [id, worker] : workers_) {
        if (worker.expires_at <= now) {
            expired.push_back(id);
        }
    }
    for (const auto& id : expired) {
        workerGone(id);
    }
    return expired;
}

std::vector<Dispatch> ServiceRegistry::dispatch(Clock::time_point now) {
    std::vector<Dispatch> dispatched;
    for (auto& [name, service] : services_) {
        while (!service.queue.empty() && !service.idle.empty()) {
            WorkerId worker = service.idle.front();
            service.idle.pop_front();
            QueuedJob job = std::move(service.queue.front());
            service.queue.pop_front();
            Worker& entry = workers_.at(worker);
            entry.in_flight = job;
            entry.expires_at = now + busy_expiry_;
            dispatched.push_back({std::move(worker), std::move(job)});
        }
    }
    return dispatched;
}

std::vector<WorkerId> ServiceRegistry::idleWorkers() const {
    std::vector<WorkerId> idle;
    for (const auto& [name, service] : services_) {
        idle.insert(idle.end(), service.idle.begin(), service.idle.end());
    }
    return idle;
}

ServiceStats ServiceRegistry::stats(const std::string& service) const {
    ServiceStats stats;
    if (const auto found = services_.find(service); found != services_.end()) {
        stats.queued = found->second.queue.size();
        stats.idle_workers = found->second.idle.size();
    }
    for (const auto& [id, worker] : workers_) {
        if (worker.service == service && worker.in_flight) {
            ++stats.busy_workers;
        }
    }
    return stats;
}

std::vector<std::string> ServiceRegistry::services() const {
    std::vector<std::string> names;
    for (const auto& [name, service] : services_) {
        names.push_back(name);
    }
    return names;
}

void ServiceRegistry::removeFromIdle(const WorkerId& worker, const std::string& service) {
    auto& idle = services_[service].idle;
    idle.erase(std::remove(idle.begin(), idle.end(), worker), idle.end());
}

void ServiceRegistry::requeueInFlight(Worker& worker) {
    if (worker.in_flight) {
        // Head of the queue: it was the oldest work of its service. It may exceed the bound by
        // one — dropping it would lose a dispatched job until the sweeper notices.
        services_[worker.in_flight->service].queue.push_front(std::move(*worker.in_flight));
        worker.in_flight.reset();
    }
}

}  // namespace robson::broker
