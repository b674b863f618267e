#pragma once

#include "metered_gateway.hpp"
#include "robson/binance/binance_config.hpp"
#include "robson/binance/binance_gateway.hpp"
#include "robson/secrets/secret_box.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace robson::workers {

/// The exchange a job's tenant trades on: the configured exchange (ROBSON_EXCHANGE_URL) with
/// the tenant's own API keys when it stored some (robson-api set-exchange-keys, sealed with
/// ROBSON_SECRET_KEY), otherwise with the process's keys. One gateway per set of keys, kept
/// for reuse (keep-alive connection, cached rules, time offset). Single-threaded.
class TenantExchanges {
public:
    TenantExchanges(binance::BinanceConfig base, std::optional<secrets::SecretBox> box);

    /// The gateway for `tenant_id`'s jobs. Reads the tenant's keys each time (a rotation takes
    /// effect at the next job). Throws secrets::SecretError when stored keys do not open.
    exchange::ExchangeGateway& forTenant(pqxx::connection& db, std::int64_t tenant_id);

    /// The gateway with the process's keys, for work that belongs to no tenant (a scan reads
    /// public klines).
    exchange::ExchangeGateway& marketData() { return *shared_metered_; }

    /// "simulator", "binance-testnet" or "binance": whose keys are looked up.
    [[nodiscard]] const std::string& exchangeName() const { return exchange_name_; }

private:
    struct TenantGateway {
        std::string keys_fingerprint;  ///< the sealed pair's plaintext hash, to notice rotation
        std::unique_ptr<binance::BinanceGateway> gateway;
        std::unique_ptr<MeteredGateway> metered;  ///< what callers get: every call measured
    };

    binance::BinanceConfig base_;
    std::optional<secrets::SecretBox> box_;
    std::string exchange_name_;
    std::unique_ptr<binance::BinanceGateway> shared_;
    std::unique_ptr<MeteredGateway> shared_metered_;
    std::map<std::int64_t, TenantGateway> per_tenant_;
};

}  // namespace robson::workers
