#pragma once
// The fault campaign's judge: given what PostgreSQL and the exchange say after a run, checks
// the invariants of docs/fault-campaign.md — every intent in one terminal state, none lost, no
// order twice on the exchange, no filled entry without protection, an audit trail without gaps.
// Pure: the evidence is gathered elsewhere (evidence.hpp), so hand-built cases test it.

#include "robson/domain/decimal.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace robson::fault {

/// One intent as PostgreSQL has it.
struct IntentFact {
    std::string id;
    std::string status;  ///< PLANNING … EXECUTED, FAILED, REJECTED, CANCELLED
    std::string mode;    ///< "LIVE" or "DRY_RUN" once an execution was requested, else ""
    std::string side;    ///< "BUY" or "SELL"
};

/// One order the exchange accepted (the simulator's order log), as it stands now.
struct ExchangeOrder {
    std::string client_order_id;
    std::string type;    ///< MARKET, STOP_LOSS_LIMIT, …
    std::string status;  ///< NEW, FILLED, CANCELED, …
    domain::Decimal executed_quantity;
};

/// One audit row: its intent, its action and the client order id it names ("" when none).
struct AuditFact {
    std::string intent_id;
    std::string action;
    std::string client_order_id;
};

struct Evidence {
    /// The ids the load generator was told exist (an answered create): each must be found.
    std::vector<std::string> acknowledged;
    /// Every intent of the campaign's tenants.
    std::vector<IntentFact> intents;
    std::vector<ExchangeOrder> orders;
    std::vector<AuditFact> audit;
};

struct Verdict {
    std::size_t intents = 0;
    std::map<std::string, std::size_t> by_status;
    std::size_t live = 0;
    std::size_t dry_run = 0;
    std::size_t not_terminal = 0;  ///< intents still in a working state
    std::size_t lost = 0;          ///< acknowledged but not in PostgreSQL
    std::size_t duplicates = 0;    ///< extra accepted orders for one client id or role
    std::size_t unprotected = 0;   ///< filled entries without an open stop or a close
    std::size_t stray_orders = 0;  ///< orders that must not exist (DRY-RUN, open stop after exit)
    std::size_t audit_gaps = 0;    ///< expected audit rows missing
    std::size_t audit_duplicates = 0;   ///< audit rows written twice for one event
    std::vector<std::string> problems;  ///< one line per finding, with the intent id

    [[nodiscard]] bool clean() const {
        return not_terminal == 0 && lost == 0 && duplicates == 0 && unprotected == 0 &&
               stray_orders == 0 && audit_gaps == 0 && audit_duplicates == 0;
    }
};

[[nodiscard]] bool isTerminalStatus(const std::string& status);

[[nodiscard]] Verdict judge(const Evidence& evidence);

}  // namespace robson::fault
