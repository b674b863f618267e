#include "http_errors.hpp"

namespace robson::api {

ApiError::ApiError(int status, std::string code, const std::string& detail)
    : std::runtime_error(detail), status_(status), code_(std::move(code)) {}

ApiError& ApiError::with(const std::string& key, nlohmann::json value) {
    extra_[key] = std::move(value);
    return *this;
}

ApiError& ApiError::withHeader(std::string name, std::string value) {
    headers_.emplace_back(std::move(name), std::move(value));
    return *this;
}

Response ApiError::toResponse() const {
    nlohmann::json body = extra_;
    body["detail"] = what();
    body["code"] = code_;
    Response response = jsonResponse(status_, body);
    response.headers = headers_;
    return response;
}

ApiError invalidField(const std::string& field, const std::string& why) {
    return {400, "invalid_field", "'" + field + "' " + why + "."};
}

ApiError notFound(const std::string& what) {
    return {404, "not_found", what + " was not found."};
}

ApiError unavailable(const std::string& why) {
    return ApiError(503, "unavailable", why).withHeader("Retry-After", "2");
}

}  // namespace robson::api
