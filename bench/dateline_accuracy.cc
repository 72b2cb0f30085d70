// Dateline extraction measured against the wire's own fields: reads
// "id TAB printed opening TAB expected place TAB month TAB day" lines
// (scripts/measure-datelines makes them from Reuters-21578's SGML) and prints
// place and date accuracy, the misses, and extraction speed.
#include "indexer/dateline.h"

#include <chrono>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace morgue;

namespace {
std::string lower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
} // namespace

int main(int argc, char** argv)
{
    size_t show = argc > 1 ? static_cast<size_t>(std::atoi(argv[1])) : 10;
    struct Row { std::string id, text, place; int month, day; };
    std::vector<Row> rows;
    std::string line;
    while (std::getline(std::cin, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string x;
        while (std::getline(ss, x, '\t')) f.push_back(x);
        if (f.size() != 5) continue;
        rows.push_back({f[0], f[1], f[2], std::stoi(f[3]), std::stoi(f[4])});
    }
    size_t place_ok = 0, date_ok = 0, dated = 0, shown = 0;
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::optional<Dateline>> found;
    found.reserve(rows.size());
    for (const auto& r : rows) found.push_back(parse_dateline_opening(r.text));
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const auto& d = found[i];
        bool p = d && lower(d->place) == lower(r.place);
        place_ok += p;
        if (d && d->month) {
            ++dated;
            date_ok += d->month == r.month && d->day == r.day;
        }
        if (!p && shown++ < show)
            std::cerr << "miss " << r.id << ": expected '" << r.place << "', got '" << (d ? d->place : "(none)")
                      << "' from: " << r.text.substr(0, 70) << "\n";
    }
    std::cout << "stories " << rows.size() << "\n"
              << "place correct " << place_ok << " (" << 100.0 * place_ok / rows.size() << "%)\n"
              << "date (month/day) found " << dated << ", matching the story's DATE " << date_ok << " ("
              << 100.0 * date_ok / (dated ? dated : 1) << "%)\n"
              << "openings/s " << static_cast<long>(rows.size() / secs) << "\n";
    return 0;
}
