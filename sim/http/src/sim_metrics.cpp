#include "sim_metrics.hpp"

namespace robson::sim {

SimMetrics::SimMetrics(std::shared_ptr<prometheus::Registry> registry)
    : registry_(registry ? std::move(registry) : std::make_shared<prometheus::Registry>()) {
    auto& requests = prometheus::BuildCounter()
                         .Name("robson_sim_requests_total")
                         .Help("Exchange API requests the simulator answered, by status class")
                         .Register(*registry_);
    for (const std::string code : {"2xx", "3xx", "4xx", "5xx"}) {
        requests_[code] = &requests.Add({{"code", code}});
    }
    auto& orders = prometheus::BuildCounter()
                       .Name("robson_sim_orders_total")
                       .Help(
                           "Order requests by result: accepted by the engine, refused, or "
                           "answered by an injected fault before the engine")
                       .Register(*registry_);
    for (const std::string result : {"accepted", "refused", "faulted"}) {
        orders_[result] = &orders.Add({{"result", result}});
    }
    auto& faults = prometheus::BuildCounter()
                       .Name("robson_sim_faults_injected_total")
                       .Help("Faults the simulator injected (armed or random), by kind")
                       .Register(*registry_);
    for (const FaultKind kind : kAllFaultKinds) {
        faults_[kind] = &faults.Add({{"kind", std::string(toString(kind))}});
    }
}

void SimMetrics::request(int status) {
    const std::string code =
        status >= 200 && status < 600 ? std::to_string(status / 100) + "xx" : "5xx";
    requests_.at(code)->Increment();
}

void SimMetrics::order(std::string_view result) {
    const auto found = orders_.find(result);
    if (found != orders_.end()) {
        found->second->Increment();
    }
}

void SimMetrics::fault(FaultKind kind) {
    faults_.at(kind)->Increment();
}

double SimMetrics::orderCount(std::string_view result) const {
    const auto found = orders_.find(result);
    return found == orders_.end() ? 0 : found->second->Value();
}

double SimMetrics::faultCount(FaultKind kind) const {
    return faults_.at(kind)->Value();
}

}  // namespace robson::sim
