#include "openapi_docs.hpp"

#include <array>

namespace robson::api {

namespace {

std::size_t indentOf(std::string_view line) {
    const std::size_t first = line.find_first_not_of(' ');
    return first == std::string_view::npos ? line.size() : first;
}

std::string unquote(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
        text.back() == text.front()) {
        text = text.substr(1, text.size() - 2);
    }
    return std::string(text);
}

bool isMethod(std::string_view key) {
    static constexpr std::array<std::string_view, 7> kMethods{
        "get", "post", "put", "patch", "delete", "head", "options"};
    for (const std::string_view method : kMethods) {
        if (key == method) {
            return true;
        }
    }
    return false;
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return out;
}

}  // namespace

std::vector<DocumentedOperation> listOperations(std::string_view yaml) {
    std::vector<DocumentedOperation> operations;
    bool in_paths = false;
    std::string current_path;
    std::size_t start = 0;
    while (start < yaml.size()) {
        std::size_t end = yaml.find('\n', start);
        if (end == std::string_view::npos) {
            end = yaml.size();
        }
        const std::string_view line = yaml.substr(start, end - start);
        start = end + 1;
        const std::size_t indent = indentOf(line);
        if (indent == line.size() || line[indent] == '#') {
            continue;
        }
        const std::string_view content = line.substr(indent);
        if (indent == 0) {
            in_paths = content.starts_with("paths:");
            continue;
        }
        if (!in_paths) {
            continue;
        }
        const std::size_t colon = content.find(':');
        if (colon == std::string_view::npos) {
            continue;
        }
        const std::string_view key = content.substr(0, colon);
        if (indent == 2) {
            current_path = unquote(key);
        } else if (indent == 4 && isMethod(key) && !current_path.empty()) {
            operations.push_back({upper(key), current_path, ""});
        } else if (indent == 6 && key == "summary" && !operations.empty() &&
                   operations.back().path == current_path) {
            std::string_view value = content.substr(colon + 1);
            const std::size_t first = value.find_first_not_of(' ');
            value = first == std::string_view::npos ? std::string_view() : value.substr(first);
            operations.back().summary = unquote(value);
        }
    }
    return operations;
}

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

std::string renderDocsPage(std::string_view yaml) {
    std::string page =
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Robson API</title><style>"
        "body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#1d2330}"
        "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #dde;"
        "padding:.35rem .6rem;text-align:left;vertical-align:top}"
        ".m{font-family:monospace;font-weight:600}.GET{color:#1765c1}.POST{color:#1d8a3a}"
        "pre{background:#f5f6f8;padding:1rem;overflow:auto;font-size:.85rem}"
        "</style></head><body>\n<h1>Robson API</h1>\n"
        "<p>The machine-readable contract: <a href=\"/api/openapi.yaml\">/api/openapi.yaml</a>"
        " (OpenAPI 3.0). Authenticate with <code>POST /api/auth/token/</code> and send "
        "<code>Authorization: Bearer &lt;access&gt;</code>.</p>\n"
        "<table><thead><tr><th>Method</th><th>Path</th><th>Summary</th></tr></thead><tbody>\n";
    for (const DocumentedOperation& operation : listOperations(yaml)) {
        page += "<tr><td class=\"m " + htmlEscape(operation.method) + "\">" +
                htmlEscape(operation.method) + "</td><td class=\"m\">" +
                htmlEscape(operation.path) + "</td><td>" + htmlEscape(operation.summary) +
                "</td></tr>\n";
    }
    page += "</tbody></table>\n<h2>The document</h2>\n<pre>" + htmlEscape(yaml) +
            "</pre>\n</body></html>\n";
    return page;
}

}  // namespace robson::api
