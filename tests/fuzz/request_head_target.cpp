// The request-head check of the API's connection gate (api/src/request_head): every byte a
// client sends before Poco parses it, cut where the gate cuts it.
#include "fuzz_entries.hpp"
#include "request_head.hpp"

namespace robson::fuzz {

void requestHead(std::span<const std::uint8_t> input) {
    const std::string_view text = asText(input);
    const auto end = api::requestHeadEnd(text);
    if (end == std::string_view::npos) {
        return;  // the gate keeps waiting (or times out): nothing is checked yet
    }
    const std::string_view head = text.substr(0, end);
    const auto problem = api::checkRequestHead(head);
    if (problem && problem->status != 400 && problem->status != 505) {
        fail("request head: a refusal other than 400 or 505");
    }
    if (!problem && head.find('\0') != std::string_view::npos) {
        fail("request head: a NUL inside the head passed");
    }
}

}  // namespace robson::fuzz
