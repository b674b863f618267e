#pragma once

#include "robson/exchange/place_or_reconcile.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace robson::binance {

/// A credential that never prints itself: no stream operator, no implicit conversion.
/// reveal() is called only by the signer and the header writer. Plain value.
class Secret {
public:
    Secret() = default;
    explicit Secret(std::string value) : value_(std::move(value)) {}
    [[nodiscard]] const std::string& reveal() const { return value_; }
    [[nodiscard]] bool empty() const { return value_.empty(); }

private:
    std::string value_;
};

/// The simulator's default address when nothing is configured (`make run` starts it there).
inline constexpr std::string_view kDefaultSimulatorUrl = "http://127.0.0.1:8765";
/// Binance Spot testnet; used only when configured explicitly.
inline constexpr std::string_view kTestnetUrl = "https://testnet.binance.vision";
/// Binance Spot production; used only when configured explicitly.
inline constexpr std::string_view kProductionUrl = "https://api.binance.com";
/// The simulator's default keys (docs/exchange-simulator.md).
inline constexpr std::string_view kSimulatorApiKey = "robson-demo-key";
inline constexpr std::string_view kSimulatorApiSecret = "robson-demo-secret";

/// How a BinanceGateway reaches the exchange. Plain value; copy freely.
struct BinanceConfig {
    std::string base_url{kDefaultSimulatorUrl};  ///< scheme://host[:port], no path
    Secret api_key;
    Secret api_secret;
    std::chrono::milliseconds recv_window{5000};
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds read_timeout{10000};
    /// Above Binance's 10 s engine timeout, so a -1007 answer can arrive instead of a timeout.
    std::chrono::milliseconds order_read_timeout{15000};
    int max_weight_per_minute = 6000;
    /// A 429/418 or local pacing that asks to wait longer than this throws RateLimited.
    std::chrono::milliseconds max_rate_limit_wait{2000};
    std::chrono::milliseconds rules_ttl{std::chrono::minutes(5)};
    std::chrono::milliseconds time_resync_interval{std::chrono::minutes(5)};
    exchange::ReconcilePolicy reconcile;

    /// A config for `url` with these keys and the other defaults (tests, benchmarks).
    [[nodiscard]] static BinanceConfig forUrl(std::string url,
                                              std::string api_key,
                                              std::string api_secret);
};

/// A configuration that must not be used (e.g. a remote URL without keys). The message
/// names the variable, never its value when that value is a key.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// True when `url` is http(s) to 127.0.0.0/8, ::1 or localhost.
[[nodiscard]] bool isLoopbackUrl(std::string_view url);

/// Looks a variable up; returns nullopt when unset.
using EnvironmentLookup = std::function<std::optional<std::string>(std::string_view)>;

/// Reads ROBSON_EXCHANGE_URL (default kDefaultSimulatorUrl), ROBSON_EXCHANGE_API_KEY and
/// ROBSON_EXCHANGE_API_SECRET. On a loopback URL (the simulator) missing keys default to the
/// simulator's demo keys. A non-loopback URL (testnet, production) requires both keys and
/// https, else ConfigError. Key values are never part of any message.
[[nodiscard]] BinanceConfig configFromEnvironment(const EnvironmentLookup& lookup);
/// configFromEnvironment over the process environment (std::getenv).
[[nodiscard]] BinanceConfig configFromEnvironment();

}  // namespace robson::binance
