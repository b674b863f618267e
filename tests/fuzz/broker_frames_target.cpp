// The broker's reading of ROUTER messages (broker/src/broker_frames) and what the commands do
// to its ServiceRegistry: any sequence of frames from any peer must leave it consistent.
#include "broker_frames.hpp"
#include "fuzz_entries.hpp"
#include "robson/wire/job_envelope.hpp"
#include "service_registry.hpp"

#include <string_view>
#include <vector>

namespace robson::fuzz {

namespace {

/// Input layout: messages separated by 0xFF; inside one, frames are length-prefixed (one
/// byte). A truncated last frame takes what is left.
std::vector<std::vector<std::string_view>> splitMessages(std::string_view text) {
    std::vector<std::vector<std::string_view>> messages;
    std::size_t at = 0;
    while (at <= text.size() && messages.size() < 256) {
        const auto end = std::min(text.find('\xFF', at), text.size());
        std::vector<std::string_view> frames;
        std::size_t cursor = at;
        while (cursor < end) {
            const auto length = static_cast<unsigned char>(text[cursor]);
            ++cursor;
            const std::size_t take = std::min<std::size_t>(length, end - cursor);
            frames.push_back(text.substr(cursor, take));
            cursor += take;
        }
        messages.push_back(std::move(frames));
        at = end + 1;
    }
    return messages;
}

}  // namespace

void brokerFrames(std::span<const std::uint8_t> input) {
    using broker::Clock;
    broker::ServiceRegistry registry(
        4, std::chrono::milliseconds(3000), std::chrono::milliseconds(10'000));
    auto now = Clock::time_point{} + std::chrono::hours(1);
    std::size_t accepted = 0;
    for (const auto& message : splitMessages(asText(input))) {
        namespace frames = broker::frames;
        const frames::Command command = frames::parse(message);
        if (const auto* client = std::get_if<frames::ClientSubmit>(&command)) {
            if (registry.submit(broker::QueuedJob{client->service, client->body})) {
                ++accepted;
            } else if (registry.stats(client->service).queued < 4) {
                fail("broker: a job refused (NAK) while its queue had room");
            }
            (void)wire::decode(client->body);  // what a worker does with the body
        } else if (const auto* ready = std::get_if<frames::WorkerReady>(&command)) {
            registry.workerReady(ready->peer, ready->service, now);
        } else if (const auto* done = std::get_if<frames::WorkerDone>(&command)) {
            registry.workerDone(done->peer, now);
        } else if (const auto* beat = std::get_if<frames::WorkerHeartbeat>(&command)) {
            (void)registry.heartbeat(beat->peer, now);
        } else if (const auto* gone = std::get_if<frames::WorkerDisconnect>(&command)) {
            registry.workerGone(gone->peer);
        }
        (void)registry.dispatch(now);
        (void)registry.expire(now);
        now += std::chrono::milliseconds(700);
    }
    // A requeued job may exceed the queue bound (service_registry.cpp says why), but no job
    // is ever duplicated: everything queued or in flight was accepted once.
    std::size_t held = 0;
    for (const auto& service : registry.services()) {
        const auto stats = registry.stats(service);
        held += stats.queued + stats.busy_workers;
    }
    if (held > accepted) {
        fail("broker: more jobs queued or in flight than were ever accepted");
    }
}

}  // namespace robson::fuzz
