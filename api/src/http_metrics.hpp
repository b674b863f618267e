#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace robson::api {

/// RED for the API (docs/metrics.md): robson_http_requests_total{route, method, code} and
/// robson_http_request_duration_seconds{route}. `route` is the route's template, never the
/// raw path; `code` is the class (2xx … 5xx); methods outside the HTTP verbs count as OTHER.
/// Every (route, method) the router knows is created at 0 with every class.
class HttpMetrics {
public:
    /// `routes`: (method, template) pairs; "static" and "unmatched" are added.
    HttpMetrics(prometheus::Registry& registry,
                const std::vector<std::pair<std::string, std::string>>& routes);

    void observe(const std::string& route, std::string_view method, int status, double seconds);

    [[nodiscard]] double count(const std::string& route,
                               std::string_view method,
                               std::string_view code_class) const;

    /// "2xx" for 200…299 and so on; "5xx" for anything out of range.
    [[nodiscard]] static std::string codeClass(int status);
    /// The method as a label: GET, POST, … or OTHER.
    [[nodiscard]] static std::string methodLabel(std::string_view method);

private:
    prometheus::Counter& counter(const std::string& route,
                                 const std::string& method,
                                 const std::string& code);
    prometheus::Histogram& histogram(const std::string& route);

    prometheus::Family<prometheus::Counter>& requests_;
    prometheus::Family<prometheus::Histogram>& duration_;
    mutable std::mutex mutex_;  ///< the maps (Family::Add is thread-safe, the maps are not)
    std::map<std::tuple<std::string, std::string, std::string>, prometheus::Counter*> counters_;
    std::map<std::string, prometheus::Histogram*> histograms_;
};

}  // namespace robson::api
