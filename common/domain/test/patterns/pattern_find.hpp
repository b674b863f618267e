#pragma once
// Picking one kind out of a detector's answer, for the pattern tests.

#include "robson/domain/patterns/pattern.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace robson::domain::pattern_test {

inline std::optional<patterns::Detection> findKind(const std::vector<patterns::Detection>& all,
                                                   patterns::PatternKind kind) {
    const auto it = std::find_if(
        all.begin(), all.end(), [kind](const auto& detection) { return detection.kind == kind; });
    if (it == all.end()) {
        return std::nullopt;
    }
    return *it;
}

/// The trigger indices of every detection of `kind`, oldest first.
inline std::vector<std::size_t> triggersOf(const std::vector<patterns::Detection>& all,
                                           patterns::PatternKind kind) {
    std::vector<std::size_t> out;
    for (const auto& detection : all) {
        if (detection.kind == kind) {
            out.push_back(detection.trigger_index);
        }
    }
    return out;
}

}  // namespace robson::domain::pattern_test
