#pragma once
// Shared by the CLI client tests: a fixture with a fake API, an isolated config file and
// environment, a way to run a command in-process, and canned contract bodies.

#include "api_commands.hpp"
#include "cli_config.hpp"
#include "fake_api.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace robson::cli::testing {

/// What a command printed and returned.
struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

using Runner = std::function<int(const std::vector<std::string>&, std::ostream&, std::ostream&)>;

inline Run run(const Runner& runner, const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    Run result;
    result.code = runner(args, out, err);
    result.out = out.str();
    result.err = err.str();
    return result;
}

/// A runner for the commands that read a console (login, execute), fed `input`.
inline Runner withConsole(
    int (*command)(const std::vector<std::string>&, Console, std::ostream&, std::ostream&),
    std::string input,
    bool interactive) {
    return [command, input = std::move(input), interactive](
               const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
        std::istringstream in(input);
        return command(args, Console{in, interactive}, out, err);
    };
}

/// A private config file and a clean environment for each test; the fake API is running.
struct CliFixture {
    CliFixture() {
        directory =
            std::filesystem::temp_directory_path() /
            ("robson-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        std::filesystem::create_directories(directory);
        config_file = directory / "config.json";
        ::setenv("ROBSON_CONFIG", config_file.c_str(), 1);  // NOLINT(concurrency-mt-unsafe)
        ::unsetenv("ROBSON_API_URL");                       // NOLINT(concurrency-mt-unsafe)
        ::unsetenv("ROBSON_TOKEN");                         // NOLINT(concurrency-mt-unsafe)
        ::unsetenv("XDG_CONFIG_HOME");                      // NOLINT(concurrency-mt-unsafe)
    }
    ~CliFixture() {
        std::error_code ignored;
        std::filesystem::remove_all(directory, ignored);
        ::unsetenv("ROBSON_CONFIG");   // NOLINT(concurrency-mt-unsafe)
        ::unsetenv("ROBSON_API_URL");  // NOLINT(concurrency-mt-unsafe)
        ::unsetenv("ROBSON_TOKEN");    // NOLINT(concurrency-mt-unsafe)
    }
    CliFixture(const CliFixture&) = delete;
    CliFixture& operator=(const CliFixture&) = delete;
    CliFixture(CliFixture&&) = delete;
    CliFixture& operator=(CliFixture&&) = delete;

    /// `args` plus --server <fake> --token tok: the common case of a logged-in command.
    [[nodiscard]] std::vector<std::string> withApi(std::vector<std::string> args) const {
        args.insert(args.end(), {"--server", api.url(), "--token", "tok"});
        return args;
    }

    static int& counter() {
        static int value = 0;
        return value;
    }

    FakeApi api;
    std::filesystem::path directory;
    std::filesystem::path config_file;
};

inline nlohmann::json parsed(const std::string& text) {
    return nlohmann::json::parse(text, nullptr, false);
}

inline std::string strategiesBody() {
    return R"({"count": 2, "results": [
      {"id": 1, "name": "All In", "description": "2nd support, 1% risk", "mode": "manual",
       "timeframe": "15m", "default_side": "BUY", "risk_percent": "1.0", "stop_level": 2,
       "builtin": true},
      {"id": 4, "name": "Bounce Back", "description": "mean reversion", "mode": "manual",
       "timeframe": "1h", "default_side": "BUY", "risk_percent": "0.5", "stop_level": 1,
       "builtin": true}]})";
}

inline std::string symbolsBody() {
    return R"({"count": 2, "results": [
      {"symbol": "BTCUSDT", "base_asset": "BTC", "quote_asset": "USDT"},
      {"symbol": "ETHUSDT", "base_asset": "ETH", "quote_asset": "USDT"}]})";
}

constexpr const char* kIntentId = "intent-0f3a9c2e7b1d4a56";

