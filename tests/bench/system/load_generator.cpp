#include "load_generator.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>
#include <thread>

namespace robson::bench {
namespace {

using Clock = std::chrono::steady_clock;

double millisecondsBetween(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

struct Answer {
    int status = 0;  ///< 0: the request failed on the wire
    nlohmann::json body;
};

/// One client's keep-alive connection to the API (a new one after any transport error).
class ApiClient {
public:
    ApiClient(const std::string& api_url, std::string token)
        : uri_(api_url), token_(std::move(token)) {}

    Answer call(const std::string& method,
                const std::string& target,
                const nlohmann::json& body = nullptr) {
        try {
            if (!session_) {
                session_ =
                    std::make_unique<Poco::Net::HTTPClientSession>(uri_.getHost(), uri_.getPort());
                session_->setKeepAlive(true);
                session_->setTimeout(Poco::Timespan(60, 0));
            }
            Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
            request.setKeepAlive(true);
            request.set("Authorization", "Bearer " + token_);
            const std::string payload = body.is_null() ? "" : body.dump();
            if (!body.is_null()) {
                request.setContentType("application/json");
            }
            request.setContentLength(static_cast<std::streamsize>(payload.size()));
            session_->sendRequest(request) << payload;
            Poco::Net::HTTPResponse response;
            std::istream& in = session_->receiveResponse(response);
            std::stringstream text;
            text << in.rdbuf();
            Answer answer;
            answer.status = static_cast<int>(response.getStatus());
            answer.body = nlohmann::json::parse(text.str(), nullptr, false);
            return answer;
        } catch (const std::exception&) {
            session_.reset();
            return {};
        }
    }

private:
    Poco::URI uri_;
    std::string token_;
    std::unique_ptr<Poco::Net::HTTPClientSession> session_;
};

std::string statusOf(const Answer& answer) {
    if (answer.body.is_object() && answer.body.contains("status") &&
        answer.body.at("status").is_string()) {
        return answer.body.at("status").get<std::string>();
    }
    return "";
}

bool settled(const std::string& status) {
    return status == "VALIDATED" || status == "REJECTED" || status == "FAILED";
}

void runClient(const LoadOptions& options,
               Clock::time_point measure_from,
               Clock::time_point measure_to,
               LoadResult& result) {
    ApiClient client(options.api_url, options.token);
    const nlohmann::json create_body{{"strategy_id", 1}, {"symbol", "BTCUSDT"}, {"capital", "100"}};
    while (Clock::now() < measure_to) {
        const auto started = Clock::now();
        ++result.intents_started;
        const Answer created = client.call("POST", "/api/intents/create/", create_body);
        const auto created_at = Clock::now();
        if (created.status != 201 && created.status != 202) {
            ++result.http_errors;
            continue;
        }
        const std::string id = created.body.at("intent_id").get<std::string>();
        std::string status = statusOf(created);
        const auto give_up = started + std::chrono::seconds(30);
        while (!settled(status) && Clock::now() < give_up) {
            std::this_thread::sleep_for(options.status_poll);
            const Answer polled = client.call("GET", "/api/intents/" + id + "/status/");
            ++result.status_gets;
            if (polled.status != 200) {
                ++result.http_errors;
                continue;
            }
            status = statusOf(polled);
        }
        const auto validated_at = Clock::now();
        if (status != "VALIDATED") {
            ++result.not_validated;
            continue;
        }
        const Answer executed =
            client.call("POST", "/api/intents/" + id + "/execute/", {{"mode", "DRY_RUN"}});
        const auto executed_at = Clock::now();
        if (executed.status != 200 || statusOf(executed) != "EXECUTED") {
            ++(executed.status == 200 ? result.not_validated : result.http_errors);
            continue;
        }
        ++result.intents_finished;
        if (executed_at >= measure_from && executed_at < measure_to) {
            ++result.dry_runs_executed;
        }
        if (started >= measure_from && executed_at < measure_to) {
            result.create_ms.push_back(millisecondsBetween(started, created_at));
            result.validated_ms.push_back(millisecondsBetween(started, validated_at));
            result.executed_ms.push_back(millisecondsBetween(validated_at, executed_at));
        }
    }
}

}  // namespace

LoadResult runLoad(const LoadOptions& options) {
    const auto measure_from = Clock::now() + options.warmup;
    const auto measure_to = measure_from + options.measure;
    std::vector<LoadResult> per_client(static_cast<std::size_t>(options.clients));
    std::vector<std::thread> clients;
    for (auto& result : per_client) {
        clients.emplace_back([&options, measure_from, measure_to, &result] {
            runClient(options, measure_from, measure_to, result);
        });
    }
    for (auto& client : clients) {
        client.join();
    }
    LoadResult total;
    total.seconds = std::chrono::duration<double>(options.measure).count();
    for (const auto& one : per_client) {
        total.dry_runs_executed += one.dry_runs_executed;
        total.not_validated += one.not_validated;
        total.http_errors += one.http_errors;
        total.status_gets += one.status_gets;
        total.intents_started += one.intents_started;
        total.intents_finished += one.intents_finished;
        total.create_ms.insert(total.create_ms.end(), one.create_ms.begin(), one.create_ms.end());
        total.validated_ms.insert(
            total.validated_ms.end(), one.validated_ms.begin(), one.validated_ms.end());
        total.executed_ms.insert(
            total.executed_ms.end(), one.executed_ms.begin(), one.executed_ms.end());
    }
    return total;
}

}  // namespace robson::bench
