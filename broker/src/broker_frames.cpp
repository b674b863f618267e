#include "broker_frames.hpp"

#include "robson/wire/broker_protocol.hpp"

namespace robson::broker::frames {

namespace protocol = wire::protocol;

namespace {

Command parseClient(const std::string& peer, const std::vector<std::string_view>& message) {
    // [peer, "", "RC01", service, envelope]
    if (message.size() != 5) {
        return Malformed{};
    }
    return ClientSubmit{peer, std::string(message[3]), std::string(message[4])};
}

Command parseWorker(const std::string& peer, const std::vector<std::string_view>& message) {
    // [peer, "", "RW01", "READY", service] or [peer, "", "RW01", command]
    if (message.size() == 5 && message[3] == protocol::kReady) {
        return WorkerReady{peer, std::string(message[4])};
    }
    if (message.size() != 4) {
        return Malformed{};
    }
    const std::string_view command = message[3];
    if (command == protocol::kDone) {
        return WorkerDone{peer};
    }
    if (command == protocol::kHeartbeat) {
        return WorkerHeartbeat{peer};
    }
    if (command == protocol::kDisconnect) {
        return WorkerDisconnect{peer};
    }
    return Malformed{};
}

}  // namespace

Command parse(const std::vector<std::string_view>& message) {
    // [peer, "", protocol, ...]
    if (message.size() < 3 || !message[1].empty()) {
        return Malformed{};
    }
    const std::string peer(message[0]);
    if (message[2] == protocol::kClient) {
        return parseClient(peer, message);
    }
    if (message[2] == protocol::kWorker) {
        return parseWorker(peer, message);
    }
    return Malformed{};
}

}  // namespace robson::broker::frames
