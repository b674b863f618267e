#include "request_bodies/symbol_syntax.hpp"

namespace robson::api {

bool isPlausibleSymbol(std::string_view symbol) {
    if (symbol.size() < 2 || symbol.size() > 20) {
        return false;
    }
    for (const char c : symbol) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            return false;
        }
    }
    return true;
}

}  // namespace robson::api
