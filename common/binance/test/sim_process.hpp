#pragma once
// Starts robson-exchange-sim on port 0 for a test fixture and kills it at the end.

#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace robson::binance::testing {

/// The simulator's path baked in at build time; empty when it was not built.
[[nodiscard]] std::string simulatorPath();

/// A running simulator: started in the constructor (its URL read from the first stdout
/// line, waiting at most 20 s), killed (SIGKILL) and reaped in the destructor. Throws
/// std::runtime_error when it cannot start. Not thread-safe.
class SimProcess {
public:
    static constexpr const char* kApiKey = "it-key-Xq7";
    static constexpr const char* kApiSecret = "it-secret-Zr9";

    explicit SimProcess(const std::vector<std::string>& extra_args = {});
    ~SimProcess();
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;
    SimProcess(SimProcess&&) = delete;
    SimProcess& operator=(SimProcess&&) = delete;

    [[nodiscard]] const std::string& url() const { return url_; }

private:
    void stop();

    Poco::Pipe out_;
    std::unique_ptr<Poco::ProcessHandle> handle_;
    std::thread drain_;
    std::string url_;
};

}  // namespace robson::binance::testing
