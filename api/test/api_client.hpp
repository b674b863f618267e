#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace robson::api::test {

/// What the server answered.
struct HttpReply {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;
    nlohmann::json json;  ///< parsed body, discarded when it is not JSON

    [[nodiscard]] std::string code() const {
        return json.is_object() && json.contains("code") && json["code"].is_string()
                   ? json["code"].get<std::string>()
                   : "";
    }
    /// True when the body is an error document {"detail": str, "code": str}.
    [[nodiscard]] bool isErrorDocument() const;
};

/// A tiny HTTP/1.1 client over Poco for the tests: one connection per call, so it is safe to
/// use from many threads at once.
class ApiClient {
public:
    explicit ApiClient(std::uint16_t port) : port_(port) {}

    [[nodiscard]] HttpReply request(const std::string& method,
                                    const std::string& target,
                                    const std::string& body = "",
                                    const std::string& token = "",
                                    const std::map<std::string, std::string>& headers = {}) const;
    [[nodiscard]] HttpReply get(const std::string& target, const std::string& token = "") const {
        return request("GET", target, "", token);
    }
    [[nodiscard]] HttpReply post(const std::string& target,
                                 const nlohmann::json& body,
                                 const std::string& token = "") const {
        return request("POST", target, body.dump(), token);
    }

    [[nodiscard]] std::uint16_t port() const { return port_; }

private:
    std::uint16_t port_;
};

}  // namespace robson::api::test
