#include "stop_survey_command.hpp"

#include "candle_input.hpp"
#include "command_line.hpp"
#include "robson/domain/position_sizing.hpp"
#include "robson/domain/strategy.hpp"
#include "robson/domain/technical_stop.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iomanip>
#include <map>
#include <span>

namespace robson::cli {
namespace {

using domain::Decimal;

/// What the survey counts for one file and side.
struct SurveyTally {
    std::size_t windows = 0;
    std::map<std::string, std::size_t> outcomes;  ///< "LEVEL", "ATR_FALLBACK", "REJECTED:<code>"
    std::map<std::string, std::size_t> sizing;    ///< "SIZED" or the refusal code
    std::vector<double> distances_percent;
};

constexpr std::array<double, 7> kBucketEdges{0.1, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0};

std::string symbolFromPath(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
    const auto end = name.find_first_of("-_.");
    return name.substr(0, end);
}

void surveyWindow(std::span<const domain::Candle> window,
                  domain::Side side,
                  const domain::Strategy& strategy,
                  const domain::SymbolRules& rules,
                  Decimal capital,
                  SurveyTally& tally) {
    const Decimal entry = window.back().close;
    const auto analysis = domain::analyzeTechnicalStop(window, side, entry, strategy.stop, rules);
    ++tally.windows;
    if (!analysis.stop) {
        ++tally.outcomes["REJECTED:" + std::string(toString(analysis.rejection->code))];
        return;
    }
    ++tally.outcomes[std::string(toString(*analysis.method))];
    tally.distances_percent.push_back(analysis.distance_percent->toDouble());
    const auto size = domain::sizePosition({side,
                                            capital,
                                            strategy.risk.risk_rate,
                                            entry,
                                            *analysis.stop,
                                            rules,
                                            strategy.risk.costs,
                                            strategy.risk.max_position_rate,
                                            true,
                                            std::nullopt});
    ++tally.sizing[size.ok() ? "SIZED" : std::string(toString(size.refusal().code))];
}

double percentile(const std::vector<double>& sorted, double fraction) {
    const auto index =
        static_cast<std::size_t>(std::lround(fraction * static_cast<double>(sorted.size() - 1)));
    return sorted[index];
}

void printTally(const std::string& title, SurveyTally tally, std::ostream& out) {
    out << title << ": " << tally.windows << " windows\n  outcomes:";
    for (const auto& [name, count] : tally.outcomes) {
        out << "  " << name << " " << count;
    }
    out << "\n  sizing:  ";
    for (const auto& [name, count] : tally.sizing) {
        out << "  " << name << " " << count;
    }
    out << "\n";
    auto& d = tally.distances_percent;
    if (d.empty()) {
        return;
    }
    std::sort(d.begin(), d.end());
    out << std::fixed << std::setprecision(2) << "  stop distance %: min " << d.front() << "  p10 "
        << percentile(d, 0.10) << "  p25 " << percentile(d, 0.25) << "  median "
        << percentile(d, 0.5) << "  p75 " << percentile(d, 0.75) << "  p90 " << percentile(d, 0.9)
        << "  max " << d.back() << "\n  histogram:";
    double lower = 0.0;
    for (const double edge : kBucketEdges) {
        const auto count =
            std::count_if(d.begin(), d.end(), [&](double v) { return v >= lower && v < edge; });
        out << "  [" << lower << "," << edge << ") " << count;
        lower = edge;
    }
    out << "\n" << std::defaultfloat;
}

}  // namespace

int runStopSurvey(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const CommandLine line(args, {"strategy", "capital"}, {});
    if (line.positionals().empty()) {
        throw UsageError("stop-survey needs at least one candle file");
    }
    const auto strategy = domain::findStrategyByName(line.valueOr("strategy", "All In"));
    if (!strategy) {
        throw UsageError("unknown strategy '" + line.valueOr("strategy", "") + "'");
    }
    const Decimal capital = parsePositiveDecimal(line.valueOr("capital", "1000"), "--capital");
    const auto lookback = static_cast<std::size_t>(strategy->stop.lookback);
    out << "Technical-stop survey: strategy " << strategy->name << ", level "
        << strategy->stop.level_n << ", lookback " << lookback << " candles, capital "
        << capital.toString() << "\n\n";
    int status = kExitOk;
    for (const auto& path : line.positionals()) {
        const auto candles = loadCandles(path, err);
        if (!candles) {
            status = kExitBadData;
            continue;
        }
        const auto rules = domain::defaultSpotRules(symbolFromPath(path));
        for (const auto side : {domain::Side::Buy, domain::Side::Sell}) {
            SurveyTally tally;
            for (std::size_t end = 1; end <= candles->size(); ++end) {
                const std::size_t begin = end > lookback ? end - lookback : 0;
                surveyWindow(std::span(*candles).subspan(begin, end - begin),
                             side,
                             *strategy,
                             rules,
                             capital,
                             tally);
            }
            printTally(path + " " + std::string(toString(side)), std::move(tally), out);
        }
        out << "\n";
    }
    return status;
}

}  // namespace robson::cli
