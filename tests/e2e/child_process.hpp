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
    ChildProcess(const std::string& path,
                 const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env,
                 const std::string& log_file,
                 const std::string& ready_prefix = "");
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ChildProcess(ChildProcess&&) = delete;
    ChildProcess& operator=(ChildProcess&&) = delete;

    [[nodiscard]] const std::string& readyValue() const { return ready_value_; }
    /// SIGKILL, as a crash would: no clean-up runs in the child.
    void kill();
    [[nodiscard]] bool running() const;
    /// The process id (for /proc figures such as its memory).
    [[nodiscard]] int pid() const { return handle_ ? static_cast<int>(handle_->id()) : -1; }

private:
    Poco::Pipe out_;
    std::unique_ptr<Poco::ProcessHandle> handle_;
    std::thread drain_;
    std::string ready_value_;
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
