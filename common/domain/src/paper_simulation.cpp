#include "robson/domain/paper_simulation.hpp"

#include "robson/domain/execution_plan.hpp"
#include "robson/domain/position_sizing_costs.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace robson::domain {
namespace {

const Decimal kOne = Decimal::fromInteger(1);
constexpr std::string_view kFindingName = "paper_simulation";

Finding warn(FindingCode code, std::string message) {
    return {code, GuardStatus::Warning, std::move(message)};
}
Finding fail(FindingCode code, std::string message) {
    return {code, GuardStatus::Fail, std::move(message)};
}

/// "1.13 USDT": two decimals for people, with the quote asset when the rules name it.
std::string money(Decimal amount, const SymbolRules& rules) {
    const std::string text = amount.toFixed(2);
    return rules.quote_asset.empty() ? text : text + " " + rules.quote_asset;
}

bool isRate(Decimal rate) {
    return !rate.isNegative() && rate < kOne;
}

std::optional<Finding> checkInputs(const PaperSimulationRequest& request) {
    if (!request.quantity.isPositive() || !request.planned_entry.isPositive() ||
        !request.stop.isPositive() || !request.capital.isPositive() ||
        request.risk_budget.isNegative()) {
        return fail(FindingCode::InvalidInput,
                    "quantity, planned entry, stop and capital must be positive and the budget not "
                    "negative");
    }
    const CostModel& costs = request.costs;
    if (!isRate(costs.taker_fee_rate) || !isRate(costs.stop_limit_offset_rate) ||
        !isRate(costs.entry_slippage_rate)) {
        return fail(FindingCode::InvalidInput, "cost rates must be within [0, 1)");
    }
    const bool buy = request.side == Side::Buy;
    if (buy ? request.stop >= request.planned_entry : request.stop <= request.planned_entry) {
        return fail(FindingCode::InvalidInput,
                    std::string("a ") + std::string(toString(request.side)) + "'s stop must be " +
                        (buy ? "below" : "above") + " the planned entry: stop " +
                        request.stop.toString() + ", entry " + request.planned_entry.toString());
    }
    const MarketQuote& quote = request.quote;
    if (!quote.best_bid.isPositive() || !quote.last_price.isPositive() ||
        quote.best_ask < quote.best_bid) {
        return fail(FindingCode::InvalidQuote,
                    "the quote is empty or crossed: bid " + quote.best_bid.toString() + ", ask " +
                        quote.best_ask.toString() + ", last " + quote.last_price.toString());
    }
    return std::nullopt;
}

/// The loss when the whole quantity exits at `price`, both fees included.
Decimal exitLoss(const PaperSimulationRequest& request,
                 const PaperSimulation& simulation,
                 Decimal price) {
    const bool buy = request.side == Side::Buy;
    const Decimal exit_value =
        mul(request.quantity, price, buy ? Rounding::Floor : Rounding::Ceiling);
    const Decimal exit_fee = mul(exit_value, request.costs.taker_fee_rate, Rounding::Ceiling);
    const Decimal price_loss =
        buy ? simulation.notional - exit_value : exit_value - simulation.notional;
    return price_loss + simulation.entry_fee + exit_fee;
}

void priceTheTrade(const PaperSimulationRequest& request, PaperSimulation& simulation) {
    const bool buy = request.side == Side::Buy;
    const MarketQuote& quote = request.quote;
    const CostModel& costs = request.costs;
    simulation.entry_reference = buy ? quote.best_ask : quote.best_bid;
    simulation.entry_fill_price =
        buy ? mul(simulation.entry_reference, kOne + costs.entry_slippage_rate, Rounding::Ceiling)
            : mul(simulation.entry_reference, kOne - costs.entry_slippage_rate, Rounding::Floor);
    simulation.notional = mul(
        request.quantity, simulation.entry_fill_price, buy ? Rounding::Ceiling : Rounding::Floor);
    simulation.entry_fee = mul(simulation.notional, costs.taker_fee_rate, Rounding::Ceiling);
    const auto prices =
        protectiveStopPrices(request.side, request.stop, costs, request.rules.tick_size);
    simulation.stop_trigger = prices.trigger;
    simulation.stop_limit_price = prices.limit;
    simulation.stop_quantity = protectiveStopQuantity(request.side,
                                                      request.quantity,
                                                      costs.taker_fee_rate,
                                                      request.rules,
                                                      request.commission_in_base);
    simulation.loss_at_trigger = exitLoss(request, simulation, prices.trigger);
    simulation.loss_at_limit = exitLoss(request, simulation, prices.limit);
    simulation.worst_loss_percent =
        div(mulInteger(simulation.loss_at_limit, 100), request.capital, Rounding::HalfEven);
    simulation.spread = quote.best_ask - quote.best_bid;
    simulation.spread_percent = div(
        mulInteger(simulation.spread, 200), quote.best_bid + quote.best_ask, Rounding::HalfEven);
}

/// "the entry MARKET BUY order breaks LOT_SIZE: ..." as the right finding.
Finding breachFinding(const PlannedOrder& order, const char* leg, const FilterBreach& breach) {
    const std::string message =
        std::string("the ") + leg + " " + std::string(toString(order.type)) + " " +
        std::string(toString(order.side)) + " order breaks " + breach.filter + ": " + breach.detail;
    return fail(breach.filter == "ORDER_TYPE" ? FindingCode::OrderTypeNotAllowed
                                              : FindingCode::FilterBreach,
                message);
}

void checkOrders(const PaperSimulationRequest& request,
                 const PaperSimulation& simulation,
                 std::vector<Finding>& findings) {
    const SymbolRules& rules = request.rules;
    PlannedOrder entry;
    entry.symbol = rules.symbol;
    entry.side = request.side;
    entry.type = OrderType::Market;
    entry.quantity = request.quantity;
    if (auto breach = checkOrder(entry, rules, simulation.entry_fill_price)) {
        findings.push_back(breachFinding(entry, "entry", *breach));
    }
    const auto stop_type = protectiveStopType(rules);
    if (!stop_type) {
        findings.push_back(
            fail(FindingCode::OrderTypeNotAllowed,
                 "neither STOP_LOSS_LIMIT nor STOP_LOSS is allowed for " + rules.symbol));
        return;
    }
    PlannedOrder stop;
    stop.symbol = rules.symbol;
    stop.side = opposite(request.side);
    stop.type = *stop_type;
    stop.quantity = simulation.stop_quantity;
    stop.stop_price = simulation.stop_trigger;
    if (stop.type == OrderType::StopLossLimit) {
        stop.price = simulation.stop_limit_price;
    }
    if (auto breach = checkOrder(stop, rules, simulation.stop_trigger)) {
        findings.push_back(breachFinding(stop, "stop", *breach));
    }
}

void checkStopAgainstMarket(const PaperSimulationRequest& request,
                            const PaperSimulation& simulation,
                            std::vector<Finding>& findings) {
    const MarketQuote& quote = request.quote;
    const bool buy = request.side == Side::Buy;
    // Binance triggers on the last trade; §5 asks for the stop beyond the bid (ask): check both.
    const bool fires = buy ? simulation.stop_trigger >= min(quote.best_bid, quote.last_price)
                           : simulation.stop_trigger <= max(quote.best_ask, quote.last_price);
    if (fires) {
        findings.push_back(fail(
            FindingCode::StopWouldTrigger,
            "the " + std::string(toString(opposite(request.side))) + " stop " +
                simulation.stop_trigger.toString() + " is not " + (buy ? "below" : "above") +
                " the market (" +
                (buy ? "bid " + quote.best_bid.toString() : "ask " + quote.best_ask.toString()) +
                ", last " + quote.last_price.toString() + "): it would trigger at once"));
    }
}

void addWarnings(const PaperSimulationRequest& request,
                 const PaperSimulation& simulation,
                 std::vector<Finding>& findings) {
    const SymbolRules& rules = request.rules;
    if (simulation.loss_at_limit > request.risk_budget) {
        findings.push_back(warn(FindingCode::LossExceedsBudget,
                                "a stop-out would lose " + money(simulation.loss_at_limit, rules) +
                                    ", above the " + request.risk_budget.toFixed(2) + " budget"));
    }
    const Decimal distance = (simulation.entry_fill_price - simulation.stop_trigger).abs();
    if (request.atr && std::isfinite(*request.atr) && *request.atr > 0.0 &&
        distance.toDouble() < *request.atr) {
        findings.push_back(warn(
            FindingCode::StopWithinNoise,
            "the stop is " + distance.toString() + " from the entry fill, less than one ATR (" +
                Decimal::fromDouble(*request.atr, Rounding::HalfEven).toFixed(2) +
                "): ordinary noise can reach it"));
    }
    const Decimal drift = simulation.entry_reference - request.planned_entry;
    if (div(drift.abs(), request.planned_entry, Rounding::HalfEven) > kEntryDriftRate) {
        const Decimal percent =
            div(mulInteger(drift.abs(), 100), request.planned_entry, Rounding::HalfEven);
        findings.push_back(
            warn(FindingCode::EntryDrift,
                 std::string("the ") + (request.side == Side::Buy ? "ask " : "bid ") +
                     simulation.entry_reference.toString() + " is " + percent.toFixed(2) + "% " +
                     (drift.isPositive() ? "above" : "below") + " the planned entry " +
                     request.planned_entry.toString() + ": the size was computed for that price"));
    }
    if (simulation.spread_percent > mulInteger(kWideSpreadRate, 100)) {
        findings.push_back(warn(FindingCode::WideSpread,
                                "the spread " + simulation.spread.toString() + " is " +
                                    simulation.spread_percent.toFixed(2) +
                                    "% of the mid price, wider than 0.1%"));
    }
    if (rules.tick_size.isPositive() && !request.stop.isMultipleOf(rules.tick_size)) {
        findings.push_back(warn(FindingCode::StopRoundedToTick,
                                "the stop " + request.stop.toString() + " is off the " +
                                    rules.tick_size.toString() + " tick; the order will carry " +
                                    simulation.stop_trigger.toString()));
    }
}

}  // namespace

