#include "market_data.hpp"

#include "http_errors.hpp"
#include "robson/binance/binance_gateway.hpp"
#include "robson/exchange/exchange_error.hpp"

#include <chrono>

namespace robson::api {

namespace {

/// Gateways kept for reuse; more concurrent requests create (and then drop) extra ones.
constexpr std::size_t kMaxIdleGateways = 8;

binance::BinanceConfig gatewayConfig(const std::string& url) {
    // Candles are public market data: no keys are needed, so none are configured here even
    // for a remote exchange. The API never signs a request.
    binance::BinanceConfig config = binance::BinanceConfig::forUrl(url, "", "");
    // An HTTP thread must not wait on the exchange for long: the UI retries.
    config.connect_timeout = std::chrono::milliseconds(3000);
    config.read_timeout = std::chrono::milliseconds(5000);
    return config;
}

ApiError exchangeUnavailable(const std::string& detail) {
    return {502, "exchange_unavailable", "The exchange did not answer as expected: " + detail};
}

}  // namespace

MarketData::MarketData(std::string exchange_url) : exchange_url_(std::move(exchange_url)) {}

MarketData::~MarketData() = default;

std::unique_ptr<binance::BinanceGateway> MarketData::borrow() {
    {
        const std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto gateway = std::move(idle_.back());
            idle_.pop_back();
            return gateway;
        }
    }
    return std::make_unique<binance::BinanceGateway>(gatewayConfig(exchange_url_));
}

void MarketData::giveBack(std::unique_ptr<binance::BinanceGateway> gateway) {
    const std::lock_guard lock(mutex_);
    if (idle_.size() < kMaxIdleGateways) {
        idle_.push_back(std::move(gateway));
    }
}

std::vector<domain::Candle> MarketData::candles(std::string_view symbol,
                                                std::string_view interval,
                                                int limit,
                                                std::optional<std::int64_t> end_time_ms) {
    std::unique_ptr<binance::BinanceGateway> gateway;
    try {
        gateway = borrow();
        auto result = end_time_ms ? gateway->candlesUntil(symbol, interval, limit, *end_time_ms)
                                  : gateway->candles(symbol, interval, limit);
        giveBack(std::move(gateway));
        return result;
    } catch (const exchange::ExchangeException& error) {
        // A gateway that failed may hold a broken connection: it is dropped, not returned.
        throw exchangeUnavailable(error.what());
    } catch (const std::exception& error) {
        throw exchangeUnavailable(error.what());
    }
}

}  // namespace robson::api
