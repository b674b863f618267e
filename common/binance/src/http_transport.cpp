#include "http_transport.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <array>
#include <charconv>
#include <istream>
#include <mutex>

namespace robson::binance::detail {

namespace {

/// exchangeInfo for every symbol is a few MB; anything far beyond is refused.
constexpr std::size_t kMaxBodyBytes = std::size_t{64} * 1024 * 1024;
/// A Retry-After beyond a day is treated as a day (Binance bans last up to 3 days).
constexpr long kMaxRetryAfterSeconds = 3L * 24 * 3600;

Poco::Timespan toTimespan(std::chrono::milliseconds value) {
    return {std::chrono::duration_cast<std::chrono::microseconds>(value).count()};
}

std::optional<long> headerNumber(const Poco::Net::HTTPResponse& response, const char* name) {
    if (!response.has(name)) {
        return std::nullopt;
    }
    const std::string& text = response.get(name);
    long value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || ptr != end || value < 0) {
        return std::nullopt;
    }
    return value;
}

std::string readBody(std::istream& in) {
    std::string body;
    std::array<char, 8192> buffer{};
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
        body.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
        if (body.size() > kMaxBodyBytes) {
            throw TransportError("response body larger than the limit", true);
        }
    }
    if (in.bad()) {
        throw TransportError("connection lost while reading the response", true);
    }
    return body;
}

std::unique_ptr<Poco::Net::HTTPClientSession> makeSession(const std::string& base_url) {
    const Poco::URI uri(base_url);
    if (uri.getScheme() == "https") {
        static std::once_flag ssl_once;
        std::call_once(ssl_once, [] { Poco::Net::initializeSSL(); });
        const Poco::Net::Context::Ptr context =
            new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE,
                                   "",
                                   "",
                                   "",
                                   Poco::Net::Context::VERIFY_RELAXED,
                                   9,
                                   true);
        return std::make_unique<Poco::Net::HTTPSClientSession>(
            uri.getHost(), uri.getPort(), context);
    }
    if (uri.getScheme() != "http") {
        throw std::invalid_argument("exchange URL must be http:// or https://");
    }
    return std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
}

HttpReply receive(Poco::Net::HTTPClientSession& session) {
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpReply reply;
    reply.status = static_cast<int>(response.getStatus());
    reply.body = readBody(in);
    if (const auto used = headerNumber(response, "X-MBX-USED-WEIGHT-1M");
        used && *used <= std::numeric_limits<int>::max()) {
        reply.used_weight_1m = static_cast<int>(*used);
    }
    if (const auto seconds = headerNumber(response, "Retry-After")) {
        reply.retry_after = std::chrono::seconds(std::min(*seconds, kMaxRetryAfterSeconds));
    }
    return reply;
}

}  // namespace

HttpTransport::HttpTransport(const std::string& base_url, std::chrono::milliseconds connect_timeout)
    : session_(makeSession(base_url)), connect_timeout_(connect_timeout) {
    session_->setKeepAlive(true);
}

HttpTransport::~HttpTransport() = default;

HttpReply HttpTransport::send(const std::string& method,
                              const std::string& path_and_query,
                              const std::string& api_key,
                              std::chrono::milliseconds read_timeout) {
    session_->setTimeout(
        toTimespan(connect_timeout_), toTimespan(read_timeout), toTimespan(read_timeout));
    if (session_->connected()) {
        // Poco applies session timeouts only when it connects: a reused keep-alive socket
        // keeps the previous call's timeout unless it is set on the socket itself.
        session_->socket().setSendTimeout(toTimespan(read_timeout));
        session_->socket().setReceiveTimeout(toTimespan(read_timeout));
    }
    Poco::Net::HTTPRequest request(method, path_and_query, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    if (method != Poco::Net::HTTPRequest::HTTP_GET) {
        request.setContentLength(0);  // parameters travel in the query; no body, no chunking
    }
    if (!api_key.empty()) {
        request.set("X-MBX-APIKEY", api_key);
    }
    bool sent = false;
    try {
        session_->sendRequest(request);
        sent = true;
        return receive(*session_);
    } catch (const TransportError&) {
        session_->reset();
        throw;
    } catch (const Poco::Exception& failure) {
        session_->reset();
        throw TransportError(
            failure.name() + (failure.message().empty() ? std::string() : ": " + failure.message()),
            sent);
    } catch (const std::exception& failure) {
        session_->reset();
        throw TransportError(failure.what(), sent);
    }
}

}  // namespace robson::binance::detail
