#include "judge.hpp"

#include "robson/domain/client_order_id.hpp"

#include <set>
#include <utility>

namespace robson::fault {
namespace {

using domain::OrderRole;

bool isOpen(const ExchangeOrder& order) {
    return order.status == "NEW" || order.status == "PARTIALLY_FILLED";
}

/// The audit rows of one intent, counted by (action, client order id).
using AuditCounts = std::map<std::pair<std::string, std::string>, std::size_t>;

std::size_t countOf(const AuditCounts& counts,
                    const std::string& action,
                    const std::string& client_order_id = "") {
    const auto found = counts.find({action, client_order_id});
    return found == counts.end() ? 0 : found->second;
}

/// The audit row that says how the intent ended.
std::vector<std::string> terminalActions(const std::string& status) {
    if (status == "EXECUTED") {
        return {"INTENT_EXECUTED"};
    }
    if (status == "FAILED") {
        return {"INTENT_FAILED"};
    }
    if (status == "REJECTED") {
        return {"INTENT_REJECTED", "PLAN_REFUSED"};
    }
    return {"INTENT_CANCELLED"};
}

class Judge {
public:
    explicit Judge(const Evidence& evidence) : evidence_(evidence) {
        for (const auto& order : evidence.orders) {
            orders_[order.client_order_id].push_back(&order);
        }
        for (const auto& row : evidence.audit) {
            ++audit_[row.intent_id][{row.action, row.client_order_id}];
        }
    }

    Verdict run() {
        std::set<std::string> known;
        std::set<std::string> ours;
        for (const auto& intent : evidence_.intents) {
            known.insert(intent.id);
            judgeIntent(intent, ours);
        }
        for (const auto& id : evidence_.acknowledged) {
            if (!known.contains(id)) {
                ++verdict_.lost;
                problem(id, "acknowledged but not in the database (lost)");
            }
        }
        for (const auto& [client_order_id, orders] : orders_) {
            if (orders.size() > 1) {
                verdict_.duplicates += orders.size() - 1;
                problem(client_order_id, "accepted " + std::to_string(orders.size()) + " times");
            }
            if (!ours.contains(client_order_id)) {
                verdict_.stray_orders += orders.size();
                problem(client_order_id, "an order no intent of the campaign explains");
            }
        }
        return verdict_;
    }

private:
    void problem(const std::string& who, const std::string& what) {
        verdict_.problems.push_back(who + ": " + what);
    }

    std::vector<const ExchangeOrder*> ordersOf(const std::string& client_order_id) const {
        const auto found = orders_.find(client_order_id);
        return found == orders_.end() ? std::vector<const ExchangeOrder*>{} : found->second;
    }

    void judgeIntent(const IntentFact& intent, std::set<std::string>& ours) {
        ++verdict_.intents;
        ++verdict_.by_status[intent.status];
        verdict_.live += intent.mode == "LIVE" ? 1U : 0U;
        verdict_.dry_run += intent.mode == "DRY_RUN" ? 1U : 0U;
        if (!isTerminalStatus(intent.status)) {
            ++verdict_.not_terminal;
            problem(intent.id, "still " + intent.status);
        }
        const std::string entry_id = domain::clientOrderId(intent.id, OrderRole::entry());
        const std::vector<std::string> stop_ids{
            domain::clientOrderId(intent.id, OrderRole::stop()),
            domain::clientOrderId(intent.id, OrderRole::stopRetry(1))};
        const std::string exit_id = domain::clientOrderId(intent.id, OrderRole::exitMarket());
        std::size_t sent = 0;
        for (const auto& id : {entry_id, stop_ids[0], stop_ids[1], exit_id}) {
            ours.insert(id);
            sent += ordersOf(id).size();
        }
        const AuditCounts& audit = audit_[intent.id];
        judgeAuditDuplicates(intent, audit);
        if (intent.mode != "LIVE") {
            if (sent > 0) {
                verdict_.stray_orders += sent;
                problem(intent.id, "a non-LIVE intent has orders on the exchange");
            }
        } else {
            judgeLive(intent, entry_id, stop_ids, exit_id, audit);
        }
        judgeAuditTrail(intent, audit);
    }

