#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

/// One entry point per parser of untrusted bytes. Each takes arbitrary input and must return
/// without crashing, leaking or throwing anything but the parser's documented refusal; a broken
/// invariant (a round trip that changes the value) aborts. libFuzzer drives them through
/// fuzz_main.cpp (make fuzz); corpus_replay_test feeds them every file of corpus/<name>/
/// under the ordinary build (make test).
namespace robson::fuzz {

using Entry = void (*)(std::span<const std::uint8_t> input);

void jobEnvelope(std::span<const std::uint8_t> input);
void brokerFrames(std::span<const std::uint8_t> input);
void jsonRequest(std::span<const std::uint8_t> input);
void intentCreateBody(std::span<const std::uint8_t> input);
void patternConfigBody(std::span<const std::uint8_t> input);
void decimalText(std::span<const std::uint8_t> input);
void requestHead(std::span<const std::uint8_t> input);

struct Target {
    std::string_view name;  ///< also the corpus directory: corpus/<name>/
    Entry entry;
};

inline constexpr Target kTargets[] = {
    {"job_envelope", &jobEnvelope},
    {"broker_frames", &brokerFrames},
    {"json_request", &jsonRequest},
    {"intent_create_body", &intentCreateBody},
    {"pattern_config_body", &patternConfigBody},
    {"decimal", &decimalText},
    {"request_head", &requestHead},
};

/// The bytes as text (the parsers take string_view).
[[nodiscard]] inline std::string_view asText(std::span<const std::uint8_t> input) {
    return {reinterpret_cast<const char*>(input.data()), input.size()};  // NOLINT
}

/// Stops the process with a message: a broken invariant is a finding.
[[noreturn]] void fail(const char* what);

}  // namespace robson::fuzz
