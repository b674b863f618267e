#include "strategy_catalog.hpp"

#include <string>

namespace robson::workers {

domain::Strategy loadStrategy(pqxx::transaction_base& txn, std::int64_t strategy_id) {
    const pqxx::result rows = txn.exec_params(
        "SELECT name, config->>'builtin_id' FROM strategies WHERE id = $1", strategy_id);
    if (rows.empty()) {
        throw UnusableStrategy("strategy " + std::to_string(strategy_id) + " does not exist");
    }
    if (rows[0][1].is_null()) {
        // Tenant-defined strategies are stored, but their configuration format is not
        // implemented yet: refuse them plainly rather than guess parameters.
        throw UnusableStrategy("strategy '" + rows[0][0].as<std::string>() +
                               "' has no built-in definition; custom strategies are not "
                               "supported yet");
    }
    const auto builtin = domain::findStrategy(rows[0][1].as<int>());
    if (!builtin) {
        throw UnusableStrategy("strategy '" + rows[0][0].as<std::string>() +
                               "' names an unknown built-in");
    }
    return *builtin;
}

}  // namespace robson::workers
