#pragma once

#include "robson/exchange/exchange_error.hpp"
#include "robson/metrics/intents_created.hpp"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <map>
#include <string>
#include <string_view>
#include <tuple>

namespace robson::workers {

/// What the stages do, as metrics (docs/metrics.md): intents the scanner made, orders by mode,
/// leg and result, reconciliations, and every exchange call's duration and errors by endpoint.
/// Every label combination is created at 0 up front.
class PipelineMetrics {
public:
    explicit PipelineMetrics(prometheus::Registry& registry);

    void intentsCreatedByPattern(int count) { intents_created_.byPattern(count); }
    /// mode: dry_run|live; leg: entry|stop|exit; result: placed|refused|error.
    void order(std::string_view mode, std::string_view leg, std::string_view result);
    /// result: found (the exchange had the order) | not_found.
    void reconciliation(std::string_view result);
    /// One exchange call of `endpoint` (see kExchangeEndpoints), its failure kind if any.
    void exchangeCall(std::string_view endpoint,
                      double seconds,
                      const exchange::ExchangeErrorKind* error);

    [[nodiscard]] double orderCount(std::string_view mode,
                                    std::string_view leg,
                                    std::string_view result) const;

private:
    metrics::IntentsCreated intents_created_;
    std::map<std::tuple<std::string, std::string, std::string>, prometheus::Counter*> orders_;
    std::map<std::string, prometheus::Counter*, std::less<>> reconciliations_;
    std::map<std::string, prometheus::Histogram*, std::less<>> exchange_duration_;
    std::map<std::pair<std::string, std::string>, prometheus::Counter*> exchange_errors_;
};

/// "FilterFailure" → "filter_failure": the `reason` label of robson_exchange_errors_total.
[[nodiscard]] std::string errorReason(exchange::ExchangeErrorKind kind);

/// The stages are free functions behind std::function; rather than thread the metrics through
/// every signature, the worker process installs its one PipelineMetrics here at start-up.
/// Unset (unit tests, tools), every count is a no-op.
void installPipelineMetrics(PipelineMetrics* metrics);
[[nodiscard]] PipelineMetrics* pipelineMetrics();

}  // namespace robson::workers
