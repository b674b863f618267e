#include "child_process.hpp"

#include <array>
#include <chrono>
#include <poll.h>
#include <stdexcept>

namespace robson::e2e {
namespace {

constexpr int kStartTimeoutMs = 20'000;

std::string shellQuote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

std::string readLine(Poco::Pipe& pipe, const std::string& what) {
    std::string line;
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kStartTimeoutMs);
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd descriptor{pipe.readHandle(), POLLIN, 0};
        if (left.count() <= 0 || ::poll(&descriptor, 1, static_cast<int>(left.count())) <= 0) {
            throw std::runtime_error(what + " printed no ready line in time");
        }
        char c = 0;
        if (pipe.readBytes(&c, 1) != 1) {
            throw std::runtime_error(what + " exited before it was ready: " + line);
        }
        if (c == '\n') {
            return line;
        }
        line += c;
    }
}

}  // namespace

ChildProcess::ChildProcess(const std::string& path,
                           const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env,
                           const std::string& log_file,
                           const std::string& ready_prefix,
                           const std::string& second_prefix) {
    std::string command = "exec " + shellQuote(path);
    for (const auto& arg : args) {
        command += " " + shellQuote(arg);
    }
    command += " 2>>" + shellQuote(log_file);
    Poco::Process::Env environment(env.begin(), env.end());
    handle_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(
        "/bin/sh", {"-c", command}, "", nullptr, &out_, nullptr, environment));
    try {
        while (!ready_prefix.empty()) {
            const std::string line = readLine(out_, path);
            if (line.rfind(ready_prefix, 0) == 0) {
                ready_value_ = line.substr(ready_prefix.size());
                break;
            }
        }
        while (!second_prefix.empty()) {
            const std::string line = readLine(out_, path);
            if (line.rfind(second_prefix, 0) == 0) {
                second_value_ = line.substr(second_prefix.size());
                break;
            }
        }
    } catch (...) {
        kill();
        throw;
    }
    drain_ = std::thread([this] {
        std::array<char, 4096> buffer{};
        while (out_.readBytes(buffer.data(), static_cast<int>(buffer.size())) > 0) {
        }
    });
}

ChildProcess::~ChildProcess() {
    kill();
    if (drain_.joinable()) {
        drain_.join();
    }
}

void ChildProcess::kill() {
    if (handle_) {
        try {
            Poco::Process::kill(*handle_);
        } catch (...) {  // NOLINT(bugprone-empty-catch): it had exited already
        }
        try {
            static_cast<void>(handle_->wait());
        } catch (...) {  // NOLINT(bugprone-empty-catch): reaped already
        }
        handle_.reset();
    }
}

bool ChildProcess::running() const {
    return handle_ && Poco::Process::isRunning(*handle_);
}

std::string Programs::simulator() {
    return ROBSON_PROGRAM_SIM;
}
std::string Programs::broker() {
    return ROBSON_PROGRAM_BROKER;
}
std::string Programs::worker() {
    return ROBSON_PROGRAM_WORKER;
}
std::string Programs::sweeper() {
    return ROBSON_PROGRAM_SWEEPER;
}
std::string Programs::api() {
    return ROBSON_PROGRAM_API;
}
std::string Programs::cli() {
    return ROBSON_PROGRAM_CLI;
}

}  // namespace robson::e2e
