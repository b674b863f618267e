#include "broker_loop.hpp"

#include "broker_frames.hpp"
#include "robson/wire/broker_protocol.hpp"

#include <zmq.hpp>
#include <zmq_addon.hpp>

#include <mutex>
#include <vector>

namespace robson::broker {
namespace protocol = wire::protocol;

struct BrokerLoop::Impl {
    explicit Impl(BrokerOptions opts)
        : options(std::move(opts)),
          router(context, zmq::socket_type::router),
          registry(options.max_queued_per_service,
                   std::chrono::milliseconds(protocol::kHeartbeatIntervalMs *
                                             protocol::kHeartbeatLiveness),
                   options.busy_expiry) {
        router.set(zmq::sockopt::linger, 0);
        router.set(zmq::sockopt::router_mandatory, 1);
        router.set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(options.max_message_bytes));
    }

    /// Sends without blocking; a peer that is gone or full is treated as gone.
    bool send(const std::string& peer, const std::vector<std::string_view>& frames) {
        zmq::multipart_t message;
        message.addmem(peer.data(), peer.size());
        message.addmem("", 0);
        for (const auto frame : frames) {
            message.addmem(frame.data(), frame.size());
        }
        try {
            return message.send(router, static_cast<int>(zmq::send_flags::dontwait));
        } catch (const zmq::error_t&) {
            return false;  // EHOSTUNREACH: the peer disconnected
        }
    }

    void submit(const frames::ClientSubmit& command) {
        QueuedJob job{command.service, command.body};
        if (registry.submit(job)) {
            ++submitted;
        } else {
            ++refused;
            send(command.peer, {protocol::kClient, protocol::kNak, job.body});
        }
    }

    void handleMessage(const zmq::multipart_t& message, Clock::time_point now) {
        std::vector<std::string_view> parts;
        parts.reserve(message.size());
        for (const auto& part : message) {
            parts.emplace_back(part.data<char>(), part.size());
        }
        const frames::Command command = frames::parse(parts);
        if (const auto* client = std::get_if<frames::ClientSubmit>(&command)) {
            submit(*client);
        } else if (const auto* ready = std::get_if<frames::WorkerReady>(&command)) {
            registry.workerReady(ready->peer, ready->service, now);
        } else if (const auto* done = std::get_if<frames::WorkerDone>(&command)) {
            registry.workerDone(done->peer, now);
        } else if (const auto* beat = std::get_if<frames::WorkerHeartbeat>(&command)) {
            if (!registry.heartbeat(beat->peer, now)) {
                // Unknown (e.g. the broker restarted): ask it to register again.
                send(beat->peer, {protocol::kWorker, protocol::kDisconnect});
            }
        } else if (const auto* gone = std::get_if<frames::WorkerDisconnect>(&command)) {
            registry.workerGone(gone->peer);
        } else {
            ++malformed;
        }
    }

    void dispatch(Clock::time_point now) {
        for (auto& [worker, job] : registry.dispatch(now)) {
            if (send(worker, {protocol::kWorker, protocol::kJob, job.body})) {
                ++dispatched;
            } else {
                registry.workerGone(worker);  // requeues the job for the next worker
                ++requeued;
            }
        }
    }

    void heartbeatIdleWorkers() {
        for (const auto& worker : registry.idleWorkers()) {
            if (!send(worker, {protocol::kWorker, protocol::kHeartbeat})) {
                registry.workerGone(worker);
            }
        }
    }

    void takeSnapshot() {
        std::map<std::string, ServiceStats> figures;
        for (const auto& service : registry.services()) {
            figures[service] = registry.stats(service);
        }
        const std::lock_guard lock(snapshot_mutex);
        snapshot = std::move(figures);
    }

    BrokerOptions options;
    mutable std::mutex snapshot_mutex;
    std::map<std::string, ServiceStats> snapshot;
    zmq::context_t context;
    zmq::socket_t router;
    ServiceRegistry registry;
    std::atomic<std::uint64_t> submitted{0};
    std::atomic<std::uint64_t> dispatched{0};
    std::atomic<std::uint64_t> refused{0};
    std::atomic<std::uint64_t> requeued{0};
    std::atomic<std::uint64_t> expired{0};
    std::atomic<std::uint64_t> malformed{0};
};

BrokerLoop::BrokerLoop(BrokerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
BrokerLoop::~BrokerLoop() = default;

std::string BrokerLoop::bind() {
    impl_->router.bind(impl_->options.endpoint);
    return impl_->router.get(zmq::sockopt::last_endpoint);
}

void BrokerLoop::run() {
    const auto interval = std::chrono::milliseconds(protocol::kHeartbeatIntervalMs);
    auto next_heartbeat = Clock::now() + interval;
    std::vector<zmq::pollitem_t> items{{impl_->router.handle(), 0, ZMQ_POLLIN, 0}};
    while (!stopping_.load()) {
        try {
            zmq::poll(items, std::chrono::milliseconds(100));
            const auto now = Clock::now();
            if ((items[0].revents & ZMQ_POLLIN) != 0) {
                zmq::multipart_t message;
                while (message.recv(impl_->router, static_cast<int>(zmq::recv_flags::dontwait))) {
                    impl_->handleMessage(message, now);
                    message.clear();
                }
            }
            const auto expired = impl_->registry.expire(now);
            impl_->expired += expired.size();
            impl_->dispatch(now);
            if (now >= next_heartbeat) {
                impl_->heartbeatIdleWorkers();
                impl_->takeSnapshot();
                next_heartbeat = now + interval;
            }
        } catch (const zmq::error_t& error) {
            if (error.num() == ETERM) {
                return;
            }
            ++impl_->malformed;  // one bad iteration must not end the broker
        }
    }
}

BrokerCounters BrokerLoop::counters() const {
    return {impl_->submitted.load(),
            impl_->dispatched.load(),
            impl_->refused.load(),
            impl_->requeued.load(),
            impl_->expired.load(),
            impl_->malformed.load()};
}

ServiceStats BrokerLoop::stats(const std::string& service) const {
    return impl_->registry.stats(service);
}

std::map<std::string, ServiceStats> BrokerLoop::snapshot() const {
    const std::lock_guard lock(impl_->snapshot_mutex);
    return impl_->snapshot;
}

}  // namespace robson::broker
