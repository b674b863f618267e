// GET /healthz, /readyz, /api/openapi.yaml, /api/docs/: what operators and integrators read.
#include "file_text.hpp"
#include "http_errors.hpp"
#include "openapi_docs.hpp"
#include "routes/route_support.hpp"

namespace robson::api {

namespace {

/// The contract document, read at each request (it is small, and an edited file shows at once).
std::string readOpenApi(const AppContext& context) {
    auto text = readFileText(context.config.openapi_path);
    if (!text) {
        throw notFound("The OpenAPI document");
    }
    return std::move(*text);
}

Response ready(AppContext& context) {
    db::withConnection(context.pool, [](pqxx::connection& connection) {
        pqxx::nontransaction txn(connection);
        txn.exec("SELECT 1");
    });
    return jsonResponse(200, {{"status", "ready"}});
}

}  // namespace

void addOpsRoutes(Router& router, AppContext& context) {
    router.add("GET", "/healthz", [](const Request&, const PathParams&) {
        return jsonResponse(200, {{"status", "ok"}});
    });
    router.add(
        "GET", "/readyz", [&context](const Request&, const PathParams&) { return ready(context); });
    router.add("GET", "/api/openapi.yaml", [&context](const Request&, const PathParams&) {
        Response response;
        response.content_type = "application/yaml; charset=utf-8";
        response.body = readOpenApi(context);
        return response;
    });
    router.add("GET", "/api/docs/", [&context](const Request&, const PathParams&) {
        Response response;
        response.content_type = "text/html; charset=utf-8";
        response.body = renderDocsPage(readOpenApi(context));
        return response;
    });
}

}  // namespace robson::api
