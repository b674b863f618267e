#include "sim_process.hpp"

#include <array>
#include <chrono>
#include <poll.h>
#include <stdexcept>

namespace robson::binance::testing {

namespace {

constexpr std::string_view kListening = "robson-exchange-sim listening on ";
constexpr int kStartTimeoutMs = 20'000;

/// Reads one line from the pipe, waiting at most the start timeout in total.
std::string readFirstLine(Poco::Pipe& pipe) {
    std::string line;
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kStartTimeoutMs);
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd descriptor{pipe.readHandle(), POLLIN, 0};
        if (left.count() <= 0 || ::poll(&descriptor, 1, static_cast<int>(left.count())) <= 0) {
            throw std::runtime_error("robson-exchange-sim printed no listening line in time");
        }
        char c = 0;
        if (pipe.readBytes(&c, 1) != 1) {
            throw std::runtime_error("robson-exchange-sim exited before listening: " + line);
        }
        if (c == '\n') {
            return line;
        }
        line += c;
    }
}

}  // namespace

std::string simulatorPath() {
    return ROBSON_EXCHANGE_SIM;
}

SimProcess::SimProcess(const std::vector<std::string>& extra_args) {
    if (simulatorPath().empty()) {
        throw std::runtime_error("robson-exchange-sim was not built");
    }
    std::vector<std::string> args{
        "--port", "0", "--api-key", kApiKey, "--api-secret", kApiSecret, "--seed", "1"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    handle_ = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(simulatorPath(), args, nullptr, &out_, nullptr));
    try {
        const std::string line = readFirstLine(out_);
        if (line.rfind(kListening, 0) != 0) {
            throw std::runtime_error("unexpected first line from robson-exchange-sim: " + line);
        }
        url_ = line.substr(kListening.size());
    } catch (...) {
        stop();
        throw;
    }
    // Keep draining stdout so the simulator never blocks on a full pipe.
    drain_ = std::thread([this] {
        std::array<char, 4096> buffer{};
        while (out_.readBytes(buffer.data(), static_cast<int>(buffer.size())) > 0) {
        }
    });
}

SimProcess::~SimProcess() {
    stop();
}

void SimProcess::stop() {
    if (handle_) {
        try {
            Poco::Process::kill(*handle_);
        } catch (...) {  // NOLINT(bugprone-empty-catch): already exited
        }
        try {
            (void)handle_->wait();
        } catch (...) {  // NOLINT(bugprone-empty-catch): nothing more to reap
        }
        handle_.reset();
    }
    if (drain_.joinable()) {
        drain_.join();
    }
    out_.close();
}

}  // namespace robson::binance::testing
