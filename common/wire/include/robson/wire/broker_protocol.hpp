#pragma once

#include <string_view>

/// The broker's frames (see docs/wire-protocol.md). Modelled on Majordomo (MDP/0.2): a
/// ROUTER broker, DEALER clients and workers, an empty delimiter frame first.
///
///   client → broker:  "" "RC01" <service> <envelope>        submit a job
///   broker → client:  "" "RC01" "NAK" <envelope>            the service queue is full
///   worker → broker:  "" "RW01" "READY" <service>           idle, give me work
///                     "" "RW01" "DONE"                      finished the job, idle again
///                     "" "RW01" "HEARTBEAT"
///                     "" "RW01" "DISCONNECT"
///   broker → worker:  "" "RW01" "JOB" <envelope>
///                     "" "RW01" "HEARTBEAT"
///                     "" "RW01" "DISCONNECT"            re-register (broker restarted)
namespace robson::wire::protocol {

inline constexpr std::string_view kClient = "RC01";
inline constexpr std::string_view kWorker = "RW01";

inline constexpr std::string_view kNak = "NAK";
inline constexpr std::string_view kReady = "READY";
inline constexpr std::string_view kDone = "DONE";
inline constexpr std::string_view kHeartbeat = "HEARTBEAT";
inline constexpr std::string_view kDisconnect = "DISCONNECT";
inline constexpr std::string_view kJob = "JOB";

/// Heartbeat interval and liveness: a worker silent for 3 intervals is dead.
inline constexpr int kHeartbeatIntervalMs = 1000;
inline constexpr int kHeartbeatLiveness = 3;

}  // namespace robson::wire::protocol
