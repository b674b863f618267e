// The request-head check of the API's connection gate (api/src/request_head): every byte a
// client sends before Poco parses it, cut where the gate cuts it; then its body framing.
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
    if (problem) {
        return;
    }
    const auto framing = api::bodyFramingOf(head);
    if (framing.problem && framing.problem->status != 400 && framing.problem->status != 501) {
        fail("request framing: a refusal other than 400 or 501");
    }
    if (framing.kind != api::BodyFraming::Kind::Chunked) {
        return;
    }
    // The rest as a chunked body, scanned whole and a byte at a time: the same verdict.
    const std::string_view body = text.substr(end);
    api::ChunkedScan whole;
    api::scanChunked(body, whole);
    api::ChunkedScan dribbled;
    for (std::size_t size = 0;
         size <= body.size() && dribbled.state == api::ChunkedScan::State::InProgress;
         ++size) {
        api::scanChunked(body.substr(0, size), dribbled);
    }
    if (whole.state != dribbled.state || whole.end != dribbled.end) {
        fail("chunked body: a different verdict when it arrives a byte at a time");
    }
    if (whole.state == api::ChunkedScan::State::Complete && whole.end > body.size()) {
        fail("chunked body: complete past the bytes received");
    }
}

}  // namespace robson::fuzz
