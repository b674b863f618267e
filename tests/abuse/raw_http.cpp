#include "raw_http.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <fstream>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace robson::abuse {

namespace {

/// The body length a complete response announces, once its head is in `text`.
bool complete(const std::string& text) {
    const auto head_end = text.find("\r\n\r\n");
    if (head_end == std::string::npos) {
        return false;
    }
    const auto length_at = text.find("Content-Length: ");
    if (length_at == std::string::npos || length_at > head_end) {
        return false;
    }
    const auto length = std::stoul(text.substr(length_at + 16));
    return text.size() >= head_end + 4 + length;
}

}  // namespace

int connectTo(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) !=
                      0) {  // NOLINT
        if (fd >= 0) {
            ::close(fd);
        }
        throw std::runtime_error("cannot connect to the API");
    }
    return fd;
}

RawReply readResponse(int fd, std::chrono::milliseconds wait) {
    RawReply reply;
    const auto until = std::chrono::steady_clock::now() + wait;
    char buffer[8192];
    while (!complete(reply.text)) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            until - std::chrono::steady_clock::now());
        pollfd polled{fd, POLLIN, 0};
        if (left.count() <= 0 || ::poll(&polled, 1, static_cast<int>(left.count())) == 0) {
            reply.timed_out = true;
            break;
        }
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            reply.closed = true;
            reply.reset = n < 0 && errno == ECONNRESET;
            break;
        }
        reply.text.append(buffer, static_cast<std::size_t>(n));
    }
    return reply;
}

RawReply sendRaw(std::uint16_t port, std::string_view request, std::chrono::milliseconds wait) {
    const int fd = connectTo(port);
    std::size_t sent = 0;
    while (sent < request.size()) {
        const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            break;  // the server already answered and closed: read what it said
        }
        sent += static_cast<std::size_t>(n);
    }
    RawReply reply = readResponse(fd, wait);
    ::close(fd);
    return reply;
}

int statusOf(const std::string& response) {
    if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) {
        return 0;
    }
    return std::stoi(response.substr(9, 3));
}

long residentKiB(long pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stol(line.substr(6));
        }
    }
    return -1;
}

}  // namespace robson::abuse
