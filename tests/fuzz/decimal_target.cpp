// The exact decimal parser every price, quantity and amount goes through (common/domain).
#include "fuzz_entries.hpp"
#include "robson/domain/decimal.hpp"

namespace robson::fuzz {

namespace {

void arithmetic(domain::Decimal a, domain::Decimal b) {
    using domain::Rounding;
    // Overflow and division by zero are refused with DecimalError, never wrapped or crashed.
    const auto refused = [](auto operation) {
        try {
            (void)operation();
        } catch (const domain::DecimalError&) {
        }
    };
    refused([&] { return a + b; });
    refused([&] { return a - b; });
    refused([&] { return -a; });
    refused([&] { return domain::mul(a, b, Rounding::Down); });
    refused([&] { return domain::div(a, b, Rounding::Up); });
    refused([&] { return a.abs(); });
    if (b.isPositive()) {
        refused([&] { return a.roundToStep(b, Rounding::Down); });
        refused([&] { return a.isMultipleOf(b); });
    }
}

}  // namespace

void decimalText(std::span<const std::uint8_t> input) {
    const std::string_view text = asText(input);
    // Two operands: the text up to the first '|' and the rest.
    const auto bar = text.find('|');
    const std::string_view first = text.substr(0, bar);
    const auto a = domain::Decimal::parse(first);
    if (a) {
        // The shortest text of a value reads back as the same value.
        const auto reread = domain::Decimal::parse(a->toString());
        if (!reread || *reread != *a) {
            fail("decimal: parse(toString(x)) != x");
        }
    }
    try {
        (void)domain::Decimal::fromString(first);
        if (!a) {
            fail("decimal: fromString accepted what parse refused");
        }
    } catch (const domain::DecimalError&) {
        if (a) {
            fail("decimal: fromString refused what parse accepted");
        }
    }
    if (bar == std::string_view::npos) {
        return;
    }
    const auto b = domain::Decimal::parse(text.substr(bar + 1));
    if (a && b) {
        arithmetic(*a, *b);
    }
}

}  // namespace robson::fuzz
