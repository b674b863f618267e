#pragma once

#include "robson/sim/http/faults.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace prometheus {
class Registry;
}

namespace robson::sim {

/// Everything the simulator is started with (docs/exchange-simulator.md, "Command line").
struct SimConfig {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;  ///< 0 picks a free port
    std::string api_key = "robson-demo-key";
    std::string api_secret = "robson-demo-secret";
    std::filesystem::path data_dir;  ///< <SYMBOL>-<interval>.csv files
    double speed = 1.0;
    std::uint64_t seed = 1;
    std::string commission = "0.001";
    Faults faults;  ///< armed at start (the fault flags); POST /sim/admin/faults changes them
    int weight_limit = 6000;             ///< REQUEST_WEIGHT per minute per IP
    std::size_t max_body_bytes = 65536;  ///< larger bodies answer 413 and close
    int max_threads = 16;
    int max_queued = 256;  ///< connections beyond this are closed unanswered
    /// MAX_NUM_ORDERS of every symbol (--max-num-orders): open orders per symbol, reported by
    /// exchangeInfo and enforced (-1013) on every new order.
    int max_num_orders = 200;
    /// MAX_NUM_ALGO_ORDERS of every symbol (--max-num-algo-orders): open stop-loss and
    /// take-profit orders per symbol, reported by exchangeInfo and enforced (-1013) on every new
    /// one. Binance's 5, so that Robson meets here the limit it meets there.
    int max_num_algo_orders = 5;
    /// Wall clock in ms since the epoch (tests inject skew); defaults to the system clock.
    std::function<std::int64_t()> wall_clock;
    /// Where the simulator's counters are registered (robson-exchange-sim --metrics serves
    /// it); a private registry when null.
    std::shared_ptr<prometheus::Registry> metrics_registry;
    /// --metrics HOST:PORT: where robson-exchange-sim serves that registry (empty: nowhere).
    std::string metrics_address;
};

class SimState;

/// The running simulator: a Poco HTTPServer on `host:port` answering the Binance Spot REST
/// API (/api/v3/...) and the admin API (/sim/admin/...). Thread-safe: requests run on a
/// bounded pool and share one SimState behind a mutex. start() once; stop() or the destructor
/// ends it (waits for running requests).
class SimServer {
public:
    explicit SimServer(SimConfig config);
    ~SimServer();
    SimServer(const SimServer&) = delete;
    SimServer& operator=(const SimServer&) = delete;
    SimServer(SimServer&&) = delete;
    SimServer& operator=(SimServer&&) = delete;

    /// Binds and starts serving; throws on a bad address or data it cannot load.
    void start();
    void stop();
    /// The bound port (after start()).
    [[nodiscard]] std::uint16_t port() const;
    /// "http://127.0.0.1:<port>"
    [[nodiscard]] std::string baseUrl() const;
    /// Warnings from loading the data directory (skipped files).
    [[nodiscard]] const std::vector<std::string>& warnings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace robson::sim
