#pragma once

#include "robson/wire/job_envelope.hpp"

#include <zmq.hpp>

#include <cstdint>
#include <mutex>
#include <string>

namespace robson::bus {

/// Sends job envelopes to the broker (the client side of docs/wire-protocol.md): one DEALER
/// with IMMEDIATE, LINGER 0 and non-blocking sends. A send that cannot happen now (broker down,
/// pipe full) returns false and costs nothing: the job row is in PostgreSQL and the sweeper
/// re-sends it. Thread-safe (a mutex serialises the socket), so an HTTP server's threads can
/// share one sender.
class JobSender {
public:
    JobSender(zmq::context_t& context, const std::string& broker_endpoint);

    /// True when the envelope was handed to ZeroMQ for the broker.
    bool send(const wire::JobEnvelope& envelope);

    /// Jobs the broker refused because the service queue was full (NAK replies read so far).
    [[nodiscard]] std::uint64_t refusedCount();

private:
    void drainReplies();  // caller holds mutex_

    std::mutex mutex_;
    zmq::socket_t socket_;
    std::uint64_t refused_ = 0;
};

}  // namespace robson::bus
