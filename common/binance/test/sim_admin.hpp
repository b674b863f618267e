#pragma once
// The simulator's admin API (/sim/admin/..., JSON, unsigned) for integration tests.

#include <nlohmann/json.hpp>

#include <string>

namespace robson::binance::testing {

/// Calls the admin endpoints of one simulator. Throws std::runtime_error on a non-200.
class SimAdmin {
public:
    explicit SimAdmin(std::string base_url) : base_url_(std::move(base_url)) {}

    [[nodiscard]] nlohmann::json get(const std::string& path) const;
    [[nodiscard]] nlohmann::json post(const std::string& path, const nlohmann::json& body) const;

    void reset() const { (void)post("/sim/admin/reset", nlohmann::json::object()); }
    void setBalance(const std::string& asset, const std::string& free) const;
    void setPrice(const std::string& symbol, const std::string& price) const;
    void armFaults(const nlohmann::json& faults) const { (void)post("/sim/admin/faults", faults); }
    /// How many orders the simulator ever received with this client order id.
    [[nodiscard]] int ordersWithClientId(const std::string& client_order_id) const;

private:
    [[nodiscard]] nlohmann::json call(const std::string& method,
                                      const std::string& path,
                                      const std::string& body) const;

    std::string base_url_;
};

}  // namespace robson::binance::testing
