#include "analyze_command.hpp"

#include <algorithm>
#include <span>

#include "candle_input.hpp"
#include "command_line.hpp"
#include "plan_report.hpp"
#include "robson/domain/execution_plan.hpp"
#include "robson/domain/position_sizing.hpp"
#include "robson/domain/strategy.hpp"
#include "robson/domain/technical_stop.hpp"

namespace robson::cli {
namespace {

using domain::Decimal;

domain::Strategy chooseStrategy(const CommandLine& line) {
    const std::string wanted = line.valueOr("strategy", "All In");
    auto strategy = domain::findStrategyByName(wanted);
    if (!strategy) {
        std::string names;
        for (const auto& builtin : domain::builtinStrategies()) {
            names += (names.empty() ? "" : ", ") + builtin.name;
        }
        throw UsageError("unknown strategy '" + wanted + "' (built-in: " + names + ")");
    }
    if (const auto level = line.value("level")) {
        strategy->stop.level_n = parsePositiveInt(*level, "--level");
    }
    if (const auto risk = line.value("risk-percent")) {
        strategy->risk.risk_rate =
            domain::div(parsePositiveDecimal(*risk, "--risk-percent"), Decimal::fromInteger(100),
                        domain::Rounding::Down);
    }
    if (line.flag("no-costs")) {
        strategy->risk.costs = domain::CostModel::none();
    }
    return *strategy;
}

}  // namespace

int runAnalyze(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const CommandLine line(args,
                           {"symbol", "strategy", "capital", "side", "entry", "level",
                            "risk-percent", "at", "step"},
                           {"no-costs"});
    if (line.positionals().size() != 1) {
        throw UsageError("analyze needs exactly one candle file");
    }
    const domain::Strategy strategy = chooseStrategy(line);
    const auto side = domain::parseSide(line.valueOr("side", "BUY"));
    if (!side) {
        throw UsageError("--side must be BUY or SELL");
    }
    const Decimal capital = parsePositiveDecimal(line.valueOr("capital", "100"), "--capital");
    domain::SymbolRules rules = domain::defaultSpotRules(line.valueOr("symbol", "BTCUSDT"));
    if (const auto step = line.value("step")) {
        rules.step_size = parsePositiveDecimal(*step, "--step");
        rules.min_qty = rules.step_size;
    }

    const auto loaded = loadCandles(line.positionals().front(), err);
    if (!loaded) {
        return kExitBadData;
    }
    std::span<const domain::Candle> candles(*loaded);
    if (const auto at = line.value("at")) {
        const auto count = static_cast<std::size_t>(parsePositiveInt(*at, "--at"));
        candles = candles.first(std::min(count, candles.size()));
    }
    const Decimal entry = line.value("entry") ? parsePositiveDecimal(*line.value("entry"), "--entry")
                                              : candles.back().close;

    PlanReportInput report;
    report.strategy = strategy;
    report.rules = rules;
    report.side = *side;
    report.capital = capital;
    report.entry = entry;
    report.last_candle = candles.back();
    report.candles_available = candles.size();
    report.stop = domain::analyzeTechnicalStop(candles, *side, entry, strategy.stop, rules);
    if (report.stop.stop) {
        report.size = domain::sizePosition({*side, capital, strategy.risk.risk_rate, entry,
                                            *report.stop.stop, rules, strategy.risk.costs,
                                            strategy.risk.max_position_rate, true, std::nullopt});
        report.naive_size = domain::sizePosition({*side, capital, strategy.risk.risk_rate, entry,
                                                  *report.stop.stop, rules, domain::CostModel::none(),
                                                  strategy.risk.max_position_rate, true, std::nullopt});
        if (report.size->ok()) {
            domain::ExecutionPlanRequest request;
            request.intent_id = "demo-" + rules.symbol + "-" + std::to_string(candles.back().open_time_ms);
            request.side = *side;
            request.quantity = report.size->size().quantity;
            request.entry_price = entry;
            request.stop_price = *report.stop.stop;
            request.rules = rules;
            request.costs = strategy.risk.costs;
            report.orders = domain::planExecution(request);
        }
    }
    printPlanReport(report, out);
    const bool tradable = report.orders && report.orders->ok();
    return tradable ? kExitOk : kExitRefused;
}

}  // namespace robson::cli
