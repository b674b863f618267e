#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace robson::api {

/// One operation of the OpenAPI document, as the docs page lists it.
struct DocumentedOperation {
    std::string method;  ///< upper case
    std::string path;
    std::string summary;
};

/// The operations under `paths:` of an OpenAPI 3 YAML document written in the block style of
/// api/openapi.yaml (two-space indents: paths at 2, methods at 4, summary at 6). Not a YAML
/// parser: enough to list our own document without shipping one (the machine has no CDN).
[[nodiscard]] std::vector<DocumentedOperation> listOperations(std::string_view yaml);

/// A self-contained HTML page: the endpoint table, then the whole document as text.
[[nodiscard]] std::string renderDocsPage(std::string_view yaml);

/// &, <, >, " and ' escaped for HTML text and attributes.
[[nodiscard]] std::string htmlEscape(std::string_view text);

}  // namespace robson::api
