#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace robson::api {

/// A request as the routes see it: already read (body within the size limit), independent of
/// Poco so routing and handlers can be tested without sockets.
struct Request {
    std::string method;
    std::string path;                          ///< without the query, still percent-encoded
    std::map<std::string, std::string> query;  ///< decoded; a repeated name is refused earlier
    std::string authorization;                 ///< the Authorization header, "" when absent
    std::string body;
};

/// What a handler answers.
struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    /// When set, the body is written by this function after the headers, for as long as it
    /// runs (Server-Sent Events); `body` is ignored and no Content-Length is sent. It must
    /// return when the stream fails (the client left) or when it is done.
    std::function<void(std::ostream&)> stream;
};

/// A JSON response; invalid UTF-8 in stored text is replaced rather than thrown on.
[[nodiscard]] Response jsonResponse(int status, const nlohmann::json& body);

}  // namespace robson::api
