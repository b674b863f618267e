#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace robson::api {

/// Why a request head is refused before it reaches Poco (which tolerates some of these).
struct HeadProblem {
    int status;        ///< 400, or 505 for an HTTP version other than 1.0 / 1.1
    std::string code;  ///< "bad_request", "http_version_not_supported"
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

}  // namespace robson::api