std::string_view toString(FindingCode code) {
    switch (code) {
        case FindingCode::LossExceedsBudget:
            return "LOSS_EXCEEDS_BUDGET";
        case FindingCode::StopWithinNoise:
            return "STOP_WITHIN_NOISE";
        case FindingCode::EntryDrift:
            return "ENTRY_DRIFT";
        case FindingCode::WideSpread:
            return "WIDE_SPREAD";
        case FindingCode::StopRoundedToTick:
            return "STOP_ROUNDED_TO_TICK";
        case FindingCode::InvalidInput:
            return "INVALID_INPUT";
        case FindingCode::InvalidQuote:
            return "INVALID_QUOTE";
        case FindingCode::FilterBreach:
            return "FILTER_BREACH";
        case FindingCode::StopWouldTrigger:
            return "STOP_WOULD_TRIGGER";
        case FindingCode::OrderTypeNotAllowed:
            return "ORDER_TYPE_NOT_ALLOWED";
    }
    return "UNKNOWN";
}

bool PaperSimulation::passes() const {
    return std::none_of(findings.begin(), findings.end(), [](const Finding& finding) {
        return finding.severity == GuardStatus::Fail;
    });
}

PaperSimulation simulateTrade(const PaperSimulationRequest& request) {
    PaperSimulation simulation;
    if (auto invalid = checkInputs(request)) {
        simulation.findings.push_back(*invalid);
        return simulation;
    }
    priceTheTrade(request, simulation);
    checkOrders(request, simulation, simulation.findings);
    checkStopAgainstMarket(request, simulation, simulation.findings);
    addWarnings(request, simulation, simulation.findings);
    return simulation;
}

std::vector<GuardResult> toGuardResults(const PaperSimulation& simulation) {
    std::vector<GuardResult> results;
    for (const Finding& finding : simulation.findings) {
        results.push_back(
            finding.severity == GuardStatus::Fail
                ? GuardResult::fail(kFindingName, finding.message, toString(finding.code))
                : GuardResult::warning(kFindingName, finding.message, toString(finding.code)));
    }
    if (results.empty()) {
        results.push_back(GuardResult::pass(
            kFindingName,
            "a stop-out would lose at most " + simulation.loss_at_limit.toFixed(2) + " (" +
                simulation.worst_loss_percent.toFixed(2) + "% of capital)"));
    }
    return results;
}

}  // namespace robson::domain
