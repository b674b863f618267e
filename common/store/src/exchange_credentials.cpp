#include "robson/store/exchange_credentials.hpp"

namespace robson::store {

std::string exchangeNameForUrl(const std::string& base_url) {
    const auto host_start = base_url.find("://");
    std::string host = base_url.substr(host_start == std::string::npos ? 0 : host_start + 3);
    host = host.substr(0, host.find_first_of(":/"));
    if (host == "localhost" || host.rfind("127.", 0) == 0 || host == "[") {
        return "simulator";
    }
    if (host == "testnet.binance.vision") {
        return "binance-testnet";
    }
    return "binance";
}

void saveExchangeKeys(pqxx::work& txn,
                      std::int64_t tenant_id,
                      const std::string& exchange,
                      const ExchangeKeys& keys,
                      const secrets::SecretBox& box) {
    const pqxx::binarystring sealed_key(box.seal(keys.api_key));
    const pqxx::binarystring sealed_secret(box.seal(keys.api_secret));
    txn.exec_params(
        "INSERT INTO exchange_credentials (tenant_id, exchange, api_key_ciphertext, "
        "                                  api_secret_ciphertext) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (tenant_id, exchange) DO UPDATE SET "
        "  api_key_ciphertext = EXCLUDED.api_key_ciphertext, "
        "  api_secret_ciphertext = EXCLUDED.api_secret_ciphertext, updated_at = now()",
        tenant_id,
        exchange,
        sealed_key,
        sealed_secret);
}

std::optional<ExchangeKeys> loadExchangeKeys(pqxx::transaction_base& txn,
                                             std::int64_t tenant_id,
                                             const std::string& exchange,
                                             const secrets::SecretBox& box) {
    const pqxx::result rows = txn.exec_params(
        "SELECT api_key_ciphertext, api_secret_ciphertext FROM exchange_credentials "
        " WHERE tenant_id = $1 AND exchange = $2",
        tenant_id,
        exchange);
    if (rows.empty()) {
        return std::nullopt;
    }
    const pqxx::binarystring key(rows[0][0]);
    const pqxx::binarystring secret(rows[0][1]);
    return ExchangeKeys{box.open(key.str()), box.open(secret.str())};
}

}  // namespace robson::store
