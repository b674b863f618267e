#include "http_metrics.hpp"

#include "robson/metrics/metrics_server.hpp"

#include <array>

namespace robson::api {
namespace {

constexpr std::array<std::string_view, 4> kClasses{"2xx", "3xx", "4xx", "5xx"};
constexpr std::array<std::string_view, 7> kMethods{
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

}  // namespace

HttpMetrics::HttpMetrics(prometheus::Registry& registry,
                         const std::vector<std::pair<std::string, std::string>>& routes)
    : requests_(prometheus::BuildCounter()
                    .Name("robson_http_requests_total")
                    .Help("API requests answered, by route template, method and status class")
                    .Register(registry)),
      duration_(prometheus::BuildHistogram()
                    .Name("robson_http_request_duration_seconds")
                    .Help("Time to answer an API request (up to the first byte of a stream)")
                    .Register(registry)) {
    auto known = routes;
    known.emplace_back("GET", "static");
    for (const char* method : {"GET", "POST"}) {
        known.emplace_back(method, "unmatched");
    }
    for (const auto& [method, route] : known) {
        for (const auto code : kClasses) {
            static_cast<void>(counter(route, methodLabel(method), std::string(code)));
        }
        static_cast<void>(histogram(route));
    }
}

std::string HttpMetrics::codeClass(int status) {
    if (status >= 200 && status < 600) {
        return std::to_string(status / 100) + "xx";
    }
    return "5xx";
}

std::string HttpMetrics::methodLabel(std::string_view method) {
    for (const auto known : kMethods) {
        if (method == known) {
            return std::string(known);
        }
    }
    return "OTHER";  // a client-chosen word must not become a new series
}

prometheus::Counter& HttpMetrics::counter(const std::string& route,
                                          const std::string& method,
                                          const std::string& code) {
    const std::lock_guard lock(mutex_);
    auto& slot = counters_[{route, method, code}];
    if (slot == nullptr) {
        slot = &requests_.Add({{"route", route}, {"method", method}, {"code", code}});
    }
    return *slot;
}

prometheus::Histogram& HttpMetrics::histogram(const std::string& route) {
    const std::lock_guard lock(mutex_);
    auto& slot = histograms_[route];
    if (slot == nullptr) {
        slot = &duration_.Add({{"route", route}}, metrics::requestBuckets());
    }
    return *slot;
}

void HttpMetrics::observe(const std::string& route,
                          std::string_view method,
                          int status,
                          double seconds) {
    // Bounded: the routes are the router's templates plus "static" and "unmatched", the methods
    // seven verbs plus OTHER, the codes four classes.
    counter(route, methodLabel(method), codeClass(status)).Increment();
    histogram(route).Observe(seconds);
}

double HttpMetrics::count(const std::string& route,
                          std::string_view method,
                          std::string_view code_class) const {
    const std::lock_guard lock(mutex_);
    const auto found = counters_.find({route, methodLabel(method), std::string(code_class)});
    return found == counters_.end() ? 0 : found->second->Value();
}

}  // namespace robson::api
