#include "external_tools.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sys/wait.h>

namespace robson::bench {
namespace {

struct CommandOutput {
    int status = -1;
    std::string text;
};

CommandOutput run(const std::string& command) {
    CommandOutput out;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) {
        return out;
    }
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) {
        out.text += buffer.data();
    }
    const int raw = ::pclose(pipe);
    out.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return out;
}

std::string quote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

/// A wrk latency ("812.00us", "1.20ms", "2.01s") in milliseconds.
double wrkMilliseconds(const std::string& value, const std::string& unit) {
    const double number = std::stod(value);
    if (unit == "us") {
        return number / 1000.0;
    }
    if (unit == "s") {
        return number * 1000.0;
    }
    if (unit == "m") {
        return number * 60'000.0;
    }
    return number;
}

/// Counts the answers by status in every wrk thread and prints them once at the end.
constexpr const char* kStatusCounter = R"(
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; unavailable = 0; other = 0 end
function response(status, headers, body)
  if status == 200 then ok = ok + 1
  elseif status == 503 then unavailable = unavailable + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local a, b, c = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("ok"); b = b + t:get("unavailable"); c = c + t:get("other")
  end
  io.write(string.format("status-counts %d %d %d\n", a, b, c))
end
)";

}  // namespace

WrkResult runWrk(const std::string& url,
                 const std::string& token,
                 int connections,
                 int seconds,
                 const std::string& scratch_dir) {
    WrkResult result;
    result.connections = connections;
    const std::string script = scratch_dir + "/status_counts.lua";
    {
        std::ofstream lua(script);
        lua << "wrk.headers[\"Authorization\"] = \"Bearer " << token << "\"\n" << kStatusCounter;
    }
    const auto out =
        run("wrk -t2 -c" + std::to_string(connections) + " -d" + std::to_string(seconds) +
            "s --timeout 5s --latency -s " + quote(script) + " " + quote(url));
    std::smatch match;
    if (out.status != 0 ||
        !std::regex_search(out.text, match, std::regex(R"(Requests/sec:\s+([0-9.]+))"))) {
        result.error =
            "wrk failed (installed? ops/bootstrap.sh adds it): " + out.text.substr(0, 300);
        return result;
    }
    result.ran = true;
    result.requests_per_second = std::stod(match[1]);
    if (std::regex_search(out.text, match, std::regex(R"(\n\s+50%\s+([0-9.]+)(us|ms|s|m))"))) {
        result.p50_ms = wrkMilliseconds(match[1], match[2]);
    }
    if (std::regex_search(out.text, match, std::regex(R"(\n\s+99%\s+([0-9.]+)(us|ms|s|m))"))) {
        result.p99_ms = wrkMilliseconds(match[1], match[2]);
    }
    if (std::regex_search(
            out.text,
            match,
            std::regex(
                R"(Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+))"))) {
        result.connect_errors = std::stoll(match[1]);
        result.read_errors = std::stoll(match[2]);
        result.write_errors = std::stoll(match[3]);
        result.timeouts = std::stoll(match[4]);
    }
    if (std::regex_search(out.text, match, std::regex(R"(status-counts (\d+) (\d+) (\d+))"))) {
        result.ok = std::stoll(match[1]);
        result.unavailable = std::stoll(match[2]);
        result.other_status = std::stoll(match[3]);
    }
    return result;
}

PgbenchResult runPgbench(const std::string& database_url,
                         const std::string& script,
                         const std::string& variables,
                         int clients,
                         int seconds) {
    PgbenchResult result;
    result.clients = clients;
    const int threads = clients < 2 ? 1 : 2;
    const auto out = run("pgbench -n -f " + quote(script) + " " + variables + " -c " +
                         std::to_string(clients) + " -j " + std::to_string(threads) + " -T " +
                         std::to_string(seconds) + " " + quote(database_url));
    std::smatch match;
    if (out.status != 0 || !std::regex_search(out.text, match, std::regex(R"(tps = ([0-9.]+))"))) {
        result.error = "pgbench failed: " + out.text.substr(0, 400);
        return result;
    }
    result.ran = true;
    result.scripts_per_second = std::stod(match[1]);
    if (std::regex_search(out.text, match, std::regex(R"(latency average = ([0-9.]+) ms)"))) {
        result.latency_ms = std::stod(match[1]);
    }
    return result;
}

}  // namespace robson::bench
