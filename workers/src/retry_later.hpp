#pragma once

#include <chrono>
#include <stdexcept>
#include <string>

namespace robson::workers {

/// A transient failure with a known earliest retry: the exchange said "not now" (HTTP 429/418
/// with Retry-After, a request that never left this host). Nothing happened on the exchange,
/// so the job is retried — never the intent failed — and not before `delay`.
class RetryLater : public std::runtime_error {
public:
    RetryLater(const std::string& what, std::chrono::milliseconds delay)
        : std::runtime_error(what), delay_(delay) {}
    [[nodiscard]] std::chrono::milliseconds delay() const { return delay_; }

private:
    std::chrono::milliseconds delay_;
};

}  // namespace robson::workers
