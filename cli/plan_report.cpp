#include "plan_report.hpp"

#include "robson/domain/utc_time.hpp"

#include <iomanip>
#include <string>

namespace robson::cli {
namespace {

using domain::Decimal;

std::string money(Decimal value) {
    return value.toFixed(2);
}

/// A price with as many decimals as the symbol's tick (93500.00 for a 0.01 tick).
std::string price(Decimal value, Decimal tick) {
    const std::string tick_text = tick.toString();
    const auto dot = tick_text.find('.');
    const int places = dot == std::string::npos ? 0 : static_cast<int>(tick_text.size() - dot - 1);
    return value.toFixed(places);
}
std::string percent(Decimal value) {
    return value.toFixed(2) + "%";
}

std::string ordinal(int n) {
    const int last_two = n % 100;
    const char* suffix = "th";
    if (last_two < 11 || last_two > 13) {
        suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    }
    return std::to_string(n) + suffix;
}

void printHeader(const PlanReportInput& r, std::ostream& out) {
    const auto& s = r.strategy;
    out << "Strategy  " << s.name << " (" << toString(s.mode) << ", " << s.timeframe << ", risk "
        << domain::mul(s.risk.risk_rate, Decimal::fromInteger(100), domain::Rounding::HalfEven)
               .toString()
        << "% per trade; entry: " << domain::describe(s.entry_signal) << ")\n";
    out << "Market    " << r.rules.symbol << " " << toString(r.side) << " at "
        << price(r.entry, r.rules.tick_size) << " " << r.rules.quote_asset << " (last candle "
        << domain::formatUtc(r.last_candle.open_time_ms) << ", " << r.stop.candles_read << " of "
        << r.candles_available << " candles read)\n\n";
}

void printLevels(const PlanReportInput& r, std::ostream& out) {
    const bool buy = r.side == domain::Side::Buy;
    out << "Technical stop\n  " << (buy ? "Supports below" : "Resistances above")
        << " the entry, nearest first (" << r.stop.swings_found << " swing "
        << (buy ? "lows" : "highs") << " found):\n";
    if (r.stop.levels.empty()) {
        out << "    none\n";
    }
    for (std::size_t i = 0; i < r.stop.levels.size(); ++i) {
        const auto& level = r.stop.levels[i];
        const int number = static_cast<int>(i) + 1;
        out << "    #" << std::left << std::setw(3) << number << std::right << std::setw(14)
            << price(level.price, r.rules.tick_size) << "  " << std::setw(2) << level.touches
            << (level.touches == 1 ? " touch  " : " touches") << "  " << std::setw(7)
            << percent(level.distance_percent) << " away  last touch "
            << domain::formatUtc(level.last_touch_ms);
        if (r.stop.chosen_level == number) {
            out << "   <- chosen";
        } else if (number == r.strategy.stop.level_n) {
            out << "   (" << ordinal(number) << ": the configured level)";
        }
        out << "\n";
    }
    out << "  " << domain::explainTechnicalStop(r.stop) << "\n\n";
}

void printSize(const PlanReportInput& r, std::ostream& out) {
    if (!r.size) {
        return;
    }
    out << "Position size (risk rule: loss at the stop <= capital x risk)\n";
    if (!r.size->ok()) {
        out << "  REFUSED [" << toString(r.size->refusal().code) << "] " << r.size->refusal().reason
            << "\n\n";
        return;
    }
    const auto& size = r.size->size();
    const auto& costs = r.strategy.risk.costs;
    const std::string quote = " " + r.rules.quote_asset;
    out << "  Capital                 " << money(r.capital) << quote << "\n"
        << "  Risk budget             " << money(size.risk_budget) << quote << "\n"
        << "  Quantity                " << size.quantity.toString() << " " << r.rules.base_asset
        << "  (bound: " << toString(size.bound) << ", step " << r.rules.step_size.toString()
        << ")\n"
        << "  Position value          " << money(size.position_value) << quote << " ("
        << money(size.value_with_fees) << " with the entry fee)\n"
        << "  Loss at the stop        " << size.planned_risk.toFixed(4, domain::Rounding::Ceiling)
        << quote
        << " with costs  (price only: " << size.naive_risk.toFixed(4, domain::Rounding::Ceiling)
        << ")\n"
        << "  Costs assumed           taker fee " << costs.taker_fee_rate.toString()
        << " per leg, stop-limit offset " << costs.stop_limit_offset_rate.toString()
        << ", entry slippage " << costs.entry_slippage_rate.toString() << "\n";
    if (!size.note.empty()) {
        out << "  Note                    " << size.note << "\n";
    }
    if (r.naive_size && r.naive_size->ok() && r.naive_size->size().quantity != size.quantity) {
        const auto& naive = r.naive_size->size();
        const Decimal real_loss = domain::lossAtStop(
            naive.quantity, r.entry, *r.stop.stop, costs, r.side, r.rules.tick_size);
        out << "  Cost-blind rule         would buy " << naive.quantity.toString()
            << " and really lose " << real_loss.toFixed(4, domain::Rounding::Ceiling) << quote
            << " at the stop (budget " << money(size.risk_budget) << ")\n";
    }
    out << "\n";
}

void printOrder(const char* label,
                const domain::PlannedOrder& order,
                Decimal tick,
                std::ostream& out) {
    out << "  " << std::left << std::setw(6) << label << std::right << toString(order.side) << " "
        << toString(order.type) << " " << order.quantity.toString() << " " << order.symbol;
    if (order.stop_price) {
        out << "  stop " << price(*order.stop_price, tick);
    }
    if (order.price) {
        out << "  limit " << price(*order.price, tick);
    }
    if (order.time_in_force) {
        out << "  " << toString(*order.time_in_force);
    }
    out << "  (client id " << order.client_order_id << ")\n";
}

void printOrders(const PlanReportInput& r, std::ostream& out) {
    if (!r.orders) {
        return;
    }
    out << "Orders (the same for DRY-RUN, the default, and LIVE)\n";
    if (!r.orders->ok()) {
        const auto& refusal = r.orders->refusal();
        out << "  REFUSED [" << refusal.filter << "] " << refusal.reason << "\n";
        return;
    }
    const auto& plan = r.orders->plan();
    printOrder("ENTRY", plan.entry, r.rules.tick_size, out);
    printOrder("STOP", plan.stop, r.rules.tick_size, out);
    if (plan.unprotected_quantity.isPositive()) {
        out << "  The stop covers what arrives after the commission; "
            << plan.unprotected_quantity.toString() << " " << r.rules.base_asset
            << " of step dust stays outside it.\n";
    }
}

}  // namespace

void printPlanReport(const PlanReportInput& report, std::ostream& out) {
    printHeader(report, out);
    printLevels(report, out);
    printSize(report, out);
    printOrders(report, out);
}

}  // namespace robson::cli
