// PLAN: the technical stop from the chart and the position size from the risk rule, read
// from the exchange now; PLANNING → PENDING (then validate is enqueued) or → REJECTED with
// the reason the market gives.
#include "intent_record.hpp"
#include "robson/domain/position_sizing.hpp"
#include "robson/domain/technical_stop.hpp"
#include "stage.hpp"
#include "stage_json.hpp"
#include "strategy_catalog.hpp"

#include <algorithm>

namespace robson::workers {
namespace {

using domain::Decimal;

/// The intent cannot be planned as asked: REJECTED with a machine code and a sentence.
struct PlanRefusal {
    std::string code;
    std::string reason;
};

struct PlanResult {
    domain::TechnicalStopAnalysis stop;
    std::optional<domain::PositionSize> size;
    std::optional<PlanRefusal> refusal;
    Decimal bid;
    Decimal ask;
    Decimal entry;
};

/// Closed candles only: the exchange's last kline may still be forming, and a stop must not
/// move with a candle that has not closed.
std::vector<domain::Candle> closedCandles(std::vector<domain::Candle> candles,
                                          std::int64_t now_ms) {
    candles.erase(std::remove_if(candles.begin(),
                                 candles.end(),
                                 [now_ms](const domain::Candle& candle) {
                                     return candle.close_time_ms >= now_ms;
                                 }),
                  candles.end());
    return candles;
}

PlanResult computePlan(StageContext& context,
                       const IntentRecord& intent,
                       const domain::Strategy& strategy) {
    const auto rules = context.exchange.symbolRules(intent.symbol);
    const auto candles = closedCandles(
        context.exchange.candles(intent.symbol, intent.timeframe, strategy.stop.lookback + 1),
        context.now_ms());
    const auto book = context.exchange.bookTicker(intent.symbol);
    PlanResult result;
    result.bid = book.bid_price;
    result.ask = book.ask_price;
    // A BUY pays the ask, a SELL receives the bid: the price a MARKET entry starts from.
    result.entry = intent.side == domain::Side::Buy ? book.ask_price : book.bid_price;
    if (candles.empty()) {
        result.refusal = PlanRefusal{
            "no_market_data",
            "the exchange has no closed " + intent.timeframe + " candles for " + intent.symbol};
        return result;
    }
    result.stop =
        domain::analyzeTechnicalStop(candles, intent.side, result.entry, strategy.stop, rules);
    if (!result.stop.stop) {
        result.refusal = PlanRefusal{
            "no_valid_stop",
            result.stop.rejection ? result.stop.rejection->message : "no valid stop was found"};
        return result;
    }
    domain::SizingRequest sizing;
    sizing.side = intent.side;
    sizing.capital = intent.capital;
    sizing.risk_rate = strategy.risk.risk_rate;
    sizing.entry = result.entry;
    sizing.stop = *result.stop.stop;
    sizing.rules = rules;
    sizing.costs = strategy.risk.costs;
    sizing.max_position_rate = strategy.risk.max_position_rate;
    const auto sized = domain::sizePosition(sizing);
    if (!sized.ok()) {
        result.refusal = PlanRefusal{std::string(domain::toString(sized.refusal().code)),
                                     sized.refusal().reason};
        return result;
    }
    result.size = sized.size();
    return result;
}

nlohmann::json planDocument(const PlanResult& plan,
                            const domain::Strategy& strategy,
                            std::int64_t now_ms) {
    nlohmann::json document{{"strategy", strategyJson(strategy)},
                            {"market",
                             {{"bid", plan.bid.toString()},
                              {"ask", plan.ask.toString()},
                              {"entry_reference", plan.entry.toString()}}},
                            {"stop", stopJson(plan.stop)},
                            {"sizing", plan.size ? sizingJson(*plan.size) : nullptr},
                            {"planned_at", isoUtc(now_ms)}};
    if (plan.refusal) {
        document["refusal"] = {{"code", plan.refusal->code}, {"reason", plan.refusal->reason}};
    }
    return document;
}

}  // namespace

std::vector<wire::JobEnvelope> runPlanStage(StageContext& context, const store::ClaimedJob& job) {
    std::optional<IntentRecord> intent;
    std::optional<domain::Strategy> strategy;
    std::optional<PlanRefusal> unusable;
    {
        pqxx::read_transaction read(context.db);
        intent = loadIntent(read, job.intent_id);
        if (intent && intent->status == "PLANNING") {
            try {
                strategy = loadStrategy(read, intent->strategy_id);
            } catch (const UnusableStrategy& error) {
                unusable = PlanRefusal{"unusable_strategy", error.what()};
            }
        }
    }
    if (!intent || intent->status != "PLANNING") {
        completeAsNoOp(context, job);  // cancelled, or planned by an earlier delivery
        return {};
    }
    const std::int64_t now_ms = context.now_ms();
    PlanResult plan;
    if (unusable) {
        plan.refusal = unusable;
    } else {
        plan = computePlan(context, *intent, *strategy);  // exchange errors: retried
    }
    const nlohmann::json document =
        strategy ? planDocument(plan, *strategy, now_ms) : nlohmann::json(nullptr);

    pqxx::work txn(context.db);
    std::vector<wire::JobEnvelope> next;
    if (plan.refusal) {
        const pqxx::result moved = txn.exec_params(
            "UPDATE trading_intents SET status = 'REJECTED', status_code = $2, "
            "       status_reason = $3, plan = $4::jsonb, updated_at = now() "
            " WHERE id = $1 AND status = 'PLANNING'",
            intent->id,
            plan.refusal->code,
            plan.refusal->reason,
            document.dump());
        if (moved.affected_rows() == 1) {
            appendAudit(txn,
                        *intent,
                        context.actor,
                        "PLAN_REFUSED",
                        {{"code", plan.refusal->code}, {"reason", plan.refusal->reason}});
        }
    } else {
        const auto& size = *plan.size;
        const pqxx::result moved = txn.exec_params(
            "UPDATE trading_intents SET status = 'PENDING', quantity = $2, entry_price = $3, "
            "       stop_price = $4, risk_amount = $5, risk_percent = $6, confidence = $7, "
            "       plan = $8::jsonb, updated_at = now() "
            " WHERE id = $1 AND status = 'PLANNING'",
            intent->id,
            size.quantity.toString(),
            plan.entry.toString(),
            plan.stop.stop->toString(),
            size.risk_budget.toString(),
            domain::mulInteger(strategy->risk.risk_rate, 100).toString(),
            confidenceText(plan.stop.confidence),
            document.dump());
        if (moved.affected_rows() == 1) {
            appendAudit(txn,
                        *intent,
                        context.actor,
                        "INTENT_PLANNED",
                        {{"quantity", size.quantity.toString()},
                         {"entry_price", plan.entry.toString()},
                         {"stop_price", plan.stop.stop->toString()},
                         {"risk_amount", size.risk_budget.toString()},
                         {"planned_risk", size.planned_risk.toString()}});
            // The auto-trigger: a planned intent is validated without anyone asking.
            store::NewJob validate;
            validate.intent_id = intent->id;
            validate.tenant_id = intent->tenant_id;
            validate.kind = wire::JobKind::Validate;
            if (auto envelope = store::enqueueJob(txn, validate)) {
                next.push_back(*envelope);
            }
        }
    }
    store::completeJob(txn, job);
    txn.commit();
    return next;
}

}  // namespace robson::workers
