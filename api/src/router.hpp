#pragma once

#include "http_types.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace robson::api {

/// The values of a route's {placeholders}, percent-decoded.
using PathParams = std::map<std::string, std::string, std::less<>>;
using Handler = std::function<Response(const Request&, const PathParams&)>;

/// Matches "/api/intents/{id}/status/" style templates. A trailing slash is optional (the
/// contract writes them; curl users often forget them). A path that matches a template but
/// not its method is 405 method_not_allowed with an Allow header; a path that matches nothing
/// goes to the fallback (the static UI), or is 404 not_found when there is none.
class Router {
public:
    void add(std::string method, std::string_view pattern, Handler handler);
    /// Handles paths no route matches (GET/HEAD only; other methods get 404).
    void setFallback(Handler handler);

    /// Routes the request; throws ApiError for 404/405 (the caller renders errors). When
    /// `route` is given it receives the matched template ("/api/intents/{id}/"), "static" for
    /// the fallback, or "unmatched" — a label for metrics that never holds an id.
    [[nodiscard]] Response dispatch(const Request& request, std::string* route = nullptr) const;

    /// Every (method, template) pair added, in order.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> routes() const;

private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;  ///< "{name}" segments capture
        std::string pattern;                ///< as added, for metrics labels
        Handler handler;
    };
    [[nodiscard]] static bool match(const Route& route,
                                    const std::vector<std::string>& segments,
                                    PathParams& params);

    std::vector<Route> routes_;
    Handler fallback_;
};

/// "/a/b/" → {"a", "b"}; empty segments (a//b) are kept so they never match a template.
[[nodiscard]] std::vector<std::string> splitPath(std::string_view path);

}  // namespace robson::api
