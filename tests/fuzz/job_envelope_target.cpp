// The msgpack job envelope every worker decodes from the broker (common/wire).
#include "fuzz_entries.hpp"
#include "robson/wire/job_envelope.hpp"

#include <variant>

namespace robson::fuzz {

void jobEnvelope(std::span<const std::uint8_t> input) {
    const auto decoded = wire::decode(std::as_bytes(input));
    const auto* envelope = std::get_if<wire::JobEnvelope>(&decoded);
    if (envelope == nullptr) {
        (void)wire::toString(std::get<wire::DecodeError>(decoded));
        return;
    }
    // What was accepted must survive a round trip unchanged (unknown keys are dropped, so the
    // comparison is with the decoded value, not the input bytes).
    const auto again = wire::decode(wire::encode(*envelope));
    const auto* reread = std::get_if<wire::JobEnvelope>(&again);
    if (reread == nullptr || !(*reread == *envelope)) {
        fail("job envelope: decode(encode(decoded)) differs from decoded");
    }
}

}  // namespace robson::fuzz
