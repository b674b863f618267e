#pragma once

#include "http_types.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace robson::api {

/// Every refusal the API gives: an HTTP status, a machine code from docs/api-contract.md and a
/// sentence for a person. Thrown anywhere below a route and turned into
/// {"detail", "code", ...extra} by the dispatcher, so no handler builds error bodies by hand.
class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string code, const std::string& detail);

    [[nodiscard]] int status() const { return status_; }
    [[nodiscard]] const std::string& code() const { return code_; }
    /// Extra members of the body (e.g. "intent_id" of a refused plan).
    ApiError& with(const std::string& key, nlohmann::json value);
    ApiError& withHeader(std::string name, std::string value);

    [[nodiscard]] Response toResponse() const;

private:
    int status_;
    std::string code_;
    nlohmann::json extra_ = nlohmann::json::object();
    std::vector<std::pair<std::string, std::string>> headers_;
};

// The common refusals, named so call sites read like the contract.
[[nodiscard]] ApiError invalidField(const std::string& field, const std::string& why);
[[nodiscard]] ApiError notFound(const std::string& what);
[[nodiscard]] ApiError unavailable(const std::string& why);

}  // namespace robson::api
