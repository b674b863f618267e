#include "interrupt.hpp"

#include <array>
#include <csignal>
#include <ctime>
#include <thread>

namespace robson::cli {
namespace {

// Written by the signal handler, so only a lock-free sig_atomic_t is allowed.
volatile std::sig_atomic_t g_interrupted =
    0;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

extern "C" void onInterrupt(int signal_number) {
    if (g_interrupted != 0) {
        // Second Ctrl-C: the person really wants out, even from a request that hangs.
        static_cast<void>(std::signal(signal_number, SIG_DFL));
        static_cast<void>(std::raise(signal_number));
        return;
    }
    g_interrupted = 1;
}

struct sigaction g_previous {};  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

}  // namespace

InterruptScope::InterruptScope() {
    g_interrupted = 0;
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &g_previous);
}

InterruptScope::~InterruptScope() {
    sigaction(SIGINT, &g_previous, nullptr);
}

bool InterruptScope::requested() {
    return g_interrupted != 0;
}

bool InterruptScope::sleepFor(std::chrono::milliseconds duration) {
    constexpr std::chrono::milliseconds kSlice{50};
    const auto until = std::chrono::steady_clock::now() + duration;
    while (!requested()) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= until) {
            return true;
        }
        std::this_thread::sleep_for(
            std::min(kSlice, std::chrono::duration_cast<std::chrono::milliseconds>(until - now)));
    }
    return false;
}

std::string utcNow() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    std::array<char, 32> text{};
    const std::size_t length =
        std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
    return {text.data(), length};
}

}  // namespace robson::cli
