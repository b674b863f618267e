#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace robson::cli {

/// A left-aligned text table: columns as wide as their widest cell, two spaces apart, the last
/// column unpadded (descriptions, messages). Widths count bytes; the API's values are ASCII.
class TextTable {
public:
    explicit TextTable(std::vector<std::string> headers);
    void addRow(std::vector<std::string> cells);
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    /// Prints the header and the rows, each line starting with `indent`.
    void print(std::ostream& out, const std::string& indent = "") const;

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace robson::cli
