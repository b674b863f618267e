// The fault flags of robson-exchange-sim: every counter the admin endpoint takes, the latency
// and the random faults are armed from the command line at start; so are the open-order limits
// (--max-num-orders, --max-num-algo-orders) a test may want small.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/URI.h>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

using nlohmann::json;

namespace {

/// The real program on a free port, stopped (SIGINT) at the end of the test.
class SimProgram {
public:
    explicit SimProgram(std::vector<std::string> flags) {
        flags.insert(flags.end(), {"--port", "0", "--data", "/nonexistent-robson-sim-data"});
        handle_ = std::make_unique<Poco::ProcessHandle>(
            Poco::Process::launch(ROBSON_SIM_BINARY, flags, nullptr, &out_, nullptr));
        Poco::PipeInputStream output(out_);
        std::string line;
        std::getline(output, line);
        const auto url_at = line.find("http://");
        if (url_at == std::string::npos) {
            throw std::runtime_error("no listening line: " + line);
        }
        uri_ = Poco::URI(line.substr(url_at));
    }
    ~SimProgram() {
        Poco::Process::requestTermination(handle_->id());
        (void)handle_->wait();
    }
    SimProgram(const SimProgram&) = delete;
    SimProgram& operator=(const SimProgram&) = delete;
    SimProgram(SimProgram&&) = delete;
    SimProgram& operator=(SimProgram&&) = delete;

    /// GET target: status and JSON body.
    [[nodiscard]] std::pair<int, json> get(const std::string& target) const {
        Poco::Net::HTTPClientSession session(uri_.getHost(), uri_.getPort());
        Poco::Net::HTTPRequest request("GET", target, Poco::Net::HTTPMessage::HTTP_1_1);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::stringstream body;
        body << session.receiveResponse(response).rdbuf();
        return {static_cast<int>(response.getStatus()), json::parse(body.str(), nullptr, false)};
    }

private:
    Poco::Pipe out_;
    std::unique_ptr<Poco::ProcessHandle> handle_;
    Poco::URI uri_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sim_binary_faults)

BOOST_AUTO_TEST_CASE(fault_flags_arm_every_fault_at_start) {
    const SimProgram sim({"--latency-ms",
                          "7",
                          "--http-5xx-next",
                          "2",
                          "--unknown-status-next-orders",
                          "3",
                          "--drop-connection-next-orders",
                          "4",
                          "--reject-next-stop-orders",
                          "5",
                          "--rate-limit-burst",
                          "1",
                          "--fault-rate",
                          "0.25",
                          "--fault-seed",
                          "1234",
                          "--fault-kinds",
                          "http_5xx,reject_stop"});
    const auto [status, state] = sim.get("/sim/admin/state");
    BOOST_REQUIRE(status == 200);
    const json& faults = state.at("faults");
    BOOST_TEST(faults.at("latency_ms") == 7);
    BOOST_TEST(faults.at("http_5xx_next") == 2);
    BOOST_TEST(faults.at("unknown_status_next_orders") == 3);
    BOOST_TEST(faults.at("drop_connection_next_orders") == 4);
    BOOST_TEST(faults.at("reject_next_stop_orders") == 5);
    BOOST_TEST(faults.at("rate_limit_burst") == 1);
    BOOST_TEST(faults.at("fault_rate") == 0.25);
    BOOST_TEST(faults.at("fault_seed") == 1234);
    BOOST_TEST(faults.at("fault_kinds") == json::array({"http_5xx", "reject_stop"}));
    // Armed, not just reported: the burst answers first, then the two 5xx, then service.
    BOOST_TEST(sim.get("/api/v3/ping").first == 429);
    BOOST_TEST(sim.get("/api/v3/ping").first == 503);
    BOOST_TEST(sim.get("/api/v3/ping").first == 503);
    BOOST_TEST(sim.get("/api/v3/ping").first == 200);
}

BOOST_AUTO_TEST_CASE(the_max_num_orders_flag_sets_every_symbols_open_order_limit) {
    const SimProgram sim({"--max-num-orders", "3"});
    const auto [status, info] = sim.get("/api/v3/exchangeInfo");
    BOOST_REQUIRE(status == 200);
    BOOST_REQUIRE(!info.at("symbols").empty());
    for (const json& symbol : info.at("symbols")) {
        int limit = 0;
        for (const json& filter : symbol.at("filters")) {
            if (filter.at("filterType") == "MAX_NUM_ORDERS") {
                limit = filter.at("maxNumOrders").get<int>();
            }
        }
        BOOST_TEST(limit == 3, symbol.at("symbol"));
    }
}

BOOST_AUTO_TEST_CASE(the_max_num_algo_orders_flag_sets_every_symbols_stop_order_limit) {
    const auto limits = [](const SimProgram& sim) {
        const auto [status, info] = sim.get("/api/v3/exchangeInfo");
        BOOST_REQUIRE(status == 200);
        BOOST_REQUIRE(!info.at("symbols").empty());
        std::set<int> found;
        for (const json& symbol : info.at("symbols")) {
            for (const json& filter : symbol.at("filters")) {
                if (filter.at("filterType") == "MAX_NUM_ALGO_ORDERS") {
                    found.insert(filter.at("maxNumAlgoOrders").get<int>());
                }
            }
        }
        return found;
    };
    BOOST_TEST((limits(SimProgram({"--max-num-algo-orders", "2"})) == std::set<int>{2}));
    BOOST_TEST((limits(SimProgram({})) == std::set<int>{5}));  // Binance's, by default
}

BOOST_AUTO_TEST_CASE(bad_fault_and_limit_flags_exit_with_the_usage) {
    for (const std::vector<std::string>& flags :
         {std::vector<std::string>{"--max-num-orders", "0"},
          std::vector<std::string>{"--max-num-orders", "many"},
          std::vector<std::string>{"--max-num-algo-orders", "0"},
          std::vector<std::string>{"--max-num-algo-orders", "1000001"},
          std::vector<std::string>{"--fault-rate", "1.5"},
          std::vector<std::string>{"--fault-kinds", "http_5xx,meteor"},
          std::vector<std::string>{"--http-5xx-next", "-1"},
          std::vector<std::string>{"--rate-limit-burst", "many"}}) {
        Poco::Pipe usage;  // keeps the usage text out of the test log
        Poco::ProcessHandle handle =
            Poco::Process::launch(ROBSON_SIM_BINARY, flags, nullptr, nullptr, &usage);
        BOOST_TEST(handle.wait() == 2, flags[0] << ' ' << flags[1]);
    }
}

BOOST_AUTO_TEST_SUITE_END()
