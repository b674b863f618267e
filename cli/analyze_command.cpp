#include "analyze_command.hpp"

#include "candle_input.hpp"
#include "command_line.hpp"
#include "exchange_input.hpp"
#include "plan_report.hpp"
#include "robson/domain/execution_plan.hpp"
#include "robson/domain/position_sizing.hpp"
#include "robson/domain/strategy.hpp"
#include "robson/domain/technical_stop.hpp"

#include <algorithm>
#include <span>

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
        strategy->risk.risk_rate = domain::div(parsePositiveDecimal(*risk, "--risk-percent"),
                                               Decimal::fromInteger(100),
                                               domain::Rounding::Down);
    }
    if (line.flag("no-costs")) {
        strategy->risk.costs = domain::CostModel::none();
    }
    return *strategy;
}

domain::Side parseSideOption(const CommandLine& line) {
    const auto side = domain::parseSide(line.valueOr("side", "BUY"));
    if (!side) {
        throw UsageError("--side must be BUY or SELL");
    }
    return *side;
}

domain::SymbolRules chooseRules(const CommandLine& line) {
    domain::SymbolRules rules = domain::defaultSpotRules(line.valueOr("symbol", "BTCUSDT"));
    if (const auto step = line.value("step")) {
        rules.step_size = parsePositiveDecimal(*step, "--step");
        rules.min_qty = rules.step_size;
    }
    return rules;
}

domain::SizingRequest sizingRequest(const PlanReportInput& r, const domain::CostModel& costs) {
    domain::SizingRequest request;
    request.side = r.side;
    request.capital = r.capital;
    request.risk_rate = r.strategy.risk.risk_rate;
    request.entry = r.entry;
    request.stop = *r.stop.stop;
    request.rules = r.rules;
    request.costs = costs;
    request.max_position_rate = r.strategy.risk.max_position_rate;
    return request;
}

/// Stop, then size (with the strategy's costs and, for comparison, without), then orders.
void computePlan(std::span<const domain::Candle> candles, PlanReportInput& r) {
    r.stop = domain::analyzeTechnicalStop(candles, r.side, r.entry, r.strategy.stop, r.rules);
    if (!r.stop.stop) {
        return;
    }
    r.size = domain::sizePosition(sizingRequest(r, r.strategy.risk.costs));
    r.naive_size = domain::sizePosition(sizingRequest(r, domain::CostModel::none()));
    if (!r.size->ok()) {
        return;
    }
    domain::ExecutionPlanRequest request;
    request.intent_id = "demo-" + r.rules.symbol + "-" + std::to_string(r.last_candle.open_time_ms);
    request.side = r.side;
    request.quantity = r.size->size().quantity;
    request.entry_price = r.entry;
    request.stop_price = *r.stop.stop;
    request.rules = r.rules;
    request.costs = r.strategy.risk.costs;
    r.orders = domain::planExecution(request);
}

/// The candles, rules and entry from a file (offline) or from an exchange (--exchange).
/// Returns false (after printing why) when the input is unusable.
bool loadMarket(const CommandLine& line,
                PlanReportInput& report,
                std::vector<domain::Candle>& candles,
                std::ostream& err) {
    const auto entry = line.value("entry");
    if (const auto url = line.value("exchange")) {
        if (!line.positionals().empty()) {
            throw UsageError("give either a candle file or --exchange, not both");
        }
        auto market = readExchangeMarket(*url,
                                         report.rules.symbol,
                                         report.strategy.timeframe,
                                         report.strategy.stop.lookback,
                                         report.side);
        report.rules = market.rules;
        candles = std::move(market.candles);
        report.entry = entry ? parsePositiveDecimal(*entry, "--entry") : market.entry;
        return !candles.empty();
    }
    if (line.positionals().size() != 1) {
        throw UsageError("analyze needs exactly one candle file (or --exchange URL)");
    }
    auto loaded = loadCandles(line.positionals().front(), err);
    if (!loaded) {
        return false;
    }
    candles = std::move(*loaded);
    if (const auto at = line.value("at")) {
        const auto count = static_cast<std::size_t>(parsePositiveInt(*at, "--at"));
        candles.resize(std::min(count, candles.size()));
    }
    report.entry = entry ? parsePositiveDecimal(*entry, "--entry") : candles.back().close;
    return true;
}

}  // namespace

int runAnalyze(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const CommandLine line(args,
                           {"symbol",
                            "strategy",
                            "capital",
                            "side",
                            "entry",
                            "level",
                            "risk-percent",
                            "at",
                            "step",
                            "exchange"},
                           {"no-costs"});
    PlanReportInput report;
    report.strategy = chooseStrategy(line);
    report.side = parseSideOption(line);
    report.capital = parsePositiveDecimal(line.valueOr("capital", "100"), "--capital");
    report.rules = chooseRules(line);
    std::vector<domain::Candle> candles;
    if (!loadMarket(line, report, candles, err)) {
        return kExitBadData;
    }
    report.last_candle = candles.back();
    report.candles_available = candles.size();
    computePlan(candles, report);
    printPlanReport(report, out);
    const bool tradable = report.orders && report.orders->ok();
    return tradable ? kExitOk : kExitRefused;
}

}  // namespace robson::cli
