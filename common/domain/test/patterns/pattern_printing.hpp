#pragma once
// Lets BOOST_TEST print pattern values in failure messages (ADL looks in the enums' own
// namespace, so robson::testing's generic enum printer does not reach them).

#include "robson/domain/patterns/pattern.hpp"
#include "robson/testing/domain_printing.hpp"

#include <optional>
#include <ostream>

namespace robson::domain::patterns {

// NOLINTNEXTLINE(readability-identifier-naming)
inline std::ostream& boost_test_print_type(std::ostream& out, PatternKind kind) {
    return out << toString(kind);
}

// NOLINTNEXTLINE(readability-identifier-naming)
inline std::ostream& boost_test_print_type(std::ostream& out, PatternState state) {
    return out << toString(state);
}

// NOLINTNEXTLINE(readability-identifier-naming)
inline std::ostream& boost_test_print_type(std::ostream& out, const Detection& detection) {
    return out << toString(detection.kind) << "@" << detection.trigger_index << " ("
               << detection.explanation << ")";
}

template <typename T>
// NOLINTNEXTLINE(readability-identifier-naming)
std::ostream& boost_test_print_type(std::ostream& out, const std::optional<T>& value) {
    if (!value) {
        return out << "nullopt";
    }
    return boost_test_print_type(out, *value);
}

}  // namespace robson::domain::patterns