    void judgeLive(const IntentFact& intent,
                   const std::string& entry_id,
                   const std::vector<std::string>& stop_ids,
                   const std::string& exit_id,
                   const AuditCounts& audit) {
        bool entry_filled = false;
        for (const auto* entry : ordersOf(entry_id)) {
            entry_filled = entry_filled || entry->executed_quantity.isPositive();
        }
        std::size_t open_stops = 0;
        bool stop_filled = false;
        for (const auto& stop_id : stop_ids) {
            for (const auto* stop : ordersOf(stop_id)) {
                open_stops += isOpen(*stop) ? 1U : 0U;
                stop_filled = stop_filled || stop->status == "FILLED";
                if (countOf(audit, "STOP_LOSS_PLACED", stop_id) == 0 &&
                    countOf(audit, "STOP_LOSS_CANCELLED", stop_id) == 0) {
                    ++verdict_.audit_gaps;
                    problem(intent.id, "stop " + stop_id + " accepted without its audit row");
                }
            }
        }
        bool exit_filled = false;
        for (const auto* exit : ordersOf(exit_id)) {
            exit_filled = exit_filled || exit->status == "FILLED";
            if (countOf(audit, "POSITION_FLATTENED", exit_id) == 0 && exit->status == "FILLED") {
                ++verdict_.audit_gaps;
                problem(intent.id, "market exit without its POSITION_FLATTENED row");
            }
        }
        if (entry_filled) {
            const std::string bought = "SPOT_" + intent.side;
            if (countOf(audit, bought, entry_id) == 0) {
                ++verdict_.audit_gaps;
                problem(intent.id, "filled entry without its " + bought + " row");
            }
            const bool closed = exit_filled || stop_filled;
            if (!closed && open_stops == 0) {
                ++verdict_.unprotected;
                problem(intent.id,
                        "filled entry without a stop or a close (" + intent.status + ")");
            }
            if (closed && open_stops > 0) {
                verdict_.stray_orders += open_stops;
                problem(intent.id, "a stop is still open after the position was closed");
            }
        }
        if (open_stops > 1) {
            verdict_.duplicates += open_stops - 1;
            problem(intent.id, "more than one open stop");
        }
    }

    void judgeAuditTrail(const IntentFact& intent, const AuditCounts& audit) {
        if (!isTerminalStatus(intent.status)) {
            return;
        }
        std::size_t terminal_rows = 0;
        for (const auto& action : terminalActions(intent.status)) {
            terminal_rows += countOf(audit, action);
        }
        if (terminal_rows == 0) {
            ++verdict_.audit_gaps;
            problem(intent.id, intent.status + " without the audit row that says so");
        }
        if (!intent.mode.empty()) {
            // It went through plan and validation before anyone could execute it.
            for (const char* step : {"INTENT_PLANNED", "INTENT_VALIDATED"}) {
                if (countOf(audit, step) == 0) {
                    ++verdict_.audit_gaps;
                    problem(intent.id, std::string("executed without its ") + step + " row");
                }
            }
        }
    }

    void judgeAuditDuplicates(const IntentFact& intent, const AuditCounts& audit) {
        static const std::set<std::string> kOnce{"INTENT_PLANNED",
                                                 "INTENT_VALIDATED",
                                                 "INTENT_REJECTED",
                                                 "PLAN_REFUSED",
                                                 "INTENT_EXECUTED",
                                                 "INTENT_FAILED",
                                                 "INTENT_CANCELLED",
                                                 "SPOT_BUY",
                                                 "SPOT_SELL",
                                                 "STOP_LOSS_PLACED",
                                                 "STOP_LOSS_CANCELLED",
                                                 "POSITION_FLATTENED"};
        for (const auto& [key, count] : audit) {
            if (count > 1 && kOnce.contains(key.first)) {
                verdict_.audit_duplicates += count - 1;
                problem(intent.id, key.first + " audited " + std::to_string(count) + " times");
            }
        }
    }

    const Evidence& evidence_;
    std::map<std::string, std::vector<const ExchangeOrder*>> orders_;
    std::map<std::string, AuditCounts> audit_;
    Verdict verdict_;
};

}  // namespace

bool isTerminalStatus(const std::string& status) {
    return status == "EXECUTED" || status == "FAILED" || status == "REJECTED" ||
           status == "CANCELLED";
}

Verdict judge(const Evidence& evidence) {
    return Judge(evidence).run();
}

}  // namespace robson::fault
