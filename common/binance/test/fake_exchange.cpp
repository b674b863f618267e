#include "fake_exchange.hpp"

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <array>
#include <chrono>
#include <sstream>

namespace robson::binance::testing {

namespace {

const Poco::Timespan kPollInterval(0, 50'000);

std::string lowercase(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return text;
}

/// Reads one request head; false when the peer closed or the server stops.
bool readHead(Poco::Net::StreamSocket& socket, const std::atomic<bool>& stop, std::string& head) {
    head.clear();
    std::array<char, 1> byte{};
    while (head.size() < 4 || head.compare(head.size() - 4, 4, "\r\n\r\n") != 0) {
        while (!socket.poll(kPollInterval, Poco::Net::Socket::SELECT_READ)) {
            if (stop) {
                return false;
            }
        }
        if (socket.receiveBytes(byte.data(), 1) != 1) {
            return false;
        }
        head += byte[0];
    }
    return true;
}

FakeRequest parseHead(const std::string& head) {
    FakeRequest request;
    std::istringstream lines(head);
    std::string line;
    std::getline(lines, line);
    std::istringstream first(line);
    first >> request.method >> request.target;
    while (std::getline(lines, line)) {
        const auto colon = line.find(':');
        if (colon != std::string::npos && lowercase(line.substr(0, colon)) == "x-mbx-apikey") {
            request.api_key = line.substr(colon + 2, line.size() - colon - 3);  // drop "\r"
        }
    }
    return request;
}

std::string render(const FakeReply& reply) {
    std::string text = "HTTP/1.1 " + std::to_string(reply.status) + " X\r\n";
    text.append("Content-Type: application/json\r\nContent-Length: ")
        .append(std::to_string(reply.body.size()))
        .append("\r\n");
    for (const auto& [name, value] : reply.headers) {
        text.append(name).append(": ").append(value).append("\r\n");
    }
    text += "\r\n";
    text += reply.body;
    return text;
}

}  // namespace

FakeExchange::FakeExchange()
    : server_(Poco::Net::SocketAddress("127.0.0.1", 0)), thread_([this] { serve(); }) {}

FakeExchange::~FakeExchange() {
    stop_ = true;
    thread_.join();
}

std::string FakeExchange::url() const {
    return "http://127.0.0.1:" + std::to_string(server_.address().port());
}

void FakeExchange::push(FakeReply reply) {
    const std::lock_guard lock(mutex_);
    replies_.push_back(std::move(reply));
}

std::vector<FakeRequest> FakeExchange::requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
}

FakeReply FakeExchange::answerFor(const FakeRequest& request) {
    if (request.target == "/api/v3/time") {
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        return FakeReply{200, "{\"serverTime\":" + std::to_string(now + skew_ms_) + "}", {}, false};
    }
    const std::lock_guard lock(mutex_);
    requests_.push_back(request);
    if (replies_.empty()) {
        return FakeReply{500, R"({"code":-1000,"msg":"unscripted"})", {}, false};
    }
    FakeReply reply = replies_.front();
    replies_.pop_front();
    return reply;
}

bool FakeExchange::serveConnection(Poco::Net::StreamSocket& socket) {
    std::string head;
    if (!readHead(socket, stop_, head)) {
        return false;
    }
    const FakeReply reply = answerFor(parseHead(head));
    if (reply.drop) {
        return false;
    }
    std::this_thread::sleep_for(reply.delay);  // simulated exchange latency
    const std::string text = render(reply);
    socket.sendBytes(text.data(), static_cast<int>(text.size()));
    return true;
}

void FakeExchange::serve() {
    while (!stop_) {
        if (!server_.poll(kPollInterval, Poco::Net::Socket::SELECT_READ)) {
            continue;
        }
        Poco::Net::StreamSocket socket = server_.acceptConnection();
        ++accepted_;
        try {
            while (serveConnection(socket)) {
            }
        } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): peer went away
        }
        socket.close();
    }
}

}  // namespace robson::binance::testing
