// The request-head check of the API's connection gate (api/src/request_head): every byte a
// client sends before Poco parses it.
#include "fuzz_entries.hpp"
#include "request_head.hpp"

namespace robson::fuzz {

void requestHead(std::span<const std::uint8_t> input) {
    const auto problem = api::checkRequestHead(asText(input));
    if (problem && problem->status != 400 && problem->status != 505) {
        fail("request head: a refusal other than 400 or 505");
    }
    if (!problem && asText(input).find('\0') != std::string_view::npos) {
        // A NUL may only pass after the head's end (in a body the gate never checks).
        const auto text = asText(input);
        const auto end = std::min(text.find("\r\n\r\n"), text.find("\n\n"));
        if (text.find('\0') < end) {
            fail("request head: a NUL inside the head passed");
        }
    }
}

}  // namespace robson::fuzz
