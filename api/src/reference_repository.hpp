#pragma once

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// Reads of the reference tables: strategies (built-ins plus the tenant's own) and symbols.
namespace robson::api::repo {

/// A strategy as the API shows it. Built-ins (config.builtin_id) take their parameters from
/// robson::domain, where the trading rules live; a tenant's own strategy from its config.
struct StrategyView {
    std::int64_t id = 0;
    std::string name;
    std::string description;
    std::string mode = "manual";
    std::string timeframe = "15m";
    std::string default_side = "BUY";
    std::optional<std::string> risk_percent;
    std::optional<int> stop_level;
    bool builtin = false;
};

struct SymbolView {
    std::string symbol;
    std::string base_asset;
    std::string quote_asset;
};

[[nodiscard]] std::vector<StrategyView> listStrategies(pqxx::transaction_base& txn,
                                                       std::int64_t tenant_id);
/// The strategy when it exists and the tenant may use it (a built-in or its own).
[[nodiscard]] std::optional<StrategyView> findStrategy(pqxx::transaction_base& txn,
                                                       std::int64_t strategy_id,
                                                       std::int64_t tenant_id);

[[nodiscard]] std::vector<SymbolView> listSymbols(pqxx::transaction_base& txn);
[[nodiscard]] bool symbolExists(pqxx::transaction_base& txn, const std::string& symbol);
/// The first of `symbols` that is not offered, in one query; nullopt when all are.
[[nodiscard]] std::optional<std::string> firstUnknownSymbol(
    pqxx::transaction_base& txn, const std::vector<std::string>& symbols);

[[nodiscard]] nlohmann::json toJson(const StrategyView& strategy);
[[nodiscard]] nlohmann::json toJson(const SymbolView& symbol);

}  // namespace robson::api::repo
