#include "robson/binance/binance_config.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/URI.h>

#include <cstdlib>
#include <utility>

namespace robson::binance {

BinanceConfig BinanceConfig::forUrl(std::string url, std::string api_key, std::string api_secret) {
    BinanceConfig config;
    config.base_url = std::move(url);
    config.api_key = Secret(std::move(api_key));
    config.api_secret = Secret(std::move(api_secret));
    return config;
}

bool isLoopbackUrl(std::string_view url) {
    try {
        const Poco::URI uri{std::string(url)};
        if (uri.getScheme() != "http" && uri.getScheme() != "https") {
            return false;
        }
        const std::string& host = uri.getHost();
        if (host == "localhost") {
            return true;
        }
        Poco::Net::IPAddress address;
        return Poco::Net::IPAddress::tryParse(host, address) && address.isLoopback();
    } catch (const Poco::Exception&) {
        return false;
    }
}

namespace {

std::string schemeOf(const std::string& url) {
    try {
        return Poco::URI(url).getScheme();
    } catch (const Poco::Exception&) {
        return {};
    }
}

}  // namespace

BinanceConfig configFromEnvironment(const EnvironmentLookup& lookup) {
    BinanceConfig config;
    config.base_url = lookup("ROBSON_EXCHANGE_URL").value_or(std::string(kDefaultSimulatorUrl));
    auto key = lookup("ROBSON_EXCHANGE_API_KEY").value_or("");
    auto secret = lookup("ROBSON_EXCHANGE_API_SECRET").value_or("");
    const std::string scheme = schemeOf(config.base_url);
    if (scheme != "http" && scheme != "https") {
        throw ConfigError("ROBSON_EXCHANGE_URL must be an http:// or https:// URL");
    }
    if (isLoopbackUrl(config.base_url)) {
        if (key.empty() && secret.empty()) {
            key = kSimulatorApiKey;
            secret = kSimulatorApiSecret;
        }
    } else {
        if (key.empty() || secret.empty()) {
            throw ConfigError(
                "ROBSON_EXCHANGE_URL is not a loopback (simulator) address: "
                "ROBSON_EXCHANGE_API_KEY and ROBSON_EXCHANGE_API_SECRET must both be set");
        }
        if (scheme != "https") {
            throw ConfigError("a non-loopback ROBSON_EXCHANGE_URL must use https://");
        }
    }
    if (key.empty() != secret.empty()) {
        throw ConfigError(
            "set both ROBSON_EXCHANGE_API_KEY and ROBSON_EXCHANGE_API_SECRET, or neither");
    }
    config.api_key = Secret(std::move(key));
    config.api_secret = Secret(std::move(secret));
    return config;
}

BinanceConfig configFromEnvironment() {
    return configFromEnvironment([](std::string_view name) -> std::optional<std::string> {
        // NOLINTNEXTLINE(concurrency-mt-unsafe): read once at start-up, before threads start
        const char* value = std::getenv(std::string(name).c_str());
        if (value == nullptr) {
            return std::nullopt;
        }
        return std::string(value);
    });
}

}  // namespace robson::binance
