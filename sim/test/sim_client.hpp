#pragma once

#include "robson/sim/http/sim_server.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace robson::sim::test {

/// The reference's published example key pair (binance-spot.md §2).
inline constexpr const char* kApiKey =
    "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
inline constexpr const char* kApiSecret =
    "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

/// One HTTP answer.
struct Answer {  // NOLINT(bugprone-exception-escape): test helper; json may throw
    int status = 0;
    nlohmann::json body;
    std::map<std::string, std::string> headers;
};

/// A simulator on a free loopback port plus a small Binance client for the tests: plain
/// and signed requests, and the admin API. Not thread-safe (one per test).
class SimFixture {
public:
    /// wall_clock: the server's clock (default: the real one). Tests of per-minute weight
    /// windows pin it mid-minute so a minute boundary cannot fall inside the test.
    explicit SimFixture(int weight_limit = 6000, std::function<std::int64_t()> wall_clock = {});
    /// A server started with `config` (start from testConfig() and change what the test needs).
    explicit SimFixture(const SimConfig& config);
    /// The tests' configuration: the reference key pair, random-walk prices (no data files),
    /// a nearly frozen market so admin prices hold for the whole test.
    [[nodiscard]] static SimConfig testConfig();
    ~SimFixture();
    SimFixture(const SimFixture&) = delete;
    SimFixture& operator=(const SimFixture&) = delete;
    SimFixture(SimFixture&&) = delete;
    SimFixture& operator=(SimFixture&&) = delete;

    /// A raw request: target is "/api/v3/..."+"?query"; body form-encoded when not empty.
    // Callers often send for the side effect only, so no [[nodiscard]].
    // NOLINTNEXTLINE(modernize-use-nodiscard)
    Answer request(const std::string& method,
                   const std::string& target,
                   const std::string& body = "",
                   const std::string& api_key = "") const;
    /// A SIGNED request: timestamp appended to params, HMAC over query (or body for POST).
    // NOLINTNEXTLINE(modernize-use-nodiscard)
    Answer sign(const std::string& method,
                const std::string& path,
                const std::string& params,
                bool in_body = false,
                std::int64_t timestamp_offset_ms = 0) const;
    /// POST /sim/admin/<what> with a JSON body.
    // NOLINTNEXTLINE(modernize-use-nodiscard)
    Answer admin(const std::string& what, const nlohmann::json& body) const;
    /// Sets the BTCUSDT price (stable until the clock moves).
    void price(const std::string& value) const;

    [[nodiscard]] std::uint16_t port() const { return server_->port(); }

private:
    std::unique_ptr<SimServer> server_;
};

[[nodiscard]] std::int64_t wallNowMs();
[[nodiscard]] std::string hmacHex(const std::string& key, const std::string& data);

}  // namespace robson::sim::test
