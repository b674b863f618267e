#pragma once
// CPU time used by the processes of a benchmarked stack, read from /proc: which process
// saturates first is the question a capacity model has to answer.

#include <map>
#include <string>

namespace robson::bench {

/// CPU seconds (user + system) per role at one instant. Roles: the stack's programs that are
/// children of this process ("api", "broker", "sweeper", "sim", "worker:plan", ...; workers
/// of one pool are summed), "postgres" (the postmaster listening on the database port and
/// all its backends, including the reaped ones), "loadgen" (this process) and "machine"
/// (every core of the host, busy time only).
using CpuSnapshot = std::map<std::string, double>;

[[nodiscard]] CpuSnapshot snapshotCpu(int postgres_port);

/// `after - before` per role.
[[nodiscard]] CpuSnapshot cpuUsed(const CpuSnapshot& before, const CpuSnapshot& after);

/// The 1-minute load average of the host.
[[nodiscard]] double loadAverage();

}  // namespace robson::bench
