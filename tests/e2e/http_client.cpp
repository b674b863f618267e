#include "http_client.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include <array>
#include <cstdio>
#include <sstream>
#include <sys/wait.h>

namespace robson::e2e {

HttpAnswer httpJson(const std::string& base_url,
                    const std::string& method,
                    const std::string& target,
                    const nlohmann::json& body,
                    const std::string& token) {
    const Poco::URI uri(base_url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(Poco::Timespan(60, 0));
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) {
        request.set("Authorization", "Bearer " + token);
    }
    const std::string payload = body.is_null() ? "" : body.dump();
    if (!body.is_null()) {
        request.setContentType("application/json");
    }
    request.setContentLength(static_cast<std::streamsize>(payload.size()));
    session.sendRequest(request) << payload;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::stringstream text;
    text << in.rdbuf();
    HttpAnswer answer;
    answer.status = static_cast<int>(response.getStatus());
    answer.raw = text.str();
    answer.body = nlohmann::json::parse(answer.raw, nullptr, false);
    if (answer.body.is_discarded()) {
        answer.body = nullptr;
    }
    for (const auto& [name, value] : response) {
        answer.headers[name] = value;
    }
    return answer;
}

CommandOutput runCommand(const std::string& command) {
    CommandOutput out;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) {
        out.status = -1;
        return out;
    }
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) {
        out.output += buffer.data();
    }
    const int raw = pclose(pipe);
    out.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return out;
}

}  // namespace robson::e2e
