// The broker hop (make bench): a job envelope from a JobSender through a real robson-broker
// process to a WorkerSession, beside a bare ZeroMQ DEALER→ROUTER→DEALER round trip over TCP
// loopback in the same run (the same two TCP hops with no broker logic). Not pass/fail.
#include "child_process.hpp"
#include "robson/bus/job_sender.hpp"
#include "robson/bus/worker_session.hpp"
#include "robson/wire/job_envelope.hpp"
#include "system/latency_stats.hpp"

#include <zmq.hpp>
#include <zmq_addon.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <variant>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using robson::bench::percentile;

constexpr int kLatencyRounds = 5000;
constexpr int kWarmupRounds = 500;
constexpr int kThroughputJobs = 20000;
constexpr std::int64_t kWindow = 500;  ///< jobs in flight at most (under the broker's queue cap)

double microsecondsSince(Clock::time_point from) {
    return std::chrono::duration<double, std::micro>(Clock::now() - from).count();
}

robson::wire::JobEnvelope envelope(std::int64_t job_id) {
    robson::wire::JobEnvelope job;
    job.job_id = job_id;
    job.kind = robson::wire::JobKind::Plan;
    job.intent_id = "intent-0123456789abcdef";
    job.tenant = "1";
    job.deadline_ms = 4'102'444'800'000;
    return job;
}

std::int64_t jobIdOf(const std::string& bytes) {
    const auto decoded = robson::wire::decode(bytes);
    return std::get<robson::wire::JobEnvelope>(decoded).job_id;
}

struct Result {
    std::string what;
    double p50_us = 0;
    double p99_us = 0;
    double per_second = 0;
};

/// Workers that take jobs from the broker and stamp when each arrived.
class FakeWorkers {
public:
    FakeWorkers(zmq::context_t& context, const std::string& endpoint, int count, std::size_t jobs)
        : arrived_(jobs) {
        for (int i = 0; i < count; ++i) {
            threads_.emplace_back([this, &context, endpoint] {
                robson::bus::WorkerSession session(context, endpoint, "plan");
                while (!stop_.load()) {
                    const auto job = session.nextJob(std::chrono::milliseconds(50));
                    if (!job) {
                        continue;
                    }
                    const auto id = static_cast<std::size_t>(jobIdOf(*job));
                    arrived_.at(id) = Clock::now().time_since_epoch().count();
                    received_.fetch_add(1);
                    session.done();
                    finished_.fetch_add(1);
                }
            });
        }
    }
    ~FakeWorkers() {
        stop_.store(true);
        for (auto& thread : threads_) {
            thread.join();
        }
    }
    FakeWorkers(const FakeWorkers&) = delete;
    FakeWorkers& operator=(const FakeWorkers&) = delete;
    FakeWorkers(FakeWorkers&&) = delete;
    FakeWorkers& operator=(FakeWorkers&&) = delete;

    [[nodiscard]] std::int64_t received() const { return received_.load(); }
    /// Jobs whose worker told the broker it is idle again.
    [[nodiscard]] std::int64_t finished() const { return finished_.load(); }
    [[nodiscard]] Clock::time_point arrival(std::size_t id) const {
        return Clock::time_point(Clock::duration(arrived_.at(id).load()));
    }

private:
    std::vector<std::atomic<Clock::rep>> arrived_;
    std::atomic<std::int64_t> received_{0};
    std::atomic<std::int64_t> finished_{0};
    std::atomic<bool> stop_{false};
    std::vector<std::thread> threads_;
};

void sendUntilAccepted(robson::bus::JobSender& sender, std::int64_t id) {
    while (!sender.send(envelope(id))) {
        std::this_thread::yield();
    }
}

/// One job in flight at a time: send → the worker has it (same clock, one process).
Result brokerLatency(zmq::context_t& context, const std::string& endpoint) {
    FakeWorkers workers(context, endpoint, 1, kWarmupRounds + kLatencyRounds + 1);
    robson::bus::JobSender sender(context, endpoint);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the worker's READY
    std::vector<double> samples;
    // The first kWarmupRounds jobs warm the path up (not measured), as in the bare test.
    for (int i = 1; i <= kWarmupRounds + kLatencyRounds; ++i) {
        const auto sent = Clock::now();
        sendUntilAccepted(sender, i);
        while (workers.finished() < i) {
            std::this_thread::yield();
        }
        if (i <= kWarmupRounds) {
            continue;
        }
        samples.push_back(std::chrono::duration<double, std::micro>(
                              workers.arrival(static_cast<std::size_t>(i)) - sent)
                              .count());
    }
    return {"robson-broker hop: JobSender -> broker -> WorkerSession, 1 job in flight",
            percentile(samples, 50),
            percentile(samples, 99),
            1e6 / percentile(samples, 50)};
}

