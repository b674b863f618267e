#include "json_shape.hpp"

#include <algorithm>
#include <set>

namespace robson::sim::test {

using nlohmann::json;

namespace {

std::string typeName(const json& value) {
    if (value.is_number_integer()) {
        return "integer";  // signed and unsigned alike: both are written as digits
    }
    if (value.is_number_float()) {
        return "float";
    }
    return value.type_name();
}

void compare(const json& actual,
             const json& expected,
             const std::string& path,
             std::vector<std::string>& out);

bool isTuple(const json& expected) {
    return std::ranges::any_of(expected, [&](const json& element) {
        return typeName(element) != typeName(expected.front());
    });
}

bool isFilterList(const json& expected) {
    return std::ranges::all_of(expected,
                               [](const json& element) { return element.contains("filterType"); });
}

void compareFilters(const json& actual,
                    const json& expected,
                    const std::string& path,
                    std::vector<std::string>& out) {
    std::set<std::string> seen;
    for (const json& filter : actual) {
        const std::string type = filter.value("filterType", "");
        seen.insert(type);
        const auto match = std::ranges::find_if(
            expected, [&](const json& e) { return e.at("filterType") == type; });
        if (match == expected.end()) {
            out.push_back(path + ": extra filter " + type);
            continue;
        }
        compare(filter, *match, path + "[" + type + "]", out);
    }
    for (const json& filter : expected) {
        if (!seen.contains(filter.at("filterType").get<std::string>())) {
            out.push_back(path + ": missing filter " + filter.at("filterType").get<std::string>());
        }
    }
}

void compareArrays(const json& actual,
                   const json& expected,
                   const std::string& path,
                   std::vector<std::string>& out) {
    if (expected.empty()) {
        return;
    }
    if (actual.empty()) {
        out.push_back(path + ": empty, the reference has elements");
        return;
    }
    if (isTuple(expected)) {
        if (actual.size() != expected.size()) {
            out.push_back(path + ": " + std::to_string(actual.size()) + " elements, reference " +
                          std::to_string(expected.size()));
            return;
        }
        for (std::size_t i = 0; i < actual.size(); ++i) {
            compare(actual[i], expected[i], path + "[" + std::to_string(i) + "]", out);
        }
        return;
    }
    if (expected.front().is_object() && isFilterList(expected)) {
        compareFilters(actual, expected, path, out);
        return;
    }
    for (const json& element : actual) {
        compare(element, expected.front(), path + "[]", out);
    }
}

void compare(const json& actual,
             const json& expected,
             const std::string& path,
             std::vector<std::string>& out) {
    if (typeName(actual) != typeName(expected)) {
        out.push_back(path + ": " + typeName(actual) + ", reference " + typeName(expected));
        return;
    }
    if (actual.is_array()) {
        compareArrays(actual, expected, path, out);
        return;
    }
    if (!actual.is_object()) {
        return;
    }
    for (const auto& [key, value] : expected.items()) {
        if (!actual.contains(key)) {
            out.push_back(path + "." + key + ": missing");
        } else {
            compare(actual.at(key), value, path + "." + key, out);
        }
    }
    for (const auto& [key, value] : actual.items()) {
        if (!expected.contains(key)) {
            out.push_back(path + "." + key + ": extra");
        }
    }
}

}  // namespace

std::vector<std::string> shapeDifferences(const json& actual,
                                          const json& expected,
                                          const std::string& path) {
    std::vector<std::string> out;
    compare(actual, expected, path, out);
    // The same difference in every element of a list is one difference.
    std::ranges::sort(out);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace robson::sim::test
