#include "robson/bus/job_sender.hpp"

#include "robson/wire/broker_protocol.hpp"

#include <array>
#include <vector>

namespace robson::bus {

namespace protocol = wire::protocol;

JobSender::JobSender(zmq::context_t& context, const std::string& broker_endpoint)
    : socket_(context, zmq::socket_type::dealer) {
    socket_.set(zmq::sockopt::linger, 0);
    // Queue only to a connected broker: while it is down a send fails at once (EAGAIN) and the
    // row waits for the sweeper instead of piling up in a pipe that may never drain.
    socket_.set(zmq::sockopt::immediate, 1);
    socket_.set(zmq::sockopt::sndhwm, 1000);
    socket_.set(zmq::sockopt::reconnect_ivl, 100);
    socket_.set(zmq::sockopt::reconnect_ivl_max, 5000);
    socket_.connect(broker_endpoint);
}

bool JobSender::send(const wire::JobEnvelope& envelope) {
    const std::string service(wire::toString(envelope.kind));
    const std::string body = wire::encode(envelope);
    const std::lock_guard lock(mutex_);
    drainReplies();
    std::array<zmq::const_buffer, 4> frames{zmq::const_buffer(nullptr, 0),
                                            zmq::buffer(protocol::kClient),
                                            zmq::buffer(service),
                                            zmq::buffer(body)};
    try {
        // The first part decides: ZeroMQ delivers a multipart message atomically, so once the
        // first frame is accepted the rest are too.
        for (std::size_t i = 0; i < frames.size(); ++i) {
            const auto flags =
                i + 1 < frames.size() ? zmq::send_flags::sndmore : zmq::send_flags::none;
            if (!socket_.send(frames.at(i), flags | zmq::send_flags::dontwait)) {
                return false;
            }
        }
    } catch (const zmq::error_t&) {
        return false;
    }
    return true;
}

std::uint64_t JobSender::refusedCount() {
    const std::lock_guard lock(mutex_);
    drainReplies();
    return refused_;
}

void JobSender::drainReplies() {
    // The broker answers a submit only to refuse it (NAK: queue full). The job row stays in
    // PostgreSQL, so a NAK needs no action beyond being counted; the sweeper re-sends later.
    while (true) {
        std::vector<zmq::message_t> parts;
        while (true) {
            zmq::message_t part;
            const auto received = socket_.recv(part, zmq::recv_flags::dontwait);
            if (!received) {
                return;
            }
            const bool more = part.more();
            parts.push_back(std::move(part));
            if (!more) {
                break;
            }
        }
        if (parts.size() >= 3 && parts.at(2).to_string_view() == protocol::kNak) {
            ++refused_;
        }
    }
}

}  // namespace robson::bus
