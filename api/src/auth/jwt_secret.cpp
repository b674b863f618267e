#include "auth/jwt_secret.hpp"

#include "file_text.hpp"
#include "random_id.hpp"

#include <cerrno>
#include <fcntl.h>
#include <stdexcept>
#include <unistd.h>

namespace robson::api::auth {

namespace {

constexpr std::size_t kMinSecretLength = 32;

std::string trimmed(std::string text) {
    const auto end = text.find_last_not_of(" \t\r\n");
    text.erase(end == std::string::npos ? 0 : end + 1);
    const auto start = text.find_first_not_of(" \t\r\n");
    return start == std::string::npos ? std::string() : text.substr(start);
}

std::string readSecret(const std::filesystem::path& file) {
    const auto text = readFileText(file);
    if (!text) {
        throw std::runtime_error("cannot read the JWT secret file " + file.string());
    }
    std::string secret = trimmed(*text);
    if (secret.size() < kMinSecretLength) {
        throw std::runtime_error("the JWT secret file " + file.string() + " holds fewer than " +
                                 std::to_string(kMinSecretLength) + " characters");
    }
    return secret;
}

/// Writes a new secret unless the file appeared meanwhile; returns the secret in the file.
std::string createSecret(const std::filesystem::path& file) {
    if (file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path());
    }
    const std::string secret = randomHex(32);
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) {
            return readSecret(file);
        }
        throw std::runtime_error("cannot create the JWT secret file " + file.string());
    }
    const std::string line = secret + "\n";
    const auto written = ::write(fd, line.data(), line.size());
    ::close(fd);
    if (written != static_cast<ssize_t>(line.size())) {
        throw std::runtime_error("cannot write the JWT secret file " + file.string());
    }
    return secret;
}

}  // namespace

std::string loadJwtSecret(const std::optional<std::string>& from_environment,
                          const std::optional<std::filesystem::path>& file) {
    if (from_environment && !from_environment->empty()) {
        if (from_environment->size() < kMinSecretLength) {
            throw std::runtime_error("ROBSON_JWT_SECRET must be at least " +
                                     std::to_string(kMinSecretLength) + " characters");
        }
        return *from_environment;
    }
    if (!file) {
        return randomHex(32);
    }
    std::error_code error;
    if (std::filesystem::exists(*file, error)) {
        return readSecret(*file);
    }
    return createSecret(*file);
}

}  // namespace robson::api::auth
