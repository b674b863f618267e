#include "robson/api/exchange_keys_admin.hpp"

#include "robson/secrets/secret_box.hpp"

#include <pqxx/pqxx>

#include <stdexcept>

namespace robson::api {

void setExchangeKeys(const std::string& database_url,
                     const std::string& tenant,
                     const std::string& exchange,
                     const store::ExchangeKeys& keys) {
    if (exchange != "simulator" && exchange != "binance-testnet" && exchange != "binance") {
        throw std::runtime_error("--exchange must be simulator, binance-testnet or binance");
    }
    if (keys.api_key.empty() || keys.api_secret.empty()) {
        throw std::runtime_error("both the API key and the API secret are needed");
    }
    const auto box = secrets::secretBoxFromEnvironment();
    if (!box) {
        throw std::runtime_error(
            "ROBSON_SECRET_KEY is not set: the keys are encrypted with it (64 hex characters; "
            "`robson-api new-secret-key` makes one). Keep it outside the database.");
    }
    pqxx::connection connection(database_url);
    pqxx::work txn(connection);
    const pqxx::result found = txn.exec_params("SELECT id FROM tenants WHERE name = $1", tenant);
    if (found.empty()) {
        throw std::runtime_error("no tenant named '" + tenant + "' (create it with add-user)");
    }
    store::saveExchangeKeys(txn, found[0][0].as<std::int64_t>(), exchange, keys, *box);
    txn.commit();
}

}  // namespace robson::api
