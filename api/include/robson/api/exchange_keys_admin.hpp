#pragma once

#include "robson/store/exchange_credentials.hpp"

#include <string>

namespace robson::api {

/// Stores a tenant's API keys for an exchange ("simulator", "binance-testnet", "binance"),
/// sealed with the key in ROBSON_SECRET_KEY; replaces earlier ones. Throws std::runtime_error
/// naming what is wrong (unknown tenant or exchange, no ROBSON_SECRET_KEY) — never the keys.
void setExchangeKeys(const std::string& database_url,
                     const std::string& tenant,
                     const std::string& exchange,
                     const store::ExchangeKeys& keys);

}  // namespace robson::api
