// EXECUTE: DRY-RUN shows the exact orders; LIVE places the entry and its exchange-side stop
// exactly once (docs/decisions/0003-pipeline.md, "LIVE placement"). EXECUTING → EXECUTED or
// FAILED. Never a filled entry without a stop: an entry is not sent without room on the
// symbol's open-order limits (MAX_NUM_ORDERS, MAX_NUM_ALGO_ORDERS) for its stop, and a stop the
// exchange keeps refusing is replaced by a market exit and the intent FAILS with the reason.
#include "auto_execution.hpp"
#include "intent_record.hpp"
#include "log_line.hpp"
#include "order_book.hpp"
#include "order_room_check.hpp"
#include "pipeline_metrics.hpp"
#include "retry_later.hpp"
#include "robson/domain/client_order_id.hpp"
#include "robson/domain/execution_plan.hpp"
#include "robson/exchange/exchange_error.hpp"
#include "robson/exchange/place_or_reconcile.hpp"
#include "stage.hpp"
#include "stage_json.hpp"
#include "strategy_catalog.hpp"

#include <stdexcept>

namespace robson::workers {
namespace {

using domain::Decimal;
using domain::ExecutionMode;

/// An outcome the exchange left open (unknown placement, entry not yet final): retried later.
class NotYetKnown : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// How long a filled entry may stay without a confirmed stop before it is closed at market.
constexpr std::int64_t kMaxUnprotectedMs = 30'000;

/// status_code of a FAILED execution: one of the symbol's open-order limits (MAX_NUM_ORDERS,
/// or MAX_NUM_ALGO_ORDERS for a stop) was in the way — before the entry, or refusing a stop
/// or exit — or anything else.
constexpr std::string_view kOrderLimitCode = "exchange_order_limit";
constexpr std::string_view kExecutionFailedCode = "execution_failed";

/// One order's fate, counted (robson_orders_total) and logged with its intent.
void recordOrder(const std::string& intent_id,
                 std::string_view mode,
                 std::string_view leg,
                 std::string_view result,
                 const std::string& client_order_id) {
    if (auto* metrics = pipelineMetrics()) {
        metrics->order(mode, leg, result);
    }
    logEvent(result == "placed" ? "info" : "warning",
             "order_" + std::string(result),
             {{"intent_id", intent_id},
              {"mode", std::string(mode)},
              {"leg", std::string(leg)},
              {"client_order_id", client_order_id}});
}

ExecutionMode modeOf(const store::ClaimedJob& job) {
    const auto payload = nlohmann::json::parse(job.payload_json, nullptr, false);
    if (payload.is_object() && payload.value("mode", "DRY_RUN") == "LIVE") {
        return ExecutionMode::Live;
    }
    return ExecutionMode::DryRun;  // the safe default for anything unclear
}

nlohmann::json optionalDecimalJson(const std::optional<Decimal>& value) {
    return value ? nlohmann::json(value->toString()) : nlohmann::json(nullptr);
}

/// A limit of the symbol's rules, null when it has none.
nlohmann::json optionalCount(const std::optional<int>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json orderJson(const OrderRow& row) {
    // "price": the average fill when known, else the price sent (LIMIT legs), else null.
    const auto price = row.average_price ? row.average_price : row.price;
    return {{"type", std::string(toString(row.role))},
            {"side", std::string(domain::toString(row.side))},
            {"order_type", row.type},
            {"client_order_id", row.client_order_id},
            {"quantity", row.quantity.toString()},
            {"executed_quantity", optionalDecimalJson(row.executed_quantity)},
            {"price", optionalDecimalJson(price)},
            {"limit_price", optionalDecimalJson(row.price)},
            {"stop_price", optionalDecimalJson(row.stop_price)},
            {"binance_order_id",
             row.exchange_order_id ? nlohmann::json(*row.exchange_order_id) : nullptr},
            {"status", row.state}};
}

/// Everything one execution needs, loaded once per delivery.
struct Execution {
    StageContext& context;
    const store::ClaimedJob& job;
    IntentRecord intent;
    ExecutionMode mode = ExecutionMode::DryRun;
    domain::Strategy strategy;
    domain::SymbolRules rules;
    domain::ExecutionPlan plan;
    nlohmann::json audit_summary = nlohmann::json::array();
};

void audit(Execution& run, const std::string& action, const nlohmann::json& details) {
    pqxx::work txn(run.context.db);
    appendAudit(txn, run.intent, run.context.actor, action, details);
    txn.commit();
}

/// Audits an order event once per intent, action and client order id: a delivery that resumes
/// after a crash (the order already on the exchange, "adopted") writes the row an earlier
/// delivery may or may not have written — never none, never two.
void auditOnce(Execution& run,
               const std::string& action,
               const std::string& client_order_id,
               const nlohmann::json& details) {
    pqxx::work txn(run.context.db);
    const pqxx::result seen = txn.exec_params(
        "SELECT 1 FROM audit_trail WHERE intent_id = $1 AND action = $2 "
        "   AND details->>'client_order_id' = $3 LIMIT 1",
        run.intent.id,
        action,
        client_order_id);
    if (seen.empty()) {
        appendAudit(txn, run.intent, run.context.actor, action, details);
    }
    txn.commit();
}

/// A refusal that is no refusal: the request never reached the matching engine (429/418 rate
/// limit, a connection that could not be made, a clock to resync). Retrying the same client
/// order id later is safe, and failing the intent for it would be wrong.
bool isTransientRefusal(const exchange::ExchangeError& error) {
    return error.kind == exchange::ExchangeErrorKind::RateLimited ||
           error.kind == exchange::ExchangeErrorKind::Network ||
           error.kind == exchange::ExchangeErrorKind::ClockSkew;
}

/// A refusal by one of the symbol's open-order limits: MAX_NUM_ORDERS (no order at all until
/// one of the account's open orders there closes) or MAX_NUM_ALGO_ORDERS (no stop until one
/// of its open stops closes; a market exit still goes through).
bool isOrderLimit(const exchange::ExchangeError& refusal) {
    return exchange::isOpenOrderLimit(refusal) || exchange::isAlgoOrderLimit(refusal);
}

/// The code of a refusal: the open-order limits', or the general one.
std::string_view failureCode(const exchange::ExchangeError& refusal) {
    return isOrderLimit(refusal) ? kOrderLimitCode : kExecutionFailedCode;
}

/// The audit details of an order the exchange refused: its words, and the open-order limits'
/// code when one of them was the reason.
nlohmann::json refusalDetails(const exchange::ExchangeError& refusal) {
    nlohmann::json details{{"error", refusal.describe()}};
    if (isOrderLimit(refusal)) {
        details["code"] = std::string(kOrderLimitCode);
    }
    return details;
}

[[noreturn]] void retryLater(const std::string& client_order_id,
                             const exchange::ExchangeError& error) {
    // Without a Retry-After the worker loop's own backoff applies.
    throw RetryLater("order " + client_order_id + " was not sent: " + error.describe(),
                     error.retry_after.value_or(std::chrono::milliseconds(0)));
}

/// Ends the intent: EXECUTING → EXECUTED or FAILED with the execution result, and the job. A
/// FAILED intent carries `code` as its status_code and in its INTENT_FAILED row.
void finish(Execution& run,
            bool success,
            const std::string& error,
            std::string_view code = kExecutionFailedCode) {
    pqxx::work txn(run.context.db);
    nlohmann::json orders = nlohmann::json::array();
    for (const auto role : {OrderRole::Entry, OrderRole::StopLoss, OrderRole::Exit}) {
        if (const auto row = loadOrderRow(txn, run.intent.id, role, run.mode)) {
            orders.push_back(orderJson(*row));
        }
    }
    const std::int64_t now_ms = run.context.now_ms();
    const nlohmann::json result{
        {"status", success ? "SUCCESS" : "FAILED"},
        {"mode", std::string(domain::toString(run.mode))},
        {"orders", orders},
        {"audit_trail", run.audit_summary},
        {"error", error.empty() ? nlohmann::json(nullptr) : nlohmann::json(error)},
        {"executed_at", isoUtc(now_ms)}};
    const pqxx::result moved = txn.exec_params(
        "UPDATE trading_intents SET status = $2::intent_status, execution_result = $3::jsonb, "
        "       executed_at = now(), updated_at = now(), "
        "       status_code = CASE WHEN $2 = 'FAILED' THEN $5 END, "
        "       status_reason = CASE WHEN $2 = 'FAILED' THEN $4 END "
        " WHERE id = $1 AND status = 'EXECUTING'",
        run.intent.id,
        std::string(success ? "EXECUTED" : "FAILED"),
        result.dump(),
        error,
        std::string(code));
    if (moved.affected_rows() == 1) {
        nlohmann::json details{{"mode", std::string(domain::toString(run.mode))}, {"error", error}};
        if (!success) {
            details["code"] = std::string(code);
        }
        appendAudit(txn,
                    run.intent,
                    run.context.actor,
                    success ? "INTENT_EXECUTED" : "INTENT_FAILED",
                    details);
    }
    store::completeJob(txn, run.job);
    txn.commit();
}

void executeDryRun(Execution& run) {
    {
        pqxx::work txn(run.context.db);
        static_cast<void>(ensureOrderRow(
            txn, run.intent, OrderRole::Entry, run.mode, run.plan.entry, "SIMULATED"));
        static_cast<void>(ensureOrderRow(
            txn, run.intent, OrderRole::StopLoss, run.mode, run.plan.stop, "SIMULATED"));
        txn.commit();
    }
    recordOrder(run.intent.id, "dry_run", "entry", "placed", run.plan.entry.client_order_id);
    recordOrder(run.intent.id, "dry_run", "stop", "placed", run.plan.stop.client_order_id);
    const auto& entry = run.plan.entry;
    run.audit_summary.push_back(
        {{"action", std::string("DRY_RUN_") + std::string(domain::toString(entry.side))},
         {"quantity", entry.quantity.toString()},
         {"price", run.intent.entry_price->toString()},
         {"asset", run.rules.base_asset}});
    run.audit_summary.push_back({{"action", "DRY_RUN_STOP_LOSS"},
                                 {"stop_price", optionalDecimalJson(run.plan.stop.stop_price)},
                                 {"limit_price", optionalDecimalJson(run.plan.stop.price)}});
    finish(run, true, "");
}

/// The exchange's state of an order whose row exists: from the row when final, else by
/// querying (an earlier delivery may have sent it), else by placing it — exactly once.
/// Returns nullopt when the exchange definitely refused it (row marked REJECTED; the error in
/// `refusal`). Throws NotYetKnown when the outcome is still unknown.
std::optional<exchange::OrderState> placeOnce(Execution& run,
                                              const EnsuredOrder& ensured,
                                              const domain::PlannedOrder& order,
                                              std::string_view leg,
                                              exchange::ExchangeError& refusal) {
    auto& exchange = run.context.exchange;
    std::optional<exchange::OrderState> known;
    if (ensured.existed || run.job.attempt > 1) {
        known = exchange.queryOrder(order.symbol, order.client_order_id);
        if (auto* metrics = pipelineMetrics()) {
            metrics->reconciliation(known ? "found" : "not_found");
        }
    }
    if (!known) {
        store::extendLease(run.context.db, run.job, std::chrono::seconds(90));
        const auto placed = exchange::placeOrReconcile(exchange, order);
        // A transient refusal (429, clock skew) is not the exchange saying no: counted as an
        // error, and the job retried after the exchange's Retry-After.
        const bool transient = placed.rejected() && isTransientRefusal(placed.error());
        recordOrder(
            run.intent.id,
            "live",
            leg,
            placed.placed() ? "placed" : (placed.rejected() && !transient ? "refused" : "error"),
            order.client_order_id);
        if (transient) {
            retryLater(order.client_order_id, placed.error());
        }
        if (placed.rejected()) {
            refusal = placed.error();
            pqxx::work txn(run.context.db);
            recordState(txn, order.client_order_id, "REJECTED");
            txn.commit();
            return std::nullopt;
        }
        if (placed.unknown()) {
            throw NotYetKnown("order " + order.client_order_id +
                              " has an unknown outcome: " + placed.error().describe());
        }
        known = placed.order();
    }
    pqxx::work txn(run.context.db);
    recordExchangeState(txn, order.client_order_id, *known);
    txn.commit();
    return known;
}

/// Before a market exit: a stop whose placement is unconfirmed may be on the exchange after all
/// (-1007, a dropped answer); it is cancelled so that it cannot sell the position a second
/// time. Returns true when that stop has already filled (the position is closed by it).
bool cancelUnconfirmedStop(Execution& run) {
    std::optional<OrderRow> stop;
    {
        pqxx::read_transaction read(run.context.db);
        stop = loadOrderRow(read, run.intent.id, OrderRole::StopLoss, run.mode);
    }
    if (!stop || stop->state == "REJECTED" || stop->state == "CANCELED" ||
        stop->state == "EXPIRED") {
        return false;
    }
    auto& exchange = run.context.exchange;
    auto found = exchange.queryOrder(run.intent.symbol, stop->client_order_id);
    if (!found) {
        pqxx::work txn(run.context.db);
        recordState(txn, stop->client_order_id, "REJECTED");  // never reached the exchange
        txn.commit();
        return false;
    }
    if (!exchange::isTerminal(found->status)) {
        found = exchange.cancelOrder(run.intent.symbol, stop->client_order_id);
        auditOnce(run,
                  "STOP_LOSS_CANCELLED",
                  stop->client_order_id,
                  {{"client_order_id", stop->client_order_id},
                   {"exchange_order_id", found->order_id},
                   {"reason", "unconfirmed stop-loss cancelled before the market exit"}});
    }
    pqxx::work txn(run.context.db);
    recordExchangeState(txn, stop->client_order_id, *found);
    txn.commit();
    return found->status == exchange::OrderStatus::Filled;
}

/// The code of an execution ended by a market exit: the open-order limit's when one of its
/// orders was refused for it — in this delivery or an earlier one, hence the audit trail.
std::string_view exitCode(Execution& run) {
    pqxx::read_transaction read(run.context.db);
    const pqxx::result seen = read.exec_params(
        "SELECT 1 FROM audit_trail WHERE intent_id = $1 AND details->>'code' = $2 LIMIT 1",
        run.intent.id,
        std::string(kOrderLimitCode));
    return seen.empty() ? kExecutionFailedCode : kOrderLimitCode;
}

/// Closes a filled entry at market because no stop could be put on the exchange.
void flatten(Execution& run, const Decimal& quantity, const std::string& why) {
    if (cancelUnconfirmedStop(run)) {
        auditOnce(run, "STOP_LOSS_FILLED", "", {{"client_order_id", ""}, {"reason", why}});
        finish(run,
               false,
               why + "; the stop-loss filled meanwhile and closed the position",
               exitCode(run));
        return;
    }
    domain::PlannedOrder exit;
    exit.client_order_id = domain::clientOrderId(run.intent.id, domain::OrderRole::exitMarket());
    exit.symbol = run.intent.symbol;
    exit.side = run.intent.side == domain::Side::Buy ? domain::Side::Sell : domain::Side::Buy;
    exit.type = domain::OrderType::Market;
    exit.quantity = quantity;
    EnsuredOrder ensured;
    {
        pqxx::work txn(run.context.db);
        ensured = ensureOrderRow(txn, run.intent, OrderRole::Exit, run.mode, exit, "SUBMITTING");
        txn.commit();
    }
    exchange::ExchangeError refusal;
    const auto closed = placeOnce(run, ensured, exit, "exit", refusal);
    if (!closed) {
        // The position is open without a stop and the exchange takes no exit. Nothing else
        // can be done automatically (at the open-order limit only a slot freed by one of the
        // account's orders on the symbol — a fill or a person's cancel — lets an order in):
        // say so loudly and keep retrying; an execute job is never given up.
        auto details = refusalDetails(refusal);
        details["quantity"] = quantity.toString();
        audit(run, "EXIT_REFUSED", details);
        logEvent("error",
                 "position_unprotected",
                 {{"intent_id", run.intent.id},
                  {"symbol", run.intent.symbol},
                  {"code", std::string(failureCode(refusal))},
                  {"error", refusal.describe()}});
        throw NotYetKnown("the market exit was refused: " + refusal.describe());
    }
    run.audit_summary.push_back({{"action", "POSITION_FLATTENED"},
                                 {"quantity", closed->executed_quantity.toString()},
                                 {"reason", why}});
    auditOnce(run,
              "POSITION_FLATTENED",
              exit.client_order_id,
              {{"client_order_id", exit.client_order_id},
               {"quantity", closed->executed_quantity.toString()},
               {"exchange_order_id", closed->order_id},
               {"reason", why}});
    finish(run, false, why + "; the position was closed at market", exitCode(run));
}

/// Puts the protective stop on the exchange for `filled` base units; one re-placement with a
/// new id when refused, then a market exit. Throws NotYetKnown to be retried while inside the
/// 30 s bound.
void protect(Execution& run, const exchange::OrderState& entry_state) {
    const Decimal stop_quantity =
        domain::protectiveStopQuantity(run.intent.side,
                                       entry_state.executed_quantity,
                                       run.strategy.risk.costs.taker_fee_rate,
                                       run.rules,
                                       /*commission_in_base=*/true);
    domain::PlannedOrder stop = run.plan.stop;
    stop.quantity = stop_quantity;
    const std::int64_t filled_at =
        entry_state.update_time_ms > 0 ? entry_state.update_time_ms : entry_state.time_ms;
    for (int retry = 0; retry <= 1; ++retry) {
        EnsuredOrder ensured;
        {
            pqxx::work txn(run.context.db);
            ensured =
                ensureOrderRow(txn, run.intent, OrderRole::StopLoss, run.mode, stop, "SUBMITTING");
            if (ensured.row.state == "REJECTED" && retry == 0) {
                // An earlier delivery saw this id refused: continue with the re-placement.
                retry = 1;
            }
            if (retry == 1) {
                stop.client_order_id =
                    domain::clientOrderId(run.intent.id, domain::OrderRole::stopRetry(1));
                if (ensured.row.client_order_id != stop.client_order_id) {
                    renameOrder(txn,
                                run.intent.id,
                                OrderRole::StopLoss,
                                run.mode,
                                stop.client_order_id,
                                stop_quantity);
                    ensured.existed = false;
                } else {
                    ensured.existed = true;
                }
            }
            txn.commit();
        }
        if (retry == 1 && ensured.existed && ensured.row.state == "REJECTED") {
            // Both ids were refused before a crash: the market exit is what remains.
            flatten(run, stop_quantity, "the exchange refused the stop-loss twice");
            return;
        }
        exchange::ExchangeError refusal;
        std::optional<exchange::OrderState> placed;
        try {
            placed = placeOnce(run, ensured, stop, "stop", refusal);
        } catch (const NotYetKnown&) {
            if (run.context.now_ms() - filled_at > kMaxUnprotectedMs) {
                flatten(run, stop_quantity, "the stop-loss could not be confirmed within 30 s");
                return;
            }
            throw;
        } catch (const RetryLater&) {
            // Rate limited or unreachable: the same 30 s bound on an unprotected position.
            if (run.context.now_ms() - filled_at > kMaxUnprotectedMs) {
                flatten(run, stop_quantity, "the stop-loss could not be sent within 30 s");
                return;
            }
            throw;
        }
        if (placed) {
            run.audit_summary.push_back({{"action", "STOP_LOSS_PLACED"},
                                         {"stop_price", optionalDecimalJson(stop.stop_price)},
                                         {"limit_price", optionalDecimalJson(stop.price)},
                                         {"quantity", stop_quantity.toString()}});
            auditOnce(run,
                      "STOP_LOSS_PLACED",
                      stop.client_order_id,
                      {{"client_order_id", stop.client_order_id},
                       {"exchange_order_id", placed->order_id},
                       {"stop_price", optionalDecimalJson(stop.stop_price)},
                       {"quantity", stop_quantity.toString()}});
            finish(run, true, "");
            return;
        }
        auto details = refusalDetails(refusal);
        details["client_order_id"] = stop.client_order_id;
        audit(run, "STOP_LOSS_REFUSED", details);
        if (retry == 1) {
            flatten(run,
                    stop_quantity,
                    "the exchange refused the stop-loss twice (" + refusal.describe() + ")");
            return;
        }
    }
}

/// Before the entry's first send: without MAX_NUM_ORDERS room for its orders, or
/// MAX_NUM_ALGO_ORDERS room for its stop, and those of the executions that may run meanwhile,
/// the intent FAILS with nothing sent — an entry that fills where the exchange must refuse its
/// stop is what this prevents. Returns true when it ended the intent.
bool failWithoutOrderRoom(Execution& run) {
    {
        // Only before the first send. Once the entry's row exists an earlier delivery may have
        // sent it: such an entry is reconciled and protected as always, never abandoned
        // because the symbol filled up meanwhile.
        pqxx::read_transaction read(run.context.db);
        if (loadOrderRow(read, run.intent.id, OrderRole::Entry, run.mode)) {
            return false;
        }
    }
    std::optional<OrderRoomShortage> shortage;
    try {
        shortage = findOrderRoomShortage(
            run.context.exchange, run.rules, run.context.concurrent_executions);
    } catch (const exchange::ExchangeException& failure) {
        // Keys or a request the exchange will never accept: no retry can count the orders,
        // and nothing was sent, so the intent fails now. Anything else is retried.
        const auto kind = failure.kind();
        if (kind != exchange::ExchangeErrorKind::Auth &&
            kind != exchange::ExchangeErrorKind::BadRequest) {
            throw;
        }
        audit(run, "ENTRY_REFUSED", {{"error", failure.error().describe()}, {"sent", false}});
        finish(run,
               false,
               "the entry was not sent: the open orders on " + run.intent.symbol +
                   " could not be read (" + failure.error().describe() + ")");
        return true;
    }
    if (!shortage) {
        return false;
    }
    const std::string& why = shortage->breach.detail;
    audit(run,
          "ENTRY_REFUSED",
          {{"code", std::string(kOrderLimitCode)},
           {"filter", shortage->breach.filter},
           {"error", why},
           {"open_orders", shortage->open_orders},
           {"open_algo_orders", shortage->open_algo_orders},
           {"max_num_orders", optionalCount(run.rules.max_num_orders)},
           {"max_num_algo_orders", optionalCount(run.rules.max_num_algo_orders)},
           {"room_needed", shortage->room_needed},
           {"sent", false}});
    logEvent("warning",
             "entry_not_sent",
             {{"intent_id", run.intent.id},
              {"symbol", run.intent.symbol},
              {"code", std::string(kOrderLimitCode)},
              {"reason", why}});
    finish(run, false, "the entry was not sent: " + why, kOrderLimitCode);
    return true;
}

/// The exchange refused the entry: nothing was placed, the intent FAILS with its words.
void failRefusedEntry(Execution& run, const exchange::ExchangeError& refusal) {
    audit(run, "ENTRY_REFUSED", refusalDetails(refusal));
    finish(run,
           false,
           "the exchange refused the entry order: " + refusal.describe(),
           failureCode(refusal));
}

void executeLive(Execution& run) {
    if (failWithoutOrderRoom(run)) {
        return;
    }
    EnsuredOrder entry_row;
    {
        // The row with its client order id is committed BEFORE anything is sent.
        pqxx::work txn(run.context.db);
        entry_row = ensureOrderRow(
            txn, run.intent, OrderRole::Entry, run.mode, run.plan.entry, "SUBMITTING");
        txn.commit();
    }
    if (entry_row.row.state == "REJECTED") {
        finish(run, false, "the exchange refused the entry order");
        return;
    }
    exchange::ExchangeError refusal;
    const auto entry = placeOnce(run, entry_row, run.plan.entry, "entry", refusal);
    if (!entry) {
        failRefusedEntry(run, refusal);
        return;
    }
    if (!exchange::isTerminal(entry->status)) {
        throw NotYetKnown("the entry order is " + std::string(exchange::toString(entry->status)));
    }
    if (!entry->executed_quantity.isPositive()) {
        finish(run,
               false,
               "the entry order ended " + std::string(exchange::toString(entry->status)) +
                   " without a fill");
        return;
    }
    const std::string spent = entry->cumulative_quote_quantity.toString();
    run.audit_summary.push_back(
        {{"action", std::string("SPOT_") + std::string(domain::toString(run.intent.side))},
         {"amount", spent},
         {"asset", run.rules.quote_asset},
         {"quantity", entry->executed_quantity.toString()}});
    // Also when the row existed: an entry adopted after a crash gets its row if it had none.
    auditOnce(run,
              std::string("SPOT_") + std::string(domain::toString(run.intent.side)),
              run.plan.entry.client_order_id,
              {{"client_order_id", run.plan.entry.client_order_id},
               {"exchange_order_id", entry->order_id},
               {"quantity", entry->executed_quantity.toString()},
               {"amount", spent},
               {"asset", run.rules.quote_asset}});
    // A market exit begun by an earlier delivery is finished, never replaced by a new stop.
    std::optional<OrderRow> exit_row;
    {
        pqxx::read_transaction read(run.context.db);
        exit_row = loadOrderRow(read, run.intent.id, OrderRole::Exit, run.mode);
    }
    if (exit_row) {
        flatten(run,
                exit_row->quantity,
                "the position was being closed at market when an earlier attempt stopped");
        return;
    }
    protect(run, *entry);
}

}  // namespace

std::vector<wire::JobEnvelope> runExecuteStage(StageContext& context,
                                               const store::ClaimedJob& job) {
    std::optional<IntentRecord> intent;
    std::optional<domain::Strategy> strategy;
    {
        pqxx::read_transaction read(context.db);
        intent = loadIntent(read, job.intent_id);
        if (intent && intent->status == "EXECUTING") {
            strategy = loadStrategy(read, intent->strategy_id);
        }
    }
    if (!intent || intent->status != "EXECUTING") {
        completeAsNoOp(context, job);
        return {};
    }
    // An automatic execution stops here, before its first order, if the kill switch went off.
    if (stopIfKillSwitchOff(context, job, *intent)) {
        return {};
    }
    Execution run{context, job, *intent, modeOf(job), *strategy, {}, {}, nlohmann::json::array()};
    run.rules = context.exchange.symbolRules(intent->symbol);
    domain::ExecutionPlanRequest request;
    request.intent_id = intent->id;
    request.side = intent->side;
    request.quantity = *intent->quantity;
    request.entry_type = domain::OrderType::Market;
    request.entry_price = *intent->entry_price;
    request.stop_price = *intent->stop_price;
    request.rules = run.rules;
    request.costs = strategy->risk.costs;
    request.mode = run.mode;
    const auto planned = domain::planExecution(request);
    if (!planned.ok()) {
        // Only possible before anything was sent: the plan is checked before any order row.
        pqxx::read_transaction read(context.db);
        const bool sent_before =
            loadOrderRow(read, intent->id, OrderRole::Entry, run.mode).has_value();
        read.commit();
        if (!sent_before) {
            finish(run,
                   false,
                   "the orders break the symbol's rules (" + planned.refusal().filter +
                       "): " + planned.refusal().reason);
            return {};
        }
        throw std::runtime_error("the execution plan changed after the entry was recorded: " +
                                 planned.refusal().reason);
    }
    run.plan = planned.plan();
    if (run.mode == ExecutionMode::DryRun) {
        executeDryRun(run);
    } else {
        executeLive(run);
    }
    return {};
}

}  // namespace robson::workers
