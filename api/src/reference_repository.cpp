#include "reference_repository.hpp"

#include "robson/domain/decimal.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/strategy.hpp"

namespace robson::api::repo {

namespace {

using nlohmann::json;

std::string stringOr(const json& config, const char* key, const std::string& fallback) {
    const auto it = config.find(key);
    return it != config.end() && it->is_string() ? it->get<std::string>() : fallback;
}

/// Fills the view from the domain's built-in definition named by config.builtin_id.
void applyBuiltin(StrategyView& view, const domain::Strategy& strategy) {
    view.description = strategy.description;
    view.mode = std::string(domain::toString(strategy.mode));
    view.timeframe = strategy.timeframe;
    view.default_side = std::string(domain::toString(strategy.default_side));
    view.risk_percent = domain::mulInteger(strategy.risk.risk_rate, 100).toString();
    view.stop_level = strategy.stop.level_n;
}

/// A tenant's own strategy: whatever its config says, with the domain's defaults.
void applyConfig(StrategyView& view, const json& config) {
    view.description = stringOr(config, "description", "");
    view.mode = stringOr(config, "mode", view.mode);
    view.timeframe = stringOr(config, "timeframe", view.timeframe);
    view.default_side = stringOr(config, "default_side", view.default_side);
    if (auto risk = config.find("risk_percent"); risk != config.end() && risk->is_string()) {
        view.risk_percent = risk->get<std::string>();
    }
    if (auto level = config.find("stop_level");
        level != config.end() && level->is_number_integer()) {
        const auto value = level->get<std::int64_t>();
        if (value >= 1 && value <= 100) {
            view.stop_level = static_cast<int>(value);
        }
    }
}

StrategyView toView(const pqxx::row& row) {
    StrategyView view;
    view.id = row[0].as<std::int64_t>();
    view.builtin = row[1].as<bool>();
    view.name = row[2].c_str();
    json config = json::parse(row[3].c_str(), nullptr, false);
    if (!config.is_object()) {
        config = json::object();
    }
    const auto builtin_id = config.find("builtin_id");
    if (builtin_id != config.end() && builtin_id->is_number_integer()) {
        const auto id = builtin_id->get<std::int64_t>();
        if (id > 0 && id < 1000) {
            if (const auto strategy = domain::findStrategy(static_cast<int>(id))) {
                applyBuiltin(view, *strategy);
                return view;
            }
        }
    }
    applyConfig(view, config);
    return view;
}

const char* kStrategyColumns = "SELECT id, tenant_id IS NULL, name, config::text FROM strategies";

}  // namespace

std::vector<StrategyView> listStrategies(pqxx::transaction_base& txn, std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(
        std::string(kStrategyColumns) +
            " WHERE tenant_id IS NULL OR tenant_id = $1 ORDER BY tenant_id NULLS FIRST, id",
        tenant_id);
    std::vector<StrategyView> views;
    views.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        views.push_back(toView(row));
    }
    return views;
}

std::optional<StrategyView> findStrategy(pqxx::transaction_base& txn,
                                         std::int64_t strategy_id,
                                         std::int64_t tenant_id) {
    const pqxx::result rows = txn.exec_params(
        std::string(kStrategyColumns) + " WHERE id = $1 AND (tenant_id IS NULL OR tenant_id = $2)",
        strategy_id,
        tenant_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return toView(rows[0]);
}

std::vector<SymbolView> listSymbols(pqxx::transaction_base& txn) {
    const pqxx::result rows =
        txn.exec("SELECT symbol, base_asset, quote_asset FROM symbols ORDER BY symbol");
    std::vector<SymbolView> views;
    views.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        views.push_back(SymbolView{row[0].c_str(), row[1].c_str(), row[2].c_str()});
    }
    return views;
}

bool symbolExists(pqxx::transaction_base& txn, const std::string& symbol) {
    return !txn.exec_params("SELECT 1 FROM symbols WHERE symbol = $1", symbol).empty();
}

std::optional<std::string> firstUnknownSymbol(pqxx::transaction_base& txn,
                                              const std::vector<std::string>& symbols) {
    const pqxx::result rows = txn.exec_params(
        "SELECT e FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS a(e, n) "
        "WHERE NOT EXISTS (SELECT 1 FROM symbols WHERE symbol = e) ORDER BY n LIMIT 1",
        json(symbols).dump());
    if (rows.empty()) {
        return std::nullopt;
    }
    return std::string(rows[0][0].c_str());
}

json toJson(const StrategyView& strategy) {
    return {{"id", strategy.id},
            {"name", strategy.name},
            {"description", strategy.description},
            {"mode", strategy.mode},
            {"timeframe", strategy.timeframe},
            {"default_side", strategy.default_side},
            {"risk_percent", strategy.risk_percent ? json(*strategy.risk_percent) : json(nullptr)},
            {"stop_level", strategy.stop_level ? json(*strategy.stop_level) : json(nullptr)},
            {"builtin", strategy.builtin}};
}

json toJson(const SymbolView& symbol) {
    return {{"symbol", symbol.symbol},
            {"base_asset", symbol.base_asset},
            {"quote_asset", symbol.quote_asset}};
}

}  // namespace robson::api::repo
