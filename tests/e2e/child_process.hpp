#pragma once
// A program of the stack started for a test: its stderr appended to a log file, its first
// stdout line (the "listening on" line) read with a timeout, killed and reaped at the end.

#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace robson::e2e {

class ChildProcess {
public:
    /// Starts `path args…` with `env` added to the environment. When `ready_prefix` is not
    /// empty, waits (20 s at most) for a stdout line starting with it and keeps the rest of
    /// that line (an URL, an endpoint) as ready_value(). Throws std::runtime_error otherwise.
    /// `second_prefix`, when not empty, is a later line to wait for too (a process that
    /// prints its endpoint, then its /metrics URL); its rest is secondValue().
    ChildProcess(const std::string& path,
                 const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env,
                 const std::string& log_file,
                 const std::string& ready_prefix = "",
                 const std::string& second_prefix = "");
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ChildProcess(ChildProcess&&) = delete;
    ChildProcess& operator=(ChildProcess&&) = delete;

    [[nodiscard]] const std::string& readyValue() const { return ready_value_; }
    [[nodiscard]] const std::string& secondValue() const { return second_value_; }
    /// SIGKILL, as a crash would: no clean-up runs in the child.
    void kill();
    [[nodiscard]] bool running() const;
    /// The process id (-1 once killed).
    [[nodiscard]] long pid() const { return handle_ ? static_cast<long>(handle_->id()) : -1; }

private:
    Poco::Pipe out_;
    std::unique_ptr<Poco::ProcessHandle> handle_;
    std::thread drain_;
    std::string ready_value_;
    std::string second_value_;
};

/// Where the built programs are (baked in by CMake).
struct Programs {
    static std::string simulator();
    static std::string broker();
    static std::string worker();
    static std::string sweeper();
    static std::string api();
    static std::string cli();
};

}  // namespace robson::e2e
