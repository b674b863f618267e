#include "robson/datagen/aggregate.hpp"

#include "robson/domain/utc_time.hpp"

#include <stdexcept>
#include <string>

namespace robson::datagen {
namespace {

using domain::Candle;

std::int64_t checkedSourceInterval(domain::CandleSpan source, std::int64_t interval_ms) {
    const std::int64_t source_ms = source.front().close_time_ms - source.front().open_time_ms + 1;
    if (source_ms <= 0) {
        throw std::invalid_argument("source candles have close time before open time");
    }
    if (interval_ms <= 0 || domain::kMillisPerDay % interval_ms != 0) {
        throw std::invalid_argument("target interval must divide a day");
    }
    if (interval_ms % source_ms != 0) {
        throw std::invalid_argument("target interval " + std::to_string(interval_ms) +
                                    " ms is not a multiple of the source interval " +
                                    std::to_string(source_ms) + " ms");
    }
    for (const Candle& candle : source) {
        if (candle.close_time_ms - candle.open_time_ms + 1 != source_ms ||
            candle.open_time_ms % source_ms != 0) {
            throw std::invalid_argument("source candle at " + std::to_string(candle.open_time_ms) +
                                        " differs in length or alignment from the first");
        }
    }
    return source_ms;
}

std::int64_t bucketOf(std::int64_t open_time_ms, std::int64_t interval_ms) {
    const std::int64_t remainder = open_time_ms % interval_ms;
    return open_time_ms - (remainder < 0 ? remainder + interval_ms : remainder);
}

}  // namespace

std::vector<Candle> aggregateCandles(domain::CandleSpan source, std::int64_t interval_ms) {
    if (source.empty()) {
        return {};
    }
    const std::int64_t source_ms = checkedSourceInterval(source, interval_ms);
    const auto per_group = static_cast<std::size_t>(interval_ms / source_ms);
    std::vector<Candle> result;
    std::size_t first = 0;
    while (first < source.size()) {
        const std::int64_t bucket = bucketOf(source[first].open_time_ms, interval_ms);
        Candle bar = source[first];
        bar.open_time_ms = bucket;
        bar.close_time_ms = bucket + interval_ms - 1;
        std::size_t next = first + 1;
        for (; next < source.size() && source[next].open_time_ms < bucket + interval_ms; ++next) {
            if (source[next].open_time_ms <= source[next - 1].open_time_ms) {
                throw std::invalid_argument("source open times are not strictly increasing");
            }
            bar.high = max(bar.high, source[next].high);
            bar.low = min(bar.low, source[next].low);
            bar.close = source[next].close;
            bar.volume += source[next].volume;
        }
        if (next - first == per_group) {
            result.push_back(bar);
        }
        first = next;
    }
    return result;
}

}  // namespace robson::datagen
