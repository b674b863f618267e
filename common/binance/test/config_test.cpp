#include "robson/binance/binance_config.hpp"

#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

using robson::binance::BinanceConfig;
using robson::binance::ConfigError;
using robson::binance::configFromEnvironment;
using robson::binance::isLoopbackUrl;

namespace {
constexpr const char* kKey = "K3yThatMustNeverLeak0123456789";
constexpr const char* kSecretValue = "S3cretThatMustNeverLeak0123456789";

robson::binance::EnvironmentLookup environment(std::map<std::string, std::string> values) {
    return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
        const auto found = values.find(std::string(name));
        if (found == values.end()) {
            return std::nullopt;
        }
        return found->second;
    };
}

bool leaksNothing(const ConfigError& error) {
    const std::string text = error.what();
    return text.find(kKey) == std::string::npos && text.find(kSecretValue) == std::string::npos;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(binance_config)

BOOST_AUTO_TEST_CASE(nothing_configured_means_the_local_simulator_with_its_demo_keys) {
    const auto config = configFromEnvironment(environment({}));
    BOOST_TEST(config.base_url == std::string(robson::binance::kDefaultSimulatorUrl));
    BOOST_TEST(config.api_key.reveal() == "robson-demo-key");
    BOOST_TEST(config.api_secret.reveal() == "robson-demo-secret");
    BOOST_TEST(config.recv_window.count() == 5000);
    BOOST_TEST(config.order_read_timeout.count() == 15000);
}

BOOST_AUTO_TEST_CASE(testnet_is_used_only_when_configured_with_keys) {
    const auto config = configFromEnvironment(environment({
        {"ROBSON_EXCHANGE_URL", "https://testnet.binance.vision"},
        {"ROBSON_EXCHANGE_API_KEY", kKey},
        {"ROBSON_EXCHANGE_API_SECRET", kSecretValue},
    }));
    BOOST_TEST(config.base_url == "https://testnet.binance.vision");
    BOOST_TEST(config.api_key.reveal() == kKey);
}

BOOST_AUTO_TEST_CASE(a_remote_url_without_keys_is_refused) {
    BOOST_CHECK_THROW((void)configFromEnvironment(
                          environment({{"ROBSON_EXCHANGE_URL", "https://api.binance.com"}})),
                      ConfigError);
}

BOOST_AUTO_TEST_CASE(a_remote_url_over_plain_http_is_refused_without_leaking_keys) {
    BOOST_CHECK_EXCEPTION((void)configFromEnvironment(environment({
                              {"ROBSON_EXCHANGE_URL", "http://api.binance.com"},
                              {"ROBSON_EXCHANGE_API_KEY", kKey},
                              {"ROBSON_EXCHANGE_API_SECRET", kSecretValue},
                          })),
                          ConfigError,
                          leaksNothing);
}

BOOST_AUTO_TEST_CASE(a_key_without_its_secret_is_refused_without_leaking_it) {
    BOOST_CHECK_EXCEPTION((void)configFromEnvironment(environment({
                              {"ROBSON_EXCHANGE_URL", "http://127.0.0.1:9000"},
                              {"ROBSON_EXCHANGE_API_KEY", kKey},
                          })),
                          ConfigError,
                          leaksNothing);
}

BOOST_AUTO_TEST_CASE(a_url_that_is_not_http_is_refused) {
    BOOST_CHECK_THROW(
        (void)configFromEnvironment(environment({{"ROBSON_EXCHANGE_URL", "ftp://127.0.0.1"}})),
        ConfigError);
}

BOOST_AUTO_TEST_CASE(loopback_urls_are_recognised) {
    BOOST_TEST(isLoopbackUrl("http://127.0.0.1:8765"));
    BOOST_TEST(isLoopbackUrl("http://127.3.2.1"));
    BOOST_TEST(isLoopbackUrl("http://localhost:1"));
    BOOST_TEST(isLoopbackUrl("http://[::1]:80"));
    BOOST_TEST(!isLoopbackUrl("https://api.binance.com"));
    BOOST_TEST(!isLoopbackUrl("http://10.0.0.1"));
    BOOST_TEST(!isLoopbackUrl("not a url at all"));
}

BOOST_AUTO_TEST_CASE(for_url_sets_url_and_keys) {
    const auto config = BinanceConfig::forUrl("http://127.0.0.1:1", "k", "s");
    BOOST_TEST(config.base_url == "http://127.0.0.1:1");
    BOOST_TEST(config.api_secret.reveal() == "s");
}

BOOST_AUTO_TEST_SUITE_END()
