#pragma once

#include <string_view>

namespace robson::api {

/// A symbol as the schema allows it (^[A-Z0-9]{2,20}$).
[[nodiscard]] bool isPlausibleSymbol(std::string_view symbol);

}  // namespace robson::api
