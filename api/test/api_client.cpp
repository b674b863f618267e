#include "api_client.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace robson::api::test {

bool HttpReply::isErrorDocument() const {
    return json.is_object() && json.contains("detail") && json["detail"].is_string() &&
           json.contains("code") && json["code"].is_string();
}

HttpReply ApiClient::request(const std::string& method,
                             const std::string& target,
                             const std::string& body,
                             const std::string& token,
                             const std::map<std::string, std::string>& headers) const {
    Poco::Net::HTTPClientSession session("127.0.0.1", port_);
    session.setTimeout(Poco::Timespan(60, 0));
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) {
        request.set("Authorization", "Bearer " + token);
    }
    for (const auto& [name, value] : headers) {
        request.set(name, value);
    }
    if (!body.empty() || method == "POST") {
        request.setContentType("application/json");
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
        session.sendRequest(request) << body;
    } else {
        session.sendRequest(request);
    }
    Poco::Net::HTTPResponse response;
    std::istream& stream = session.receiveResponse(response);
    HttpReply reply;
    reply.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(stream, reply.body);
    for (const auto& [name, value] : response) {
        reply.headers[name] = value;
    }
    reply.json = nlohmann::json::parse(reply.body, nullptr, false);
    return reply;
}

}  // namespace robson::api::test
