#include "sim_admin.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <ostream>
#include <stdexcept>

namespace robson::binance::testing {

nlohmann::json SimAdmin::call(const std::string& method,
                              const std::string& path,
                              const std::string& body) const {
    const Poco::URI uri(base_url_);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (method == "POST") {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    std::ostream& out = session.sendRequest(request);
    out << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) {
        throw std::runtime_error("admin " + path + " answered " +
                                 std::to_string(static_cast<int>(response.getStatus())) + ": " +
                                 text);
    }
    return nlohmann::json::parse(text);
}

nlohmann::json SimAdmin::get(const std::string& path) const {
    return call("GET", path, "");
}

nlohmann::json SimAdmin::post(const std::string& path, const nlohmann::json& body) const {
    return call("POST", path, body.dump());
}

void SimAdmin::setBalance(const std::string& asset, const std::string& free) const {
    (void)post("/sim/admin/balances",
               {{"balances", {{{"asset", asset}, {"free", free}, {"locked", "0"}}}}});
}

void SimAdmin::setPrice(const std::string& symbol, const std::string& price) const {
    (void)post("/sim/admin/price", {{"symbol", symbol}, {"price", price}});
}

int SimAdmin::ordersWithClientId(const std::string& client_order_id) const {
    int count = 0;
    const nlohmann::json listing = get("/sim/admin/orders");  // keep alive for the loop
    for (const auto& order : listing.at("orders")) {
        const auto id = order.find("clientOrderId");
        if (id != order.end() && id->is_string() && id->get<std::string>() == client_order_id) {
            ++count;
        }
    }
    return count;
}

}  // namespace robson::binance::testing
