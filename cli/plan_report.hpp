#pragma once

#include "robson/domain/candle.hpp"
#include "robson/domain/execution_plan.hpp"
#include "robson/domain/position_sizing.hpp"
#include "robson/domain/strategy.hpp"
#include "robson/domain/symbol_rules.hpp"
#include "robson/domain/technical_stop.hpp"

#include <cstddef>
#include <optional>
#include <ostream>

namespace robson::cli {

/// Everything `robson analyze` computed, for printing.
struct PlanReportInput {
    domain::Strategy strategy;
    domain::SymbolRules rules;
    domain::Side side = domain::Side::Buy;
    domain::Decimal capital;
    domain::Decimal entry;
    domain::Candle last_candle;
    std::size_t candles_available = 0;
    domain::TechnicalStopAnalysis stop;
    std::optional<domain::SizingResult> size;        ///< with the strategy's costs
    std::optional<domain::SizingResult> naive_size;  ///< the cost-blind rule, for comparison
    std::optional<domain::ExecutionPlanResult> orders;
};

/// Prints the analysis as a trader reads it: levels, chosen stop and why, size and risk
/// (with and without costs), and the exact orders a DRY-RUN or LIVE run would send.
void printPlanReport(const PlanReportInput& report, std::ostream& out);

}  // namespace robson::cli
