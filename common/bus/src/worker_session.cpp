#include "robson/bus/worker_session.hpp"

#include "robson/wire/broker_protocol.hpp"

#include <zmq_addon.hpp>

#include <algorithm>
#include <vector>

namespace robson::bus {

namespace protocol = wire::protocol;
using Clock = std::chrono::steady_clock;

namespace {
const auto kInterval = std::chrono::milliseconds(protocol::kHeartbeatIntervalMs);
const auto kBrokerSilence = kInterval * protocol::kHeartbeatLiveness;
}  // namespace

WorkerSession::WorkerSession(zmq::context_t& context,
                             std::string broker_endpoint,
                             std::string service)
    : context_(context), endpoint_(std::move(broker_endpoint)), service_(std::move(service)) {
    connect();
}

void WorkerSession::connect() {
    // A fresh socket (and so a fresh routing id): a restarted broker never saw our READY, and
    // reusing an identity can be silently refused by libzmq 4.3.4.
    socket_ = zmq::socket_t(context_, zmq::socket_type::dealer);
    socket_.set(zmq::sockopt::linger, 0);
    socket_.set(zmq::sockopt::maxmsgsize, std::int64_t{64} * 1024);
    socket_.set(zmq::sockopt::reconnect_ivl, 100);
    socket_.set(zmq::sockopt::reconnect_ivl_max, 2000);
    socket_.connect(endpoint_);
    sendCommand(protocol::kReady, service_);
    ++registrations_;
    const auto now = Clock::now();
    broker_expiry_ = now + kBrokerSilence;
    next_heartbeat_ = now + kInterval;
}

void WorkerSession::sendCommand(std::string_view command, std::string_view body) {
    zmq::multipart_t message;
    message.addstr("");
    message.addmem(protocol::kWorker.data(), protocol::kWorker.size());
    message.addmem(command.data(), command.size());
    if (!body.empty()) {
        message.addmem(body.data(), body.size());
    }
    try {
        // Non-blocking: a broker that is not there must not freeze the worker; the liveness
        // countdown reconnects it.
        static_cast<void>(message.send(socket_, static_cast<int>(zmq::send_flags::dontwait)));
    } catch (const zmq::error_t&) {
        // Same as above: the countdown handles a broker we cannot reach.
    }
}

std::optional<std::string> WorkerSession::nextJob(std::chrono::milliseconds wait) {
    const auto until = Clock::now() + wait;
    while (true) {
        const auto now = Clock::now();
        if (now >= next_heartbeat_) {
            sendCommand(protocol::kHeartbeat);
            next_heartbeat_ = now + kInterval;
        }
        if (now >= broker_expiry_) {
            connect();  // the broker is gone or restarted: register again
            continue;
        }
        if (now >= until) {
            return std::nullopt;
        }
        const auto slice = std::min({until, next_heartbeat_, broker_expiry_}) - now;
        std::vector<zmq::pollitem_t> items{{socket_.handle(), 0, ZMQ_POLLIN, 0}};
        zmq::poll(items,
                  std::chrono::duration_cast<std::chrono::milliseconds>(slice) +
                      std::chrono::milliseconds(1));
        if ((items[0].revents & ZMQ_POLLIN) == 0) {
            continue;
        }
        zmq::multipart_t message;
        if (!message.recv(socket_, static_cast<int>(zmq::recv_flags::dontwait))) {
            continue;
        }
        broker_expiry_ = Clock::now() + kBrokerSilence;  // any message proves the broker lives
        // ["", "RW01", command, (body)]
        if (message.size() < 3 || !message[0].empty() ||
            message[1].to_string_view() != protocol::kWorker) {
            continue;  // not the protocol: ignore
        }
        const std::string command = message[2].to_string();
        if (command == protocol::kJob && message.size() == 4) {
            return message[3].to_string();
        }
        if (command == protocol::kDisconnect) {
            connect();
        }
        // HEARTBEAT: liveness already refreshed.
    }
}

void WorkerSession::done() {
    sendCommand(protocol::kDone);
    const auto now = Clock::now();
    // While busy the broker sent nothing: restart the countdown instead of reconnecting.
    broker_expiry_ = now + kBrokerSilence;
    next_heartbeat_ = now + kInterval;
}

}  // namespace robson::bus
