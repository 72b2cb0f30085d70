// Page extraction speed: runs extract_page over the given pages REPEATS
// times each and prints pages/s and MB/s.
// Usage: morgue-bench-extract REPEATS PAGE...
#include "indexer/page_extract.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

using namespace morgue;

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::cerr << "usage: morgue-bench-extract REPEATS PAGE...\n";
        return 2;
    }
    int repeats = std::atoi(argv[1]);
    std::vector<std::string> pages;
    size_t bytes = 0;
    for (int i = 2; i < argc; ++i) {
        std::ifstream in(argv[i]);
        std::stringstream ss;
        ss << in.rdbuf();
        pages.push_back(ss.str());
        bytes += pages.back().size();
    }
    size_t teasers = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < repeats; ++r)
        for (const auto& p : pages) teasers += extract_page(p, 1748779200, nullptr).teasers.size();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "pages " << pages.size() * repeats << " in " << secs << " s: " << pages.size() * repeats / secs
              << " pages/s, " << bytes * repeats / secs / 1e6 << " MB/s (" << teasers / repeats << " teasers per round)\n";
    return 0;
}
