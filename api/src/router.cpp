#include "router.hpp"

#include "http_errors.hpp"
#include "query_params.hpp"

namespace robson::api {

std::vector<std::string> splitPath(std::string_view path) {
    std::vector<std::string> segments;
    if (path.starts_with('/')) {
        path.remove_prefix(1);
    }
    if (path.ends_with('/')) {
        path.remove_suffix(1);
    }
    if (path.empty()) {
        return segments;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = path.find('/', start);
        segments.emplace_back(path.substr(start, slash - start));
        if (slash == std::string_view::npos) {
            break;
        }
        start = slash + 1;
    }
    return segments;
}

void Router::add(std::string method, std::string_view pattern, Handler handler) {
    routes_.push_back(
        Route{std::move(method), splitPath(pattern), std::string(pattern), std::move(handler)});
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(routes_.size());
    for (const Route& route : routes_) {
        out.emplace_back(route.method, route.pattern);
    }
    return out;
}

void Router::setFallback(Handler handler) {
    fallback_ = std::move(handler);
}

bool Router::match(const Route& route,
                   const std::vector<std::string>& segments,
                   PathParams& params) {
    if (route.segments.size() != segments.size()) {
        return false;
    }
    PathParams captured;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& expected = route.segments[i];
        if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}') {
            auto decoded = percentDecode(segments[i], false);
            if (!decoded || decoded->empty()) {
                return false;
            }
            captured.emplace(expected.substr(1, expected.size() - 2), std::move(*decoded));
        } else if (expected != segments[i]) {
            return false;
        }
    }
    params = std::move(captured);
    return true;
}

Response Router::dispatch(const Request& request, std::string* route_label) const {
    const std::vector<std::string> segments = splitPath(request.path);
    std::string allowed;
    if (route_label != nullptr) {
        *route_label = "unmatched";
    }
    for (const Route& route : routes_) {
        PathParams params;
        if (!match(route, segments, params)) {
            continue;
        }
        if (route_label != nullptr) {
            *route_label = route.pattern;  // a 405 is labelled with the path's template too
        }
        if (route.method == request.method) {
            return route.handler(request, params);
        }
        if (allowed.find(route.method) == std::string::npos) {
            allowed += allowed.empty() ? route.method : ", " + route.method;
        }
    }
    if (!allowed.empty()) {
        throw ApiError(405,
                       "method_not_allowed",
                       "Method " + request.method.substr(0, 16) + " is not allowed here.")
            .withHeader("Allow", allowed);
    }
    const bool is_read = request.method == "GET" || request.method == "HEAD";
    if (fallback_ && is_read) {
        if (route_label != nullptr) {
            *route_label = "static";
        }
        return fallback_(request, {});
    }
    throw notFound("This path");
}

}  // namespace robson::api
