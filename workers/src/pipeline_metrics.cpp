#include "pipeline_metrics.hpp"

#include "robson/metrics/metrics_server.hpp"

#include <array>
#include <cctype>

namespace robson::workers {
namespace {

constexpr std::array<std::string_view, 2> kModes{"dry_run", "live"};
constexpr std::array<std::string_view, 3> kLegs{"entry", "stop", "exit"};
constexpr std::array<std::string_view, 3> kResults{"placed", "refused", "error"};
constexpr std::array<std::string_view, 10> kExchangeEndpoints{"symbol_rules",
                                                              "candles",
                                                              "last_price",
                                                              "book_ticker",
                                                              "balances",
                                                              "place_order",
                                                              "query_order",
                                                              "cancel_order",
                                                              "open_orders",
                                                              "trades"};
constexpr std::array<exchange::ExchangeErrorKind, 12> kErrorKinds{
    exchange::ExchangeErrorKind::FilterFailure,
    exchange::ExchangeErrorKind::InsufficientBalance,
    exchange::ExchangeErrorKind::DuplicateOrder,
    exchange::ExchangeErrorKind::UnknownOrder,
    exchange::ExchangeErrorKind::UnknownStatus,
    exchange::ExchangeErrorKind::RateLimited,
    exchange::ExchangeErrorKind::Auth,
    exchange::ExchangeErrorKind::ClockSkew,
    exchange::ExchangeErrorKind::BadRequest,
    exchange::ExchangeErrorKind::Network,
    exchange::ExchangeErrorKind::BadResponse,
    exchange::ExchangeErrorKind::Rejected};

PipelineMetrics* g_installed = nullptr;  // set once in main, before any stage runs

}  // namespace

std::string errorReason(exchange::ExchangeErrorKind kind) {
    std::string out;
    for (const char c : exchange::toString(kind)) {
        if (std::isupper(static_cast<unsigned char>(c)) != 0) {
            if (!out.empty()) {
                out += '_';
            }
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            out += c;
        }
    }
    return out;
}

PipelineMetrics::PipelineMetrics(prometheus::Registry& registry) : intents_created_(registry) {
    auto& orders = prometheus::BuildCounter()
                       .Name("robson_orders_total")
                       .Help("Orders the execute worker sent or simulated, by mode, leg and result")
                       .Register(registry);
    for (const auto mode : kModes) {
        for (const auto leg : kLegs) {
            for (const auto result : kResults) {
                orders_[{std::string(mode), std::string(leg), std::string(result)}] =
                    &orders.Add({{"mode", std::string(mode)},
                                 {"leg", std::string(leg)},
                                 {"result", std::string(result)}});
            }
        }
    }
    auto& reconciliations =
        prometheus::BuildCounter()
            .Name("robson_exchange_reconciliations_total")
            .Help("Orders looked up on the exchange before (re)sending, by whether it had them")
            .Register(registry);
    for (const std::string result : {"found", "not_found"}) {
        reconciliations_[result] = &reconciliations.Add({{"result", result}});
    }
    auto& duration = prometheus::BuildHistogram()
                         .Name("robson_exchange_request_duration_seconds")
                         .Help("Exchange calls by endpoint, successful or not")
                         .Register(registry);
    auto& errors = prometheus::BuildCounter()
                       .Name("robson_exchange_errors_total")
                       .Help("Exchange calls that failed, by endpoint and reason")
                       .Register(registry);
    for (const auto endpoint : kExchangeEndpoints) {
        exchange_duration_[std::string(endpoint)] =
            &duration.Add({{"endpoint", std::string(endpoint)}}, metrics::durationBuckets());
        for (const auto kind : kErrorKinds) {
            exchange_errors_[{std::string(endpoint), errorReason(kind)}] =
                &errors.Add({{"endpoint", std::string(endpoint)}, {"reason", errorReason(kind)}});
        }
    }
}

void PipelineMetrics::order(std::string_view mode, std::string_view leg, std::string_view result) {
    const auto found = orders_.find({std::string(mode), std::string(leg), std::string(result)});
    if (found != orders_.end()) {
        found->second->Increment();
    }
}

double PipelineMetrics::orderCount(std::string_view mode,
                                   std::string_view leg,
                                   std::string_view result) const {
    const auto found = orders_.find({std::string(mode), std::string(leg), std::string(result)});
    return found == orders_.end() ? 0 : found->second->Value();
}

void PipelineMetrics::reconciliation(std::string_view result) {
    const auto found = reconciliations_.find(result);
    if (found != reconciliations_.end()) {
        found->second->Increment();
    }
}

void PipelineMetrics::exchangeCall(std::string_view endpoint,
                                   double seconds,
                                   const exchange::ExchangeErrorKind* error) {
    const auto histogram = exchange_duration_.find(endpoint);
    if (histogram != exchange_duration_.end()) {
        histogram->second->Observe(seconds);
    }
    if (error != nullptr) {
        const auto counter = exchange_errors_.find({std::string(endpoint), errorReason(*error)});
        if (counter != exchange_errors_.end()) {
            counter->second->Increment();
        }
    }
}

void installPipelineMetrics(PipelineMetrics* metrics) {
    g_installed = metrics;
}

PipelineMetrics* pipelineMetrics() {
    return g_installed;
}

}  // namespace robson::workers
