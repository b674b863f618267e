#include "api_client.hpp"

#include "command_line.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <array>
#include <istream>
#include <ostream>

namespace robson::cli {
namespace {

/// The API's largest answer is a page of 100 intents; anything far beyond is not the API.
constexpr std::size_t kMaxBodyBytes = std::size_t{8} * 1024 * 1024;
/// How much of a non-JSON body is quoted in a message.
constexpr std::size_t kQuotedBodyChars = 120;

Poco::Timespan toTimespan(std::chrono::milliseconds value) {
    return {std::chrono::duration_cast<std::chrono::microseconds>(value).count()};
}

std::string readBody(std::istream& in) {
    std::string body;
    std::array<char, 8192> buffer{};
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
        body.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
        if (body.size() > kMaxBodyBytes) {
            throw ApiError(kExitExchange, "the API answer is larger than 8 MiB; refusing it");
        }
    }
    return body;
}

std::string quoted(const std::string& body) {
    std::string text = body.substr(0, kQuotedBodyChars);
    for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        }
    }
    return "'" + text + (body.size() > kQuotedBodyChars ? "...'" : "'");
}

/// `dump` that never throws on invalid UTF-8 typed by a person (a --note) — it is replaced.
std::string serialize(const nlohmann::json& body) {
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string stringOr(const nlohmann::json& object, const char* key, std::string fallback) {
    if (object.is_object()) {
        if (const auto found = object.find(key); found != object.end() && found->is_string()) {
            return found->get<std::string>();
        }
    }
    return fallback;
}

}  // namespace

int exitCodeFor(int http_status, const std::string& code) {
    if (code == "not_validated") {
        return kExitConflict;  // the intent is in the wrong state for this action
    }
    switch (http_status) {
        case 400:
        case 413:
            return kExitUsage;
        case 401:
        case 403:
            return kExitAuth;
        case 404:
            return kExitNotFound;
        case 409:
            return kExitConflict;
        case 422:
            return kExitRefused;
        case 429:
            return kExitExchange;
        default:
            return http_status >= 500 ? kExitExchange : kExitFailure;
    }
}

ApiError ApiError::fromReply(const ApiReply& reply) {
    const bool structured = reply.json.is_object() && reply.json.contains("detail");
    std::string detail;
    if (structured) {
        detail = stringOr(reply.json, "detail", "");
    } else {
        // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict for
        // `"literal" + std::string&&` here.
        detail = "HTTP ";
        detail += std::to_string(reply.status);
        if (!reply.body.empty()) {
            detail += ' ';
            detail += quoted(reply.body);
        }
    }
    if (structured && reply.ok()) {
        detail = "the API answered HTTP " + std::to_string(reply.status) + ": " + detail;
    } else if (!structured && reply.ok()) {
        detail = "the API answered HTTP " + std::to_string(reply.status) +
                 " with something that is not a JSON object: " + quoted(reply.body);
    }
    const std::string code = stringOr(reply.json, "code", "");
    ApiError error(reply.ok() ? kExitExchange : exitCodeFor(reply.status, code), detail, code);
    error.http_status_ = reply.status;
    error.retry_after_ = reply.retry_after;
    if (!reply.json.is_discarded()) {
        error.body_ = reply.json;
    }
    return error;
}

const ApiReply& requireObject(const ApiReply& reply) {
    if (!reply.ok() || !reply.json.is_object()) {
        throw ApiError::fromReply(reply);
    }
    return reply;
}

const nlohmann::json& requireArray(const ApiReply& reply, const char* key) {
    const auto& object = requireObject(reply).json;
    const auto found = object.find(key);
    if (found == object.end() || !found->is_array()) {
        throw ApiError(kExitExchange,
                       std::string("unexpected answer from the API: no '") + key + "' list in " +
                           quoted(reply.body));
    }
    return *found;
}

ApiClient::ApiClient(ApiEndpoint endpoint, ApiCredentials credentials)
    : endpoint_(std::move(endpoint)), credentials_(std::move(credentials)) {
    endpoint_.server = normalizeServerUrl(endpoint_.server);
    try {
        const Poco::URI uri(endpoint_.server);
        if (uri.getScheme() != "http" || uri.getHost().empty()) {
            throw std::invalid_argument("not http");
        }
        host_ = uri.getHost();
        port_ = uri.getPort();
        base_path_ = uri.getPath();
    } catch (const std::exception&) {
        // https needs a TLS stack the CLI does not link; a TLS-terminating proxy on loopback
        // (or the API's own http port) is the way.
        throw UsageError("the API URL must look like http://host:port (got '" + endpoint_.server +
                         "')");
    }
}

