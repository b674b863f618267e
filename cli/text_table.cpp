#include "text_table.hpp"

#include <algorithm>

namespace robson::cli {

TextTable::TextTable(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void TextTable::addRow(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    rows_.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out, const std::string& indent) const {
    std::vector<std::size_t> widths(headers_.size());
    for (std::size_t column = 0; column < headers_.size(); ++column) {
        widths[column] = headers_[column].size();
        for (const auto& row : rows_) {
            widths[column] = std::max(widths[column], row[column].size());
        }
    }
    const auto print_line = [&](const std::vector<std::string>& cells) {
        std::string line = indent;
        for (std::size_t column = 0; column < cells.size(); ++column) {
            line += cells[column];
            if (column + 1 < cells.size()) {
                line.append(widths[column] - cells[column].size() + 2, ' ');
            }
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out << line << "\n";
    };
    print_line(headers_);
    for (const auto& row : rows_) {
        print_line(row);
    }
}

}  // namespace robson::cli