/// Jobs sent as fast as the window allows to `worker_count` workers.
Result brokerThroughput(zmq::context_t& context, const std::string& endpoint, int worker_count) {
    FakeWorkers workers(context, endpoint, worker_count, kThroughputJobs + 1);
    robson::bus::JobSender sender(context, endpoint);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const auto started = Clock::now();
    for (std::int64_t i = 1; i <= kThroughputJobs; ++i) {
        while (i - workers.received() > kWindow) {
            std::this_thread::yield();
        }
        sendUntilAccepted(sender, i);
    }
    while (workers.received() < kThroughputJobs) {
        std::this_thread::yield();
    }
    const double seconds = microsecondsSince(started) / 1e6;
    return {"robson-broker throughput, " + std::to_string(worker_count) +
                " worker(s), <= 500 in flight",
            0,
            0,
            kThroughputJobs / seconds};
}

/// The baseline: a ROUTER that echoes, a DEALER that waits for each echo (or keeps a window).
Result bareRoundTrip(zmq::context_t& context, bool pipelined) {
    zmq::socket_t router(context, zmq::socket_type::router);
    router.set(zmq::sockopt::linger, 0);
    router.bind("tcp://127.0.0.1:*");
    const std::string endpoint = router.get(zmq::sockopt::last_endpoint);
    std::atomic<bool> stop{false};
    std::thread echo([&router, &stop] {
        while (!stop.load()) {
            std::vector<zmq::message_t> frames;
            zmq::pollitem_t item{router.handle(), 0, ZMQ_POLLIN, 0};
            if (zmq::poll(&item, 1, std::chrono::milliseconds(50)) <= 0) {
                continue;
            }
            if (zmq::recv_multipart(router, std::back_inserter(frames))) {
                zmq::send_multipart(router, frames);
            }
        }
    });
    zmq::socket_t dealer(context, zmq::socket_type::dealer);
    dealer.set(zmq::sockopt::linger, 0);
    dealer.connect(endpoint);
    const std::string payload = robson::wire::encode(envelope(1));
    Result result;
    if (!pipelined) {
        // Warm-up rounds (connection, caches), not measured: the broker hop gets the same.
        for (int i = 0; i < kWarmupRounds; ++i) {
            dealer.send(zmq::buffer(payload));
            zmq::message_t reply;
            static_cast<void>(dealer.recv(reply));
        }
        std::vector<double> samples;
        for (int i = 0; i < kLatencyRounds; ++i) {
            const auto sent = Clock::now();
            dealer.send(zmq::buffer(payload));
            zmq::message_t reply;
            static_cast<void>(dealer.recv(reply));
            samples.push_back(microsecondsSince(sent));
        }
        result = {"bare ZeroMQ DEALER -> ROUTER echo -> DEALER, 1 in flight",
                  percentile(samples, 50),
                  percentile(samples, 99),
                  1e6 / percentile(samples, 50)};
    } else {
        const auto started = Clock::now();
        std::int64_t received = 0;
        for (std::int64_t sent = 0; sent < kThroughputJobs; ++sent) {
            while (sent - received >= kWindow) {
                zmq::message_t reply;
                static_cast<void>(dealer.recv(reply));
                ++received;
            }
            dealer.send(zmq::buffer(payload));
        }
        while (received < kThroughputJobs) {
            zmq::message_t reply;
            static_cast<void>(dealer.recv(reply));
            ++received;
        }
        result = {"bare ZeroMQ DEALER -> ROUTER echo, <= 500 in flight",
                  0,
                  0,
                  kThroughputJobs / (microsecondsSince(started) / 1e6)};
    }
    stop.store(true);
    echo.join();
    return result;
}

}  // namespace

int main() {
    try {
        const std::string log = std::filesystem::temp_directory_path() / "robson-broker-bench.log";
        robson::e2e::ChildProcess broker(robson::e2e::Programs::broker(),
                                         {"--bind", "tcp://127.0.0.1:*"},
                                         {},
                                         log,
                                         "robson-broker listening on ");
        zmq::context_t context(1);
        std::vector<Result> results;
        results.push_back(bareRoundTrip(context, false));
        results.push_back(brokerLatency(context, broker.readyValue()));
        results.push_back(bareRoundTrip(context, true));
        results.push_back(brokerThroughput(context, broker.readyValue(), 1));
        results.push_back(brokerThroughput(context, broker.readyValue(), 4));
        std::printf(
            "\n## broker_bench (%zu-byte envelope, TCP loopback)\n\n"
            "| what | p50 us | p99 us | per second |\n|---|---|---|---|\n",
            robson::wire::encode(envelope(1)).size());
        for (const auto& r : results) {
            std::printf(
                "| %s | %.1f | %.1f | %.0f |\n", r.what.c_str(), r.p50_us, r.p99_us, r.per_second);
        }
        std::printf(
            "\nRatios: broker hop p50 / bare round trip p50 = %.2f; p99 = %.2f; broker "
            "throughput (4 workers) / bare pipelined = %.3f\n",
            results[1].p50_us / results[0].p50_us,
            results[1].p99_us / results[0].p99_us,
            results[4].per_second / results[2].per_second);
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "broker_bench: %s\n", error.what());
        return 1;
    }
}
