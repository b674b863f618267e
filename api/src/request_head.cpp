#include "request_head.hpp"

#include <algorithm>
#include <limits>

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

char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return lowerAscii(x) == lowerAscii(y);
           });
}

/// A field value without its leading and trailing blanks (Poco trims them too).
std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

/// 1*DIGIT, saturated at UINT64_MAX; nullopt for anything else (sign, blanks, a list).
std::optional<std::uint64_t> decimalLength(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        const auto digit = static_cast<std::uint64_t>(c - '0');
        value = value > (kMax - digit) / 10 ? kMax : value * 10 + digit;
    }
    return value;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    const char lower = lowerAscii(c);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
}

/// A chunk-size line longer than this (extensions included) is refused.
constexpr std::size_t kMaxChunkLine = 1024;

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

BodyFraming bodyFramingOf(std::string_view head) {
    BodyFraming framing;
    bool request_line_seen = false;
    bool http11 = false;
    std::optional<std::uint64_t> length;
    bool length_seen = false;
    int transfer_encodings = 0;
    std::string_view transfer_encoding;
    std::size_t at = 0;
    while (at < head.size()) {
        const auto newline = head.find('\n', at);
        if (newline == std::string_view::npos) {
            break;
        }
        std::string_view line = head.substr(at, newline - at);
        at = newline + 1;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            if (request_line_seen) {
                break;
            }
            continue;
        }
        if (!request_line_seen) {
            request_line_seen = true;
            http11 = line.ends_with(" HTTP/1.1");
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            continue;  // checkRequestHead refuses it
        }
        const auto name = line.substr(0, colon);
        const auto value = trimmed(line.substr(colon + 1));
        if (equalsIgnoringCase(name, "Content-Length")) {
            const auto parsed = decimalLength(value);
            if (!parsed) {
                framing.problem = badRequest("the Content-Length is not a number");
                return framing;
            }
            if (length_seen && length != parsed) {
                framing.problem = badRequest("two Content-Length fields differ");
                return framing;
            }
            length_seen = true;
            length = parsed;
        } else if (equalsIgnoringCase(name, "Transfer-Encoding")) {
            ++transfer_encodings;
            transfer_encoding = value;
        } else if (equalsIgnoringCase(name, "Expect")) {
            framing.expect_continue =
                framing.expect_continue || (http11 && equalsIgnoringCase(value, "100-continue"));
        }
    }
    if (transfer_encodings > 0) {
        if (length_seen) {
            framing.problem = badRequest("both Content-Length and Transfer-Encoding are set");
        } else if (transfer_encodings == 1 && transfer_encoding.empty()) {
            framing.problem = badRequest("the Transfer-Encoding is empty");
        } else if (transfer_encodings > 1 || !equalsIgnoringCase(transfer_encoding, "chunked")) {
            // Poco decodes one "Transfer-Encoding: chunked" field and nothing else.
            framing.problem =
                HeadProblem{501, "not_implemented", "Only the chunked transfer coding is served."};
        } else {
            framing.kind = BodyFraming::Kind::Chunked;
        }
        return framing;
    }
    if (length_seen) {
        framing.kind = BodyFraming::Kind::Length;
        framing.length = *length;
    }
    return framing;
}

void scanChunked(std::string_view body, ChunkedScan& scan) {
    const auto malformed = [&scan](std::string why) {
        scan.state = ChunkedScan::State::Malformed;
        scan.why = std::move(why);
    };
    while (scan.state == ChunkedScan::State::InProgress) {
        const auto newline = body.find('\n', scan.next);
        if (newline == std::string_view::npos || newline - scan.next > kMaxChunkLine) {
            if (body.size() - scan.next > kMaxChunkLine) {
                malformed("a chunk-size line is longer than 1 KiB");
            }
            return;
        }
        std::string_view line = body.substr(scan.next, newline - scan.next);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        std::uint64_t size = 0;
        std::size_t digits = 0;
        while (digits < line.size() && hexValue(line[digits]) >= 0) {
            size = size * 16 + static_cast<std::uint64_t>(hexValue(line[digits]));
            if (++digits > 8) {
                break;
            }
        }
        if (digits == 0 || digits > 8) {
            malformed("a chunk size is not 1 to 8 hex digits");
            return;
        }
        const auto rest = line.substr(digits);
        if (!rest.empty() && rest.front() != ';' && rest.front() != ' ' && rest.front() != '\t') {
            malformed("a chunk size is not 1 to 8 hex digits");
            return;
        }
        if (!isFieldValue(rest)) {
            malformed("a chunk extension holds a control character");
            return;
        }
        scan.announced = scan.data + size;
        const std::size_t data_at = newline + 1;
        // After the data (or after the last chunk's size line): CRLF or LF. For the last
        // chunk that is the empty line ending the body; trailer fields are not served.
        const std::size_t after = data_at + static_cast<std::size_t>(size);
        if (body.size() <= after) {
            return;
        }
        std::size_t line_end = 0;
        if (body[after] == '\n') {
            line_end = after + 1;
        } else if (body[after] == '\r' && body.size() == after + 1) {
            return;
        } else if (body[after] == '\r' && body[after + 1] == '\n') {
            line_end = after + 2;
        } else {
            malformed(size == 0 ? "trailer fields are not served"
                                : "a chunk's data is not followed by CRLF");
            return;
        }
        scan.data += size;
        scan.next = line_end;
        if (size == 0) {
            scan.state = ChunkedScan::State::Complete;
            scan.end = line_end;
        }
    }
}

}  // namespace robson::api