/// A whole intent as GET /status/ returns it, in `status`.
inline nlohmann::json intent(const std::string& status) {
    auto body = nlohmann::json::parse(R"({
      "intent_id": "intent-0f3a9c2e7b1d4a56", "status_reason": null,
      "strategy": {"id": 1, "name": "All In"},
      "symbol": "BTCUSDT", "side": "BUY", "timeframe": "15m", "entry_mode": "manual",
      "capital": "100.00000000", "quantity": "0.00051700", "entry_price": "95432.10000000",
      "stop_price": "93500.00000000", "risk_amount": "1.00000000", "risk_percent": "1.0",
      "confidence": "0.9", "metadata": {},
      "plan": {"stop": {"method": "SUPPORT_LEVEL", "level": 2, "distance_percent": "2.02"},
               "sizing": {"risk_budget": "1.00000000", "limited_by": "RISK"}},
      "validation_result": null, "execution_result": null,
      "created_at": "2026-01-01T10:00:00Z", "validated_at": null, "executed_at": null,
      "cancelled_at": null, "updated_at": "2026-01-01T10:00:00Z"})");
    body["status"] = status;
    if (status != "PLANNING" && status != "PENDING") {
        const bool passed = status != "REJECTED";
        body["validation_result"] = {
            {"status", passed ? "PASS" : "FAIL"},
            {"guards",
             {{{"name", "risk_budget"},
               {"status", "PASS"},
               {"message", "loss at stop 1.00 <= 1 %"}},
              {{"name", "stop_distance"}, {"status", "WARNING"}, {"message", "stop 2.02 % away"}},
              {{"name", "min_notional"},
               {"status", passed ? "PASS" : "FAIL"},
               {"message", passed ? "49.35 >= 5" : "order value below the minimum"}}}},
            {"warnings", nlohmann::json::array()},
            {"validated_at", "2026-01-01T10:00:01Z"}};
    }
    if (status == "REJECTED") {
        body["status_reason"] = "guard min_notional failed";
    }
    return body;
}

/// The execute endpoint's 200 body.
inline nlohmann::json executed(const std::string& mode, const std::string& status) {
    const bool live = mode == "LIVE";
    return {{"intent_id", kIntentId},
            {"status", status},
            {"execution_result",
             {{"status", status == "EXECUTED" ? "SUCCESS" : "FAILED"},
              {"mode", mode},
              {"orders",
               {{{"type", "ENTRY"},
                 {"side", "BUY"},
                 {"order_type", "MARKET"},
                 {"client_order_id", "rb-entry-1"},
                 {"quantity", "0.00051700"},
                 {"price", nullptr},
                 {"stop_price", nullptr},
                 {"binance_order_id", live ? nlohmann::json(12345678) : nlohmann::json()},
                 {"status", live ? "FILLED" : "SIMULATED"}},
                {{"type", "STOP_LOSS"},
                 {"side", "SELL"},
                 {"order_type", "STOP_LOSS_LIMIT"},
                 {"client_order_id", "rb-stop-1"},
                 {"quantity", "0.00051700"},
                 {"price", "93406.50000000"},
                 {"stop_price", "93500.00000000"},
                 {"binance_order_id", live ? nlohmann::json(12345679) : nlohmann::json()},
                 {"status", live ? "NEW" : "SIMULATED"}}}},
              {"audit_trail",
               {{{"action", "SPOT_BUY"}, {"amount", "49.35"}, {"asset", "USDT"}},
                {{"action", "STOP_LOSS_PLACED"}, {"stop_price", "93500.00"}}}},
              {"error",
               status == "FAILED" ? nlohmann::json("exchange refused: insufficient balance")
                                  : nlohmann::json()},
              {"executed_at", "2026-01-01T10:00:05Z"}}}};
}

inline CannedReply ok(const nlohmann::json& body, int status = 200) {
    return {status, body.dump(), {}, std::chrono::milliseconds(0)};
}

inline CannedReply apiError(int status, const std::string& detail, const std::string& code) {
    return {status, nlohmann::json{{"detail", detail}, {"code", code}}.dump(), {}, {}};
}

inline std::string statusPath() {
    return std::string("/api/intents/") + kIntentId + "/status/";
}

}  // namespace robson::cli::testing
