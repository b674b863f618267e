#pragma once

#include "robson/api/server_config.hpp"

#include <cstdint>
#include <memory>

namespace robson::api {

/// The running HTTP API: a Poco HTTPServer with a bounded thread pool serving
/// docs/api-contract.md. start() binds (port 0 = any free port) and serves on background
/// threads; stop() or the destructor waits for the requests in flight. Not copyable.
class ApiServer {
public:
    explicit ApiServer(ServerConfig config);
    ~ApiServer();
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;
    ApiServer(ApiServer&&) = delete;
    ApiServer& operator=(ApiServer&&) = delete;

    /// Throws when the address cannot be bound or the JWT secret cannot be loaded.
    void start();
    void stop();
    [[nodiscard]] std::uint16_t port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace robson::api
