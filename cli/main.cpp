// The `robson` command: offline analysis today; plan/validate/execute against the API later.
#include "analyze_command.hpp"
#include "command_line.hpp"
#include "robson/binance/binance_config.hpp"
#include "robson/exchange/exchange_error.hpp"
#include "stop_survey_command.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char* kUsage = R"(usage: robson <command> [options]

commands:
  analyze <candles.csv>        technical stop, position size and orders for one entry
  analyze --exchange URL       the same from a Binance-compatible exchange (the simulator:
                               http://127.0.0.1:8765); entry = best ask (BUY) / bid (SELL)
      --symbol BTCUSDT           symbol whose exchange rules apply (BTCUSDT, ETHUSDT, SOLUSDT...)
      --strategy "All In"        built-in strategy: All In, Rescue Forces, Smooth Sailing, Bounce Back
      --capital 100              capital in the quote asset; the risk rule applies to it
      --side BUY|SELL            default BUY
      --entry PRICE              default: the close of the last candle read
      --at N                     use only the first N candles (replay a past moment)
      --level N                  anchor on the Nth level instead of the strategy's
      --risk-percent P           override the strategy's risk per trade
      --step STEP                override the symbol's LOT_SIZE step
      --no-costs                 size without fees, offset and slippage (the naive rule)
  stop-survey <candles.csv>... the stop distance distribution over every window of the files
      --strategy NAME --capital 1000
  help                         this text

candle files: Binance kline CSV (open time, open, high, low, close, volume, close time, ...).

exit codes: 0 ok, 1 internal error, 2 bad arguments, 3 unusable candle file,
            4 no trade possible (stop rejected, size or orders refused; the reason is printed),
            5 exchange unreachable or refused (keys: ROBSON_EXCHANGE_API_KEY/_SECRET)
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace robson::cli;
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.empty() || all.front() == "help" || all.front() == "--help" || all.front() == "-h") {
        std::cout << kUsage;
        return all.empty() ? kExitUsage : kExitOk;
    }
    const std::vector<std::string> args(all.begin() + 1, all.end());
    try {
        if (all.front() == "analyze") {
            return runAnalyze(args, std::cout, std::cerr);
        }
        if (all.front() == "stop-survey") {
            return runStopSurvey(args, std::cout, std::cerr);
        }
        throw UsageError("unknown command '" + all.front() + "'");
    } catch (const UsageError& error) {
        std::cerr << "robson: " << error.what() << "\n(run 'robson help' for usage)\n";
        return kExitUsage;
    } catch (const robson::exchange::ExchangeException& error) {
        std::cerr << "robson: exchange: " << error.what() << "\n";
        return kExitExchange;
    } catch (const robson::binance::ConfigError& error) {
        std::cerr << "robson: exchange configuration: " << error.what() << "\n";
        return kExitExchange;
    } catch (const std::exception& error) {
        std::cerr << "robson: internal error: " << error.what() << "\n";
        return kExitFailure;
    }
}
