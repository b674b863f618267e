#include "evidence.hpp"

#include <sstream>

namespace robson::fault {

Evidence gatherEvidence(const e2e::Stack& stack,
                        const std::vector<std::int64_t>& tenants,
                        const std::vector<std::string>& acknowledged) {
    std::ostringstream list;
    for (std::size_t i = 0; i < tenants.size(); ++i) {
        list << (i == 0 ? "" : ",") << tenants[i];
    }
    const std::string in_tenants = tenants.empty() ? "(NULL)" : "(" + list.str() + ")";
    Evidence evidence;
    evidence.acknowledged = acknowledged;
    // The mode is the execute job's: requested once, kept whatever happened next.
    for (const auto& row :
         stack.sql("SELECT i.id, i.status::text, coalesce(j.payload->>'mode', ''), i.side::text "
                   "  FROM trading_intents i "
                   "  LEFT JOIN jobs j ON j.intent_id = i.id AND j.kind = 'execute' "
                   " WHERE i.tenant_id IN " +
                   in_tenants + " ORDER BY i.id")) {
        evidence.intents.push_back({row[0].as<std::string>(),
                                    row[1].as<std::string>(),
                                    row[2].as<std::string>(),
                                    row[3].as<std::string>()});
    }
    for (const auto& row :
         stack.sql("SELECT intent_id, action, coalesce(details->>'client_order_id', '') "
                   "  FROM audit_trail WHERE intent_id IS NOT NULL AND tenant_id IN " +
                   in_tenants + " ORDER BY id")) {
        evidence.audit.push_back(
            {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()});
    }
    const auto log = stack.simAdmin("orders");
    for (const auto& order : log.at("orders")) {
        evidence.orders.push_back(
            {order.at("clientOrderId").get<std::string>(),
             order.at("type").get<std::string>(),
             order.at("status").get<std::string>(),
             domain::Decimal::fromString(order.at("executedQty").get<std::string>())});
    }
    return evidence;
}

}  // namespace robson::fault
