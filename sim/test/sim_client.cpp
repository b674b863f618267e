#include "sim_client.hpp"

#include "signing.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <chrono>
#include <sstream>

namespace robson::sim::test {

std::int64_t wallNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string hmacHex(const std::string& key, const std::string& data) {
    return hmacSha256Hex(key, data);
}

SimConfig SimFixture::testConfig() {
    SimConfig config;
    config.api_key = kApiKey;
    config.api_secret = kApiSecret;
    config.data_dir = "/nonexistent-robson-sim-data";  // random walks: independent of sim/data
    config.speed = 1e-6;  // a nearly frozen market: admin prices hold for the whole test
    return config;
}

SimFixture::SimFixture(const SimConfig& config) : server_(std::make_unique<SimServer>(config)) {
    server_->start();
}

SimFixture::SimFixture(int weight_limit, std::function<std::int64_t()> wall_clock)
    : SimFixture([&] {
          SimConfig config = testConfig();
          config.weight_limit = weight_limit;
          config.wall_clock = std::move(wall_clock);
          return config;
      }()) {}

SimFixture::~SimFixture() = default;

Answer SimFixture::request(const std::string& method,
                           const std::string& target,
                           const std::string& body,
                           const std::string& api_key) const {
    Poco::Net::HTTPClientSession session("127.0.0.1", port());
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!api_key.empty()) {
        request.set("X-MBX-APIKEY", api_key);
    }
    if (!body.empty()) {
        request.setContentType("application/x-www-form-urlencoded");
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& stream = session.receiveResponse(response);
    std::stringstream text;
    text << stream.rdbuf();
    Answer answer;
    answer.status = static_cast<int>(response.getStatus());
    answer.body = nlohmann::json::parse(text.str(), nullptr, false);
    for (const auto& [name, value] : response) {
        answer.headers[name] = value;
    }
    return answer;
}

Answer SimFixture::sign(const std::string& method,
                        const std::string& path,
                        const std::string& params,
                        bool in_body,
                        std::int64_t timestamp_offset_ms) const {
    const std::string payload = (params.empty() ? "" : params + "&") +
                                "timestamp=" + std::to_string(wallNowMs() + timestamp_offset_ms);
    const std::string signed_payload = payload + "&signature=" + hmacHex(kApiSecret, payload);
    if (in_body) {
        return request(method, path, signed_payload, kApiKey);
    }
    return request(method, path + "?" + signed_payload, "", kApiKey);
}

Answer SimFixture::admin(const std::string& what, const nlohmann::json& body) const {
    Poco::Net::HTTPClientSession session("127.0.0.1", port());
    Poco::Net::HTTPRequest request(what == "orders" || what == "state" ? "GET" : "POST",
                                   "/sim/admin/" + what,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    const std::string text = body.dump();
    request.setContentType("application/json");
    request.setContentLength64(static_cast<Poco::Int64>(text.size()));
    session.sendRequest(request) << text;
    Poco::Net::HTTPResponse response;
    std::stringstream answer_text;
    answer_text << session.receiveResponse(response).rdbuf();
    Answer answer;
    answer.status = static_cast<int>(response.getStatus());
    answer.body = nlohmann::json::parse(answer_text.str(), nullptr, false);
    return answer;
}

void SimFixture::price(const std::string& value) const {
    (void)admin("price", {{"symbol", "BTCUSDT"}, {"price", value}});
}

}  // namespace robson::sim::test
