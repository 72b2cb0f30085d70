// Related coverage's latency on a database and its publication: for articles
// evenly spread over MASTER, the expansion terms chosen by Xapian's get_eset
// from the termlist (what related coverage did before publications) and by
// expansion_terms() from the stored text, on MASTER and on PUBLICATION, and
// the whole find_related() on both; the three run alternately, article by
// article, so that the machine's load falls on all alike. Also counts
// articles whose terms differ between the ways (expected: none).
// Usage: morgue-bench-related MASTER PUBLICATION [ARTICLES]
// Prints medians and p95 in ms as JSON on stdout.
#include "common/codec.h"
#include "common/database.h"
#include "query/related.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>

using namespace morgue;

namespace {
struct StemsOnly : Xapian::ExpandDecider {
    bool operator()(const std::string& t) const override
    {
        return is_expansion_stem(t);
    }
};

double ms_since(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::cerr << "usage: morgue-bench-related MASTER PUBLICATION [ARTICLES]\n";
        return 2;
    }
    const size_t want = argc > 3 ? std::max(1, std::atoi(argv[3])) : 300;
    std::unique_ptr<Xapian::Database> master, pub;
    for (auto [path, db] : {std::pair{argv[1], &master}, std::pair{argv[2], &pub}}) {
        Status s = open_readable(path, db);
        if (!s.ok()) {
            std::cerr << s.message() << "\n";
            return 1;
        }
    }
    std::vector<Xapian::docid> all;
    for (auto p = master->postlist_begin(""); p != master->postlist_end(""); ++p) all.push_back(*p);
    std::map<std::string, std::vector<double>> ms;
    size_t differ = 0, n = 0;
    StemsOnly decider;
    for (size_t i = 0; i < want && i < all.size(); ++i) {
        const Xapian::docid did = all[i * all.size() / std::min(want, all.size())];
        Article a;
        if (!read_article(master->get_document(did), &a).ok()) continue;
        if (a.body.empty()) continue;
        ++n;
        auto t0 = std::chrono::steady_clock::now();
        Xapian::RSet rset;
        rset.add_document(did);
        Xapian::ESet eset = Xapian::Enquire(*master).get_eset(25, rset, &decider);
        std::vector<std::string> before;
        for (auto t = eset.begin(); t != eset.end(); ++t) before.push_back(*t);
        ms["terms: get_eset, master"].push_back(ms_since(t0));
        t0 = std::chrono::steady_clock::now();
        std::vector<std::string> after = expansion_terms(*master, did, a);
        ms["terms: from text, master"].push_back(ms_since(t0));
        t0 = std::chrono::steady_clock::now();
        std::vector<std::string> published = expansion_terms(*pub, did, a);
        ms["terms: from text, publication"].push_back(ms_since(t0));
        if (before != after || after != published) ++differ;
        for (auto [name, db] : {std::pair{"related: master", master.get()}, std::pair{"related: publication", pub.get()}}) {
            RelatedRequest req;
            req.db = name;
            req.id = a.id;
            RelatedResult r;
            t0 = std::chrono::steady_clock::now();
            Status s = find_related(*db, req, &r);
            ms[name].push_back(ms_since(t0));
            if (!s.ok()) {
                std::cerr << a.id << ": " << s.message() << "\n";
                return 1;
            }
        }
    }
    nlohmann::json out;
    out["articles"] = n;
    out["terms_differ"] = differ;
    for (auto& [name, v] : ms) {
        std::sort(v.begin(), v.end());
        out[name] = {{"p50_ms", v[v.size() / 2]}, {"p95_ms", v[v.size() * 95 / 100]}};
    }
    std::cout << out.dump(2) << "\n";
    return 0;
}