ApiReply ApiClient::get(const std::string& path_and_query) {
    return call(Poco::Net::HTTPRequest::HTTP_GET, path_and_query, std::nullopt);
}

ApiReply ApiClient::post(const std::string& path, const nlohmann::json& body) {
    return call(Poco::Net::HTTPRequest::HTTP_POST, path, serialize(body));
}

ApiReply ApiClient::put(const std::string& path, const nlohmann::json& body) {
    return call(Poco::Net::HTTPRequest::HTTP_PUT, path, serialize(body));
}

ApiReply ApiClient::getOk(const std::string& path_and_query) {
    return requireObject(get(path_and_query));
}

ApiReply ApiClient::postOk(const std::string& path, const nlohmann::json& body) {
    return requireObject(post(path, body));
}

ApiReply ApiClient::putOk(const std::string& path, const nlohmann::json& body) {
    return requireObject(put(path, body));
}

ApiReply ApiClient::postAnonymous(const std::string& path, const nlohmann::json& body) {
    return send(Poco::Net::HTTPRequest::HTTP_POST, path, serialize(body), false);
}

ApiReply ApiClient::call(const std::string& method,
                         const std::string& target,
                         const std::optional<std::string>& body) {
    ApiReply reply = send(method, target, body, true);
    const bool expired = reply.status == 401 && stringOr(reply.json, "code", "") == "token_expired";
    // The request was refused before doing anything (401), so sending it again is safe.
    if (expired && refreshAccessToken()) {
        reply = send(method, target, body, true);
    }
    return reply;
}

bool ApiClient::refreshAccessToken() {
    if (refreshed_ || !credentials_.stored || credentials_.stored->refresh.empty()) {
        return false;
    }
    refreshed_ = true;  // once per command: a server that keeps saying "expired" is not looped on
    const ApiReply reply =
        postAnonymous("/api/auth/token/refresh/", {{"refresh", credentials_.stored->refresh}});
    const std::string access = stringOr(reply.json, "access", "");
    if (reply.status != 200 || access.empty()) {
        return false;
    }
    credentials_.access = access;
    credentials_.stored->access = access;
    // A server that rotates refresh tokens sends a new one; keep it, or the next refresh fails.
    credentials_.stored->refresh = stringOr(reply.json, "refresh", credentials_.stored->refresh);
    saveConfig(credentials_.config_path, *credentials_.stored);
    return true;
}

ApiReply ApiClient::send(const std::string& method,
                         const std::string& target,
                         const std::optional<std::string>& body,
                         bool with_token) const {
    Poco::Net::HTTPClientSession session(host_, port_);
    session.setTimeout(toTimespan(endpoint_.connect_timeout),
                       toTimespan(endpoint_.read_timeout),
                       toTimespan(endpoint_.read_timeout));
    Poco::Net::HTTPRequest request(method, base_path_ + target, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(false);
    request.set("Accept", "application/json");
    request.set("User-Agent", "robson-cli/0.1");
    if (with_token && !credentials_.access.empty()) {
        request.setCredentials("Bearer", credentials_.access);
    }
    if (body) {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body->size()));
    } else if (method != Poco::Net::HTTPRequest::HTTP_GET) {
        request.setContentLength(0);
    }
    bool sent = false;
    try {
        std::ostream& request_body = session.sendRequest(request);
        if (body) {
            request_body << *body;
        }
        sent = true;
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        ApiReply reply;
        reply.status = static_cast<int>(response.getStatus());
        reply.body = readBody(in);
        reply.json = nlohmann::json::parse(reply.body, nullptr, false);
        if (response.has("Retry-After")) {
            reply.retry_after = response.get("Retry-After");
        }
        return reply;
    } catch (const Poco::Exception& failure) {
        std::string message =
            "cannot reach the API at " + endpoint_.server + " (" + failure.displayText() + ")";
        if (sent && method != Poco::Net::HTTPRequest::HTTP_GET) {
            // The request went out: it may have taken effect even though no answer came back.
            message += "; the request was sent and may have been applied: check with robson status";
        }
        throw ApiError(kExitExchange, message);
    }
}

}  // namespace robson::cli
