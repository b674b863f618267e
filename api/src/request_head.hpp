#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace robson::api {

/// Why a request head is refused before it reaches Poco (which tolerates some of these).
struct HeadProblem {
    int status;        ///< 400; 505 for an HTTP version other than 1.0 / 1.1; 501 (framing)
    std::string code;  ///< "bad_request", "http_version_not_supported", "not_implemented"
    std::string detail;
};

/// Checks the syntax of a complete request head (request line and header lines, up to and
/// including the empty line; RFC 9112): a token method, one space, a printable target, one
/// space, HTTP/1.0 or HTTP/1.1; then "token: value" lines. Refuses control characters (NUL
/// included) anywhere but a tab in a value, header lines without a colon, and obsolete line
/// folding. Leading empty lines are ignored, as RFC 9112 allows. Pure: the fuzz target calls
/// it too.
[[nodiscard]] std::optional<HeadProblem> checkRequestHead(std::string_view head);

/// Where the head at the start of `text` ends: just past the first empty line ("\n\n" or
/// "\n\r\n", so CRLF, bare LF and mixes, as Poco reads them), or npos when not yet.
[[nodiscard]] std::size_t requestHeadEnd(std::string_view text);

/// How the body after a checked head is framed (RFC 9112 section 6), as Poco will read it.
struct BodyFraming {
    enum class Kind { None, Length, Chunked };
    Kind kind = Kind::None;
    /// Kind::Length: the Content-Length (saturated at UINT64_MAX: "too large" either way).
    std::uint64_t length = 0;
    /// "Expect: 100-continue" on an HTTP/1.1 request: the client waits for "100 Continue"
    /// before it sends the body.
    bool expect_continue = false;
    /// Why the framing is refused: 400 for a Content-Length that is not a number, several
    /// that differ, both Content-Length and Transfer-Encoding (a smuggling vector, RFC 9112
    /// section 6.3) or an empty Transfer-Encoding; 501 for a transfer coding other than
    /// chunked, which Poco does not decode.
    std::optional<HeadProblem> problem;
};

/// The framing of the body after `head`, a complete head that passed checkRequestHead. Pure.
[[nodiscard]] BodyFraming bodyFramingOf(std::string_view head);

/// Progress through a chunked body (RFC 9112 section 7.1), kept between calls of scanChunked
/// so bytes arriving one at a time are each looked at about once.
struct ChunkedScan {
    enum class State { InProgress, Complete, Malformed };
    State state = State::InProgress;
    /// Where the next chunk-size line starts, relative to the body's start.
    std::size_t next = 0;
    /// The data bytes of the chunks received whole.
    std::uint64_t data = 0;
    /// The data bytes announced so far, the chunk being received included: compared with the
    /// body limit as soon as a chunk-size line arrives.
    std::uint64_t announced = 0;
    /// Complete: the body's length in bytes, framing included (what follows is the next
    /// request).
    std::size_t end = 0;
    /// Malformed: why ("a chunk size is not 1 to 8 hex digits", ...).
    std::string why;
};

/// Advances `scan` over `body`, the bytes received after the head so far (a prefix of the same
/// bytes each call, longer or not). Strict where Poco is lenient, so the body ends where Poco
/// will see it end: 1 to 8 hex digits, optionally followed by a chunk extension (";...") or
/// blanks, then CRLF or LF; CRLF or LF after each chunk's data; no trailer fields (the line
/// after the last chunk must be empty). Pure: the fuzz target calls it too.
void scanChunked(std::string_view body, ChunkedScan& scan);

}  // namespace robson::api
