#include "robson/datagen/csv_writer.hpp"

#include <fstream>
#include <stdexcept>

namespace robson::datagen {

std::string formatKlineRow(const domain::Candle& candle) {
    constexpr int kPlaces = 8;
    std::string row;
    row += std::to_string(candle.open_time_ms);
    for (const domain::Decimal value :
         {candle.open, candle.high, candle.low, candle.close, candle.volume}) {
        row += ',';
        row += value.toFixed(kPlaces);
    }
    row += ',';
    row += std::to_string(candle.close_time_ms);
    row += ",0.00000000,0,0.00000000,0.00000000,0";
    return row;
}

void writeKlineCsv(std::ostream& output, domain::CandleSpan candles) {
    for (const domain::Candle& candle : candles) {
        output << formatKlineRow(candle) << '\n';
    }
}

void writeKlineCsvFile(const std::filesystem::path& path, domain::CandleSpan candles) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file) {
        throw std::runtime_error("cannot open " + path.string() + " for writing");
    }
    writeKlineCsv(file, candles);
    file.flush();
    if (!file) {
        throw std::runtime_error("cannot write " + path.string());
    }
}

}  // namespace robson::datagen
