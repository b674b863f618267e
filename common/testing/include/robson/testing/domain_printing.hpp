#pragma once
// Lets BOOST_TEST print domain values in failure messages ("0.000517 != 0.000518"),
// without giving the domain itself a dependency on iostreams.

#include "robson/domain/decimal.hpp"
#include "robson/domain/side.hpp"
#include "robson/domain/symbol_rules.hpp"

#include <optional>
#include <ostream>
#include <string_view>
#include <type_traits>

namespace robson::domain {

// Boost.Test looks this name up by ADL, so it cannot follow our naming rule.
// NOLINTNEXTLINE(readability-identifier-naming)
inline std::ostream& boost_test_print_type(std::ostream& out, const Decimal& value) {
    return out << value.toString();
}

template <typename Enum>
requires std::is_enum_v<Enum> && requires(Enum e) {
    toString(e);
}
// NOLINTNEXTLINE(readability-identifier-naming)
std::ostream& boost_test_print_type(std::ostream& out, const Enum& value) {
    return out << toString(value);
}

// ADL finds this for std::optional of any domain type.
template <typename T>
// NOLINTNEXTLINE(readability-identifier-naming)
std::ostream& boost_test_print_type(std::ostream& out, const std::optional<T>& value) {
    if (!value) {
        return out << "nullopt";
    }
    return boost_test_print_type(out, *value);
}

}  // namespace robson::domain
