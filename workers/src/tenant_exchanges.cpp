#include "tenant_exchanges.hpp"

#include "robson/store/exchange_credentials.hpp"

#include <functional>

namespace robson::workers {

TenantExchanges::TenantExchanges(binance::BinanceConfig base, std::optional<secrets::SecretBox> box)
    : base_(std::move(base)),
      box_(std::move(box)),
      exchange_name_(store::exchangeNameForUrl(base_.base_url)),
      shared_(std::make_unique<binance::BinanceGateway>(base_)),
      shared_metered_(std::make_unique<MeteredGateway>(*shared_)) {}

exchange::ExchangeGateway& TenantExchanges::forTenant(pqxx::connection& db,
                                                      std::int64_t tenant_id) {
    if (!box_) {
        return *shared_metered_;  // no master key: no stored keys can be read
    }
    std::optional<store::ExchangeKeys> keys;
    {
        pqxx::read_transaction txn(db);
        keys = store::loadExchangeKeys(txn, tenant_id, exchange_name_, *box_);
    }
    if (!keys) {
        per_tenant_.erase(tenant_id);
        return *shared_metered_;
    }
    // Not a security boundary, only "did the keys change since the gateway was made".
    const std::string fingerprint =
        std::to_string(std::hash<std::string>{}(keys->api_key + '\n' + keys->api_secret));
    auto& entry = per_tenant_[tenant_id];
    if (!entry.gateway || entry.keys_fingerprint != fingerprint) {
        binance::BinanceConfig config = base_;
        config.api_key = binance::Secret(keys->api_key);
        config.api_secret = binance::Secret(keys->api_secret);
        entry.metered.reset();
        entry.gateway = std::make_unique<binance::BinanceGateway>(config);
        entry.metered = std::make_unique<MeteredGateway>(*entry.gateway);
        entry.keys_fingerprint = fingerprint;
    }
    return *entry.metered;
}

}  // namespace robson::workers
