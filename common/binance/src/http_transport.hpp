#pragma once
// One keep-alive HTTP(S) connection to the exchange (private to robson::binance).

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

// NOLINTNEXTLINE(readability-identifier-naming): Poco's namespace, forward-declared
namespace Poco::Net {
class HTTPClientSession;
}  // namespace Poco::Net

namespace robson::binance::detail {

/// A raw HTTP answer with the headers the gateway uses.
struct HttpReply {
    int status = 0;
    std::string body;
    std::optional<int> used_weight_1m;                     ///< X-MBX-USED-WEIGHT-1M
    std::optional<std::chrono::milliseconds> retry_after;  ///< Retry-After (seconds on the wire)
};

/// The request did not produce an answer. sent() tells whether the request may have reached
/// the server (the failure came while waiting for the answer). The message never contains
/// the request line (it holds the signature).
class TransportError : public std::runtime_error {
public:
    TransportError(const std::string& message, bool sent)
        : std::runtime_error(message), sent_(sent) {}
    [[nodiscard]] bool sent() const { return sent_; }

private:
    bool sent_;
};

/// One HTTPClientSession (HTTPS when the URL says so), reused across requests (keep-alive)
/// and reset after any failure. Not thread-safe.
class HttpTransport {
public:
    HttpTransport(const std::string& base_url, std::chrono::milliseconds connect_timeout);
    ~HttpTransport();
    HttpTransport(const HttpTransport&) = delete;
    HttpTransport& operator=(const HttpTransport&) = delete;
    HttpTransport(HttpTransport&&) = delete;
    HttpTransport& operator=(HttpTransport&&) = delete;

    /// Sends `method` with the raw, already encoded `path_and_query` exactly as given (no
    /// re-encoding) and the X-MBX-APIKEY header when `api_key` is not empty.
    HttpReply send(const std::string& method,
                   const std::string& path_and_query,
                   const std::string& api_key,
                   std::chrono::milliseconds read_timeout);

private:
    std::unique_ptr<Poco::Net::HTTPClientSession> session_;
    std::chrono::milliseconds connect_timeout_;
};

}  // namespace robson::binance::detail
