// In-process query latency: opens the database once (as a server would) and
// runs each query of a file several times with the full work of a search:
// ranked top 10, 10 snippets and exact facets over the whole match set.
// Usage: morgue-bench-query DB QUERIES.tsv [REPEATS [FACETS [portable]]]
//   FACETS: comma-separated, or "default" (morgue-query's default facets).
//   portable: count facets and fold stories as over remote shards
//   (SearchRequest::portable_facets), even for a single database.
//   QUERIES.tsv: "kind<TAB>query" per line. Prints per-kind median, p95, p99
//   in ms as JSON on stdout.
#include "common/database.h"
#include "query/facet_table.h"
#include "query/search.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

using namespace morgue;

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::cerr << "usage: morgue-bench-query DB QUERIES.tsv [REPEATS]\n";
        return 2;
    }
    int repeats = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    std::vector<std::string> facets;
    const bool portable = argc > 5 && std::string(argv[5]) == "portable";
    if (argc > 4 && std::string(argv[4]) != "default") {
        std::string list = argv[4], item;
        for (std::stringstream ss(list); std::getline(ss, item, ',');) facets.push_back(item);
    }
    std::unique_ptr<Xapian::Database> db;
    Status s = open_readable(argv[1], &db);
    if (!s.ok()) {
        std::cerr << s.message() << "\n";
        return 1;
    }
    std::ifstream in(argv[2]);
    std::map<std::string, std::vector<double>> times;
    std::map<std::string, std::vector<double>> matches;
    // A long-lived reader keeps the facet table (built once per revision):
    // its cost is reported apart, and the searches below use it.
    auto t_table = std::chrono::steady_clock::now();
    std::shared_ptr<const FacetTable> table;
    s = FacetTable::for_database(*db, &table);
    if (!s.ok()) {
        std::cerr << s.message() << "\n";
        return 1;
    }
    std::cerr << "facet table: " << db->get_doccount() << " documents in "
              << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_table).count() << " ms\n";
    std::string line;
    while (std::getline(in, line)) {
        size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        std::string kind = line.substr(0, tab);
        SearchRequest req;
        req.db = argv[1];
        req.query = line.substr(tab + 1);
        if (!facets.empty()) req.facets = facets;
        req.facet_table = !portable;
        req.portable_facets = portable;
        for (int r = 0; r < repeats; ++r) {
            SearchResult res;
            auto t0 = std::chrono::steady_clock::now();
            s = search(*db, req, &res);
            auto t1 = std::chrono::steady_clock::now();
            if (!s.ok()) {
                std::cerr << req.query << ": " << s.message() << "\n";
                return 1;
            }
            times[kind].push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            if (r == 0) matches[kind].push_back(res.matches);
        }
    }
    auto pct = [](std::vector<double> v, double p) {
        std::sort(v.begin(), v.end());
        size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
        return v[std::min(i, v.size() - 1)];
    };
    nlohmann::ordered_json out;
    std::vector<double> all;
    for (const auto& [kind, t] : times) {
        out[kind] = {{"queries", matches[kind].size()}, {"runs", t.size()},
                     {"median_matches", pct(matches[kind], 0.5)},
                     {"p50_ms", pct(t, 0.5)}, {"p95_ms", pct(t, 0.95)}, {"p99_ms", pct(t, 0.99)}};
        all.insert(all.end(), t.begin(), t.end());
    }
    if (!all.empty())
        out["all"] = {{"runs", all.size()}, {"p50_ms", pct(all, 0.5)}, {"p95_ms", pct(all, 0.95)}, {"p99_ms", pct(all, 0.99)}};
    std::cout << out.dump(2) << "\n";
    return 0;
}
