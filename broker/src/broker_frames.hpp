#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

/// The broker's reading of one ROUTER message (docs/wire-protocol.md), apart from sockets so
/// the fuzz target (tests/fuzz) can feed it arbitrary frames: every shape a peer can send is
/// either one of these commands or Malformed.
namespace robson::broker::frames {

/// [peer, "", "RC01", service, envelope]: a client submits a job.
struct ClientSubmit {
    std::string peer;
    std::string service;
    std::string body;
};
/// [peer, "", "RW01", "READY", service]
struct WorkerReady {
    std::string peer;
    std::string service;
};
/// [peer, "", "RW01", "DONE"]
struct WorkerDone {
    std::string peer;
};
/// [peer, "", "RW01", "HEARTBEAT"]
struct WorkerHeartbeat {
    std::string peer;
};
/// [peer, "", "RW01", "DISCONNECT"]
struct WorkerDisconnect {
    std::string peer;
};
/// Anything else: counted and dropped.
struct Malformed {};

using Command = std::
    variant<ClientSubmit, WorkerReady, WorkerDone, WorkerHeartbeat, WorkerDisconnect, Malformed>;

/// Classifies the frames of one message, the ROUTER's peer identity first.
[[nodiscard]] Command parse(const std::vector<std::string_view>& message);

}  // namespace robson::broker::frames
