#include "robson/domain/guards/guard_text.hpp"

#include <stdexcept>

namespace robson::domain {
namespace {

// A rate has 8 decimals, so its percentage is exact with 6.
constexpr int kExactPercentPlaces = 6;

}  // namespace

std::string formatPercent(Decimal rate, int places, Rounding rounding) {
    if (places < 0 || places > kExactPercentPlaces) {
        throw std::invalid_argument("formatPercent places must be within 0..6");
    }
    std::string text = mulInteger(rate, 100).toFixed(places, rounding);
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') {
            text.pop_back();
        }
    }
    return text + '%';
}

std::pair<std::string, std::string> formatPercentPair(Decimal a, Decimal b) {
    for (int places = 2;; ++places) {
        auto texts = std::make_pair(formatPercent(a, places), formatPercent(b, places));
        if (texts.first != texts.second || a == b || places == kExactPercentPlaces) {
            return texts;
        }
    }
}

std::pair<std::string, std::string> formatAmountPair(Decimal a, Decimal b, int places) {
    auto texts = std::make_pair(a.toFixed(places), b.toFixed(places));
    if (texts.first == texts.second && a != b) {
        return {a.toString(), b.toString()};
    }
    return texts;
}

std::string withAsset(std::string amount, std::string_view asset) {
    if (!asset.empty()) {
        amount += ' ';
        amount += asset;
    }
    return amount;
}

}  // namespace robson::domain
