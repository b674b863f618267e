// The pattern kinds' names and fixed properties (base confidence, direction, how confirmed).
#include "robson/domain/patterns/pattern.hpp"

#include <array>

namespace robson::domain::patterns {
namespace {

constexpr std::array<PatternKind, 6> kKinds{PatternKind::MaCrossover,
                                            PatternKind::GoldenCross,
                                            PatternKind::BollingerRsiBounce,
                                            PatternKind::Hammer,
                                            PatternKind::BullishEngulfing,
                                            PatternKind::BearishEngulfing};

}  // namespace

std::string_view toString(PatternKind kind) {
    switch (kind) {
        case PatternKind::MaCrossover:
            return "MA_CROSSOVER";
        case PatternKind::GoldenCross:
            return "GOLDEN_CROSS";
        case PatternKind::BollingerRsiBounce:
            return "BOLLINGER_RSI";
        case PatternKind::Hammer:
            return "HAMMER";
        case PatternKind::BullishEngulfing:
            return "BULLISH_ENGULFING";
        case PatternKind::BearishEngulfing:
            return "BEARISH_ENGULFING";
    }
    return "UNKNOWN";
}

std::optional<PatternKind> parsePatternKind(std::string_view text) {
    for (const PatternKind kind : kKinds) {
        if (toString(kind) == text) {
            return kind;
        }
    }
    return std::nullopt;
}

std::span<const PatternKind> allPatternKinds() {
    return kKinds;
}

Decimal baseConfidence(PatternKind kind) {
    // Hammer and engulfing are the original's values (trading-domain reference §8); the
    // crossovers and the bounce are ours: 0.70 is the default min_confidence, so a fresh
    // configuration takes them, and the golden cross, slower and more widely watched, a
    // little more.
    switch (kind) {
        case PatternKind::MaCrossover:
        case PatternKind::BollingerRsiBounce:
            return Decimal::fromUnits(70'000'000);
        case PatternKind::GoldenCross:
        case PatternKind::Hammer:
            return Decimal::fromUnits(75'000'000);
        case PatternKind::BullishEngulfing:
        case PatternKind::BearishEngulfing:
            return Decimal::fromUnits(80'000'000);
    }
    return Decimal{};
}

Side directionOf(PatternKind kind) {
    return kind == PatternKind::BearishEngulfing ? Side::Sell : Side::Buy;
}

bool confirmedOnDetection(PatternKind kind) {
    return kind == PatternKind::MaCrossover || kind == PatternKind::GoldenCross ||
           kind == PatternKind::BollingerRsiBounce;
}

std::string_view describe(PatternKind kind) {
    switch (kind) {
        case PatternKind::MaCrossover:
            return "The 4-candle average of closes crosses above the 9-candle average; the "
                   "crossing close confirms it.";
        case PatternKind::GoldenCross:
            return "The 50-candle average of closes crosses above the 200-candle average; the "
                   "crossing close confirms it.";
        case PatternKind::BollingerRsiBounce:
            return "A candle reaches the lower Bollinger band (20, 2 sigma) while RSI(14) is "
                   "below 30: oversold at the edge of its usual range.";
        case PatternKind::Hammer:
            return "A small body at the top of a long lower wick; confirmed by a later close "
                   "above its high, invalidated by one below its low.";
        case PatternKind::BullishEngulfing:
            return "A bullish body engulfs the previous bearish one; confirmed by a later close "
                   "above it, invalidated by one below the pair's low.";
        case PatternKind::BearishEngulfing:
            return "A bearish body engulfs the previous bullish one; confirmed by a later close "
                   "below it, invalidated by one above the pair's high.";
    }
    return "";
}

}  // namespace robson::domain::patterns
