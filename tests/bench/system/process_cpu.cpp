#include "process_cpu.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <vector>

namespace robson::bench {
namespace {

struct ProcStat {
    int pid = 0;
    int ppid = 0;
    std::string comm;
    double own_seconds = 0;       ///< utime + stime
    double children_seconds = 0;  ///< cutime + cstime (reaped children)
};

double ticksPerSecond() {
    static const double ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
    return ticks;
}

bool readStat(int pid, ProcStat& out) {
    std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(file, text)) {
        return false;
    }
    // comm is in parentheses and may hold spaces: the fields after it start at the last ')'.
    const auto open = text.find('(');
    const auto close = text.rfind(')');
    if (open == std::string::npos || close == std::string::npos) {
        return false;
    }
    out.pid = pid;
    out.comm = text.substr(open + 1, close - open - 1);
    std::istringstream rest(text.substr(close + 2));
    std::vector<std::string> fields;
    std::string field;
    while (rest >> field) {
        fields.push_back(field);
    }
    // Fields from "state" (3rd of proc(5)): ppid is [1], utime [11], stime [12], cutime [13],
    // cstime [14].
    if (fields.size() < 15) {
        return false;
    }
    out.ppid = std::stoi(fields[1]);
    out.own_seconds = (std::stod(fields[11]) + std::stod(fields[12])) / ticksPerSecond();
    out.children_seconds = (std::stod(fields[13]) + std::stod(fields[14])) / ticksPerSecond();
    return true;
}

std::string commandLine(int pid) {
    // The arguments are NUL-separated; joined with spaces (and one after the last).
    std::ifstream file("/proc/" + std::to_string(pid) + "/cmdline");
    std::string text;
    std::string argument;
    while (std::getline(file, argument, '\0')) {
        text += argument + ' ';
    }
    return text;
}

std::vector<ProcStat> allProcesses() {
    std::vector<ProcStat> all;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        ProcStat stat;
        if (readStat(std::stoi(name), stat)) {
            all.push_back(stat);
        }
    }
    return all;
}

/// The role of a child of this process, from its program name (and a worker's --service).
std::string roleOf(const ProcStat& process) {
    const std::string line = commandLine(process.pid);
    if (line.find("robson-worker") != std::string::npos) {
        const auto at = line.find("--service ");
        if (at != std::string::npos) {
            const auto start = at + 10;
            return "worker:" + line.substr(start, line.find(' ', start) - start);
        }
        return "worker";
    }
    for (const auto& [program, role] :
         std::vector<std::pair<std::string, std::string>>{{"robson-exchange-sim", "sim"},
                                                          {"robson-broker", "broker"},
                                                          {"robson-sweeper", "sweeper"},
                                                          {"robson-api", "api"}}) {
        if (line.find(program) != std::string::npos) {
            return role;
        }
    }
    return "other-child";
}

double machineBusySeconds() {
    std::ifstream file("/proc/stat");
    std::string cpu;
    file >> cpu;  // "cpu": the sum over every core
    std::vector<double> ticks;
    double value = 0;
    while (ticks.size() < 8 && file >> value) {
        ticks.push_back(value);
    }
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    double busy = 0;
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        if (i != 3 && i != 4) {
            busy += ticks[i];
        }
    }
    return busy / ticksPerSecond();
}

}  // namespace

CpuSnapshot snapshotCpu(int postgres_port) {
    CpuSnapshot snapshot;
    const int self = static_cast<int>(::getpid());
    const auto processes = allProcesses();
    int postmaster = 0;
    const std::string port_flag = "-p " + std::to_string(postgres_port) + " ";
    for (const auto& process : processes) {
        if (process.pid == self) {
            snapshot["loadgen"] += process.own_seconds;
        } else if (process.ppid == self) {
            snapshot[roleOf(process)] += process.own_seconds;
        } else if (process.comm == "postgres" &&
                   commandLine(process.pid).find(port_flag) != std::string::npos) {
            postmaster = process.pid;
            snapshot["postgres"] += process.own_seconds + process.children_seconds;
        }
    }
    for (const auto& process : processes) {
        if (postmaster != 0 && process.ppid == postmaster) {
            snapshot["postgres"] += process.own_seconds;
        }
    }
    snapshot["machine"] = machineBusySeconds();
    return snapshot;
}

CpuSnapshot cpuUsed(const CpuSnapshot& before, const CpuSnapshot& after) {
    CpuSnapshot used;
    for (const auto& [role, seconds] : after) {
        const auto earlier = before.find(role);
        used[role] = seconds - (earlier == before.end() ? 0.0 : earlier->second);
    }
    return used;
}

double loadAverage() {
    std::ifstream file("/proc/loadavg");
    double one_minute = 0;
    file >> one_minute;
    return one_minute;
}

}  // namespace robson::bench
