#include "robson/datagen/command_line.hpp"

#include "robson/datagen/aggregate.hpp"
#include "robson/datagen/candle_model.hpp"
#include "robson/datagen/csv_writer.hpp"
#include "robson/datagen/interval.hpp"
#include "robson/marketdata/kline_csv.hpp"

#include <algorithm>
#include <charconv>
#include <exception>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

namespace robson::datagen {
namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  robson-candle-gen generate --symbol SOLUSDT --interval 15m --start-price 180 \\\n"
    "      --count 1000 --seed 7 --start-time <open ms> --out FILE\n"
    "  robson-candle-gen aggregate --in FILE --interval 30m --out FILE [--from-time <open ms>]\n"
    "  robson-candle-gen help\n";

/// A command-line mistake: reported with the usage text and exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using Options = std::map<std::string, std::string, std::less<>>;

Options parseOptions(std::span<const std::string> args, const std::set<std::string>& allowed) {
    Options options;
    for (std::size_t i = 0; i < args.size(); i += 2) {
        const std::string& name = args[i];
        if (!name.starts_with("--") || !allowed.contains(name.substr(2))) {
            throw UsageError("unknown option '" + name + "'");
        }
        if (i + 1 >= args.size()) {
            throw UsageError("option '" + name + "' needs a value");
        }
        if (!options.emplace(name.substr(2), args[i + 1]).second) {
            throw UsageError("option '" + name + "' given twice");
        }
    }
    return options;
}

const std::string& required(const Options& options, const std::string& name) {
    const auto found = options.find(name);
    if (found == options.end()) {
        throw UsageError("missing --" + name);
    }
    return found->second;
}

template <typename Integer>
Integer parseInteger(const Options& options, const std::string& name) {
    const std::string& text = required(options, name);
    Integer value{};
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) {
        throw UsageError("--" + name + " is not a valid integer: '" + text + "'");
    }
    return value;
}

std::int64_t parseInterval(const Options& options) {
    const std::string& text = required(options, "interval");
    const auto millis = intervalMillis(text);
    if (!millis) {
        throw UsageError("unsupported --interval '" + text + "' (1m 3m 5m 15m 30m 1h 2h 4h 6h " +
                         "8h 12h 1d)");
    }
    return *millis;
}

int runGenerate(std::span<const std::string> args, std::ostream& out) {
    const Options options = parseOptions(
        args, {"symbol", "interval", "start-price", "count", "seed", "start-time", "out"});
    ModelParams params;
    params.symbol = required(options, "symbol");
    params.interval_ms = parseInterval(options);
    const auto price = domain::Decimal::parse(required(options, "start-price"));
    if (!price || !price->isPositive()) {
        throw UsageError("--start-price must be a positive decimal");
    }
    params.start_price = *price;
    params.count = parseInteger<std::int64_t>(options, "count");
    params.seed = parseInteger<std::uint64_t>(options, "seed");
    params.start_time_ms = parseInteger<std::int64_t>(options, "start-time");
    const std::string& path = required(options, "out");
    std::vector<domain::Candle> candles;
    try {
        candles = generateCandles(params);
    } catch (const std::invalid_argument& error) {
        throw UsageError(error.what());
    }
    writeKlineCsvFile(path, candles);
    out << "wrote " << candles.size() << " candles to " << path << '\n';
    return kExitOk;
}

int runAggregate(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    const Options options = parseOptions(args, {"in", "interval", "out", "from-time"});
    const std::int64_t interval_ms = parseInterval(options);
    const std::string& in_path = required(options, "in");
    const std::string& out_path = required(options, "out");
    const std::int64_t from_ms =
        options.contains("from-time") ? parseInteger<std::int64_t>(options, "from-time") : 0;
    const marketdata::KlineCsvResult input = marketdata::readKlineCsvFile(in_path);
    if (!input.errors.empty()) {
        const std::size_t shown = std::min<std::size_t>(input.errors.size(), 5);
        for (std::size_t i = 0; i < shown; ++i) {
            err << in_path << ':' << input.errors[i].line << ": " << input.errors[i].message
                << '\n';
        }
        err << input.errors.size() << " bad line(s) in " << in_path << "; nothing written\n";
        return kExitFailure;
    }
    std::vector<domain::Candle> bars = aggregateCandles(input.candles, interval_ms);
    std::erase_if(bars,
                  [from_ms](const domain::Candle& bar) { return bar.open_time_ms < from_ms; });
    writeKlineCsvFile(out_path, bars);
    out << "wrote " << bars.size() << " candles to " << out_path << '\n';
    return kExitOk;
}

int dispatch(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        throw UsageError("no command given");
    }
    const std::string& command = args.front();
    const auto rest = args.subspan(1);
    if (command == "generate") {
        return runGenerate(rest, out);
    }
    if (command == "aggregate") {
        return runAggregate(rest, out, err);
    }
    if (command == "help" || command == "--help" || command == "-h") {
        out << kUsage;
        return kExitOk;
    }
    throw UsageError("unknown command '" + command + "'");
}

}  // namespace

int runCandleGen(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    try {
        return dispatch(args, out, err);
    } catch (const UsageError& error) {
        err << "robson-candle-gen: " << error.what() << '\n' << kUsage;
        return kExitUsage;
    } catch (const std::exception& error) {
        err << "robson-candle-gen: " << error.what() << '\n';
        return kExitFailure;
    }
}

}  // namespace robson::datagen
