// robson-candle-gen: builds the simulator's default candle files (see sim/data/README.md).
#include "robson/datagen/command_line.hpp"

#include <iostream>
#include <span>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const std::span<char*> raw(argv, static_cast<std::size_t>(argc));
    const std::vector<std::string> args(raw.begin() + 1, raw.end());
    return robson::datagen::runCandleGen(args, std::cout, std::cerr);
}
