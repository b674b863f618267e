// VALIDATE: the five guards and the paper simulation against the account and market now;
// PENDING → VALIDATED (warnings shown, never blocking) or → REJECTED (any FAIL). A pattern
// intent in an automatic mode then goes on to EXECUTING when every guardrail allows.
#include "auto_execution.hpp"
#include "intent_record.hpp"
#include "robson/domain/execution_plan.hpp"
#include "robson/domain/indicators.hpp"
#include "robson/domain/paper_simulation.hpp"
#include "robson/domain/validation_report.hpp"
#include "stage.hpp"
#include "stage_json.hpp"
#include "strategy_catalog.hpp"

namespace robson::workers {
namespace {

using domain::Decimal;

std::optional<Decimal> freeBalance(const std::vector<exchange::Balance>& balances,
                                   const std::string& asset) {
    for (const auto& balance : balances) {
        if (balance.asset == asset) {
            return balance.free;
        }
    }
    return Decimal{};  // the account holds none of it: a known zero, not an unknown
}

/// Symbols of the tenant's LIVE positions still protected by an open stop on the exchange.
std::vector<std::string> openPositionSymbols(pqxx::transaction_base& txn, std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(
        "SELECT i.symbol FROM trading_intents i JOIN orders o ON o.intent_id = i.id "
        " WHERE i.tenant_id = $1 AND i.status = 'EXECUTED' AND o.mode = 'LIVE' "
        "   AND o.role = 'STOP_LOSS' AND o.state IN ('NEW', 'PARTIALLY_FILLED')",
        tenant_id);
    std::vector<std::string> symbols;
    for (const auto& row : rows) {
        symbols.push_back(row[0].as<std::string>());
    }
    return symbols;
}

Decimal planDecimal(const nlohmann::json& plan, const char* section, const char* field) {
    return Decimal::fromString(plan.at(section).at(field).get<std::string>());
}

}  // namespace

std::vector<wire::JobEnvelope> runValidateStage(StageContext& context,
                                                const store::ClaimedJob& job) {
    std::optional<IntentRecord> intent;
    std::optional<domain::Strategy> strategy;
    std::vector<std::string> open_symbols;
    {
        pqxx::read_transaction read(context.db);
        intent = loadIntent(read, job.intent_id);
        if (intent && intent->status == "PENDING") {
            strategy = loadStrategy(read, intent->strategy_id);
            open_symbols = openPositionSymbols(read, intent->tenant_id);
        }
    }
    if (!intent || intent->status != "PENDING") {
        completeAsNoOp(context, job);
        return {};
    }
    // The market and the account now (exchange errors are retried by the loop).
    const auto rules = context.exchange.symbolRules(intent->symbol);
    const auto book = context.exchange.bookTicker(intent->symbol);
    const auto balances = context.exchange.balances();
    const auto candles =
        context.exchange.candles(intent->symbol, intent->timeframe, strategy->stop.lookback);
    const std::int64_t now_ms = context.now_ms();

    domain::ValidationContext guards;
    // Judged as for LIVE, the strictest reading: a VALIDATED intent is fit to be sent.
    guards.mode = domain::ExecutionMode::Live;
    guards.trade.symbol = intent->symbol;
    guards.trade.base_asset = rules.base_asset;
    guards.trade.quote_asset = rules.quote_asset;
    guards.trade.side = intent->side;
    guards.trade.quantity = *intent->quantity;
    guards.trade.entry_price = *intent->entry_price;
    guards.trade.stop_price = *intent->stop_price;
    guards.trade.capital = intent->capital;
    guards.trade.planned_risk = planDecimal(intent->plan, "sizing", "planned_risk");
    guards.trade.taker_fee_rate = strategy->risk.costs.taker_fee_rate;
    guards.account.free_quote = freeBalance(balances, rules.quote_asset);
    guards.account.free_base = freeBalance(balances, rules.base_asset);
    // Robson does not track closed positions' results yet (stops filled later are not read
    // back), so realized losses are counted as none; see docs/decisions/0003-pipeline.md.
    guards.losses.today = Decimal{};
    guards.losses.month = Decimal{};
    guards.open_position_symbols = open_symbols;
    guards.market.symbol_status = rules.status;
    guards.market.allowed_order_types = rules.order_types;
    guards.market.needed_order_types.insert(domain::OrderType::Market);
    if (const auto stop_type = domain::protectiveStopType(rules)) {
        guards.market.needed_order_types.insert(*stop_type);
    }
    guards.market.last_data_ms = now_ms;  // the book ticker was read just now
    guards.market.now_ms = now_ms;

    domain::ValidationReport report = domain::validate(guards, domain::GuardLimits{}, now_ms);

    domain::PaperSimulationRequest rehearsal;
    rehearsal.side = intent->side;
    rehearsal.quantity = *intent->quantity;
    rehearsal.planned_entry = *intent->entry_price;
    rehearsal.stop = *intent->stop_price;
    rehearsal.capital = intent->capital;
    rehearsal.risk_budget = planDecimal(intent->plan, "sizing", "risk_budget");
    rehearsal.costs = strategy->risk.costs;
    rehearsal.rules = rules;
    rehearsal.quote = domain::MarketQuote{book.bid_price, book.ask_price, book.ask_price};
    rehearsal.atr = domain::lastValue(domain::atr(candles, strategy->stop.atr_period));
    for (auto& finding : domain::toGuardResults(domain::simulateTrade(rehearsal))) {
        domain::addFinding(report, std::move(finding));
    }
    const auto next_status = domain::intentAfterValidation(report);
    const std::string status(domain::toString(next_status));

    std::string rejection_reasons;
    for (const auto& guard : report.guards) {
        if (guard.status == domain::GuardStatus::Fail) {
            rejection_reasons +=
                (rejection_reasons.empty() ? "" : "; ") + guard.name + ": " + guard.message;
        }
    }
    const bool validated = next_status == domain::IntentStatus::Validated;

    pqxx::work txn(context.db);
    const pqxx::result moved = txn.exec_params(
        "UPDATE trading_intents SET status = $2::intent_status, validation_result = $3::jsonb, "
        "       validated_at = now(), updated_at = now(), "
        "       status_code = CASE WHEN $2 = 'REJECTED' THEN 'guard_failed' END, "
        "       status_reason = CASE WHEN $2 = 'REJECTED' THEN $4 END "
        " WHERE id = $1 AND status = 'PENDING'",
        intent->id,
        status,
        validationJson(report).dump(),
        rejection_reasons);
    std::vector<wire::JobEnvelope> next;
    if (moved.affected_rows() == 1) {
        appendAudit(txn,
                    *intent,
                    context.actor,
                    validated ? "INTENT_VALIDATED" : "INTENT_REJECTED",
                    {{"status", std::string(domain::toString(report.status))},
                     {"warnings", report.warnings}});
        // A pattern intent in an automatic mode: the guardrails decide, in this transaction.
        if (auto execute = startAutomaticExecution(
                txn, *intent, validated, rejection_reasons, context.actor)) {
            next.push_back(*execute);
        }
    }
    store::completeJob(txn, job);
    txn.commit();
    return next;
}

}  // namespace robson::workers
