#include "request_head.hpp"

#include <algorithm>

namespace robson::api {

namespace {

bool isTokenChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')) {
        return true;
    }
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        if (!isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

/// A request target: visible ASCII only (no space, no control, no byte above 0x7E).
bool isTarget(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u > 0x7E) {
            return false;
        }
    }
    return true;
}

/// A field value: tab, space, visible ASCII and obs-text (0x80-0xFF); no other control.
bool isFieldValue(std::string_view text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7F) {
            return false;
        }
    }
    return true;
}

HeadProblem badRequest(const std::string& why) {
    return {400, "bad_request", "The request head is malformed: " + why + "."};
}

std::optional<HeadProblem> checkRequestLine(std::string_view line) {
    const auto first = line.find(' ');
    const auto last = line.rfind(' ');
    if (first == std::string_view::npos || first == last) {
        return badRequest("the request line is not 'METHOD target HTTP/1.1'");
    }
    const auto method = line.substr(0, first);
    const auto target = line.substr(first + 1, last - first - 1);
    const auto version = line.substr(last + 1);
    if (!isToken(method)) {
        return badRequest("the method is not a token");
    }
    if (!isTarget(target)) {
        return badRequest("the target is empty or holds spaces or control characters");
    }
    if (version == "HTTP/1.1" || version == "HTTP/1.0") {
        return std::nullopt;
    }
    if (version.size() == 8 && version.substr(0, 5) == "HTTP/" && version[6] == '.' &&
        version[5] >= '0' && version[5] <= '9' && version[7] >= '0' && version[7] <= '9') {
        return HeadProblem{
            505, "http_version_not_supported", "Only HTTP/1.0 and HTTP/1.1 are served."};
    }
    return badRequest("the protocol is not HTTP/1.x");
}

std::optional<HeadProblem> checkHeaderLine(std::string_view line) {
    if (line.front() == ' ' || line.front() == '\t') {
        return badRequest("a header line is folded (obsolete line folding)");
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        return badRequest("a header line has no colon");
    }
    if (!isToken(line.substr(0, colon))) {
        return badRequest("a header name is not a token");
    }
    if (!isFieldValue(line.substr(colon + 1))) {
        return badRequest("a header value holds a control character");
    }
    return std::nullopt;
}

}  // namespace

std::size_t requestHeadEnd(std::string_view text) {
    const auto lf = text.find("\n\n");
    const auto crlf = text.find("\n\r\n");
    return std::min(lf == std::string_view::npos ? lf : lf + 2,
                    crlf == std::string_view::npos ? crlf : crlf + 3);
}

std::optional<HeadProblem> checkRequestHead(std::string_view head) {
    bool request_line_seen = false;
    std::size_t at = 0;
    while (at < head.size()) {
        const auto newline = head.find('\n', at);
        if (newline == std::string_view::npos) {
            return badRequest("the head does not end with an empty line");
        }
        std::string_view line = head.substr(at, newline - at);
        at = newline + 1;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            if (request_line_seen) {
                return std::nullopt;  // the empty line that ends the head
            }
            continue;  // empty lines before the request line are ignored
        }
        const auto problem = request_line_seen ? checkHeaderLine(line) : checkRequestLine(line);
        if (problem) {
            return problem;
        }
        request_line_seen = true;
    }
    return badRequest("the head does not end with an empty line");
}

}  // namespace robson::api
