#pragma once
// Raw TCP for abuse tests: bytes no well-behaved HTTP client library would send.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace robson::abuse {

/// What came back on one connection.
struct RawReply {
    std::string text;        ///< everything read before the server closed (or the wait ended)
    bool closed = false;     ///< the server closed the connection (EOF or reset)
    bool reset = false;      ///< ... with a reset
    bool timed_out = false;  ///< neither an answer nor a close within the wait
};

/// Connects to 127.0.0.1:port, sends `request`, then reads until the server closes or `wait`
/// passes (once a complete response with Content-Length has arrived it stops reading).
[[nodiscard]] RawReply sendRaw(std::uint16_t port,
                               std::string_view request,
                               std::chrono::milliseconds wait = std::chrono::seconds(5));

/// Reads one response from a connected socket: until a complete response with Content-Length
/// has arrived, the server closes or `wait` passes. The socket stays open.
[[nodiscard]] RawReply readResponse(int fd, std::chrono::milliseconds wait);

/// The status code of a response ("HTTP/1.1 404 ..." → 404), 0 when there is none.
[[nodiscard]] int statusOf(const std::string& response);

/// A connected blocking socket (throws on failure); the caller closes it.
[[nodiscard]] int connectTo(std::uint16_t port);

/// The resident memory of a process, from /proc (KiB).
[[nodiscard]] long residentKiB(long pid);

}  // namespace robson::abuse
