#pragma once

#include "robson/secrets/secret_box.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>

/// A tenant's exchange API keys, stored encrypted (docs/decisions/0004-credentials-at-rest.md).
namespace robson::store {

struct ExchangeKeys {
    std::string api_key;
    std::string api_secret;
};

/// "simulator", "binance-testnet" or "binance" for an exchange base URL: loopback addresses
/// are the simulator, testnet.binance.vision the testnet, anything else Binance.
[[nodiscard]] std::string exchangeNameForUrl(const std::string& base_url);

/// Inserts or replaces the tenant's keys for `exchange`, sealed with `box`.
void saveExchangeKeys(pqxx::work& txn,
                      std::int64_t tenant_id,
                      const std::string& exchange,
                      const ExchangeKeys& keys,
                      const secrets::SecretBox& box);

/// The tenant's keys for `exchange`, or nullopt when none are stored. Throws
/// secrets::SecretError when they do not open with `box` (a wrong ROBSON_SECRET_KEY).
[[nodiscard]] std::optional<ExchangeKeys> loadExchangeKeys(pqxx::transaction_base& txn,
                                                           std::int64_t tenant_id,
                                                           const std::string& exchange,
                                                           const secrets::SecretBox& box);

}  // namespace robson::store
