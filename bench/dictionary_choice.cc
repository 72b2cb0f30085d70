// How much a zstd dictionary saves on a corpus's stored articles, and what
// training it costs, for several sample sizes, dictionary sizes and levels
// (the choices behind indexer/dictionary_sample.h and
// common/article_dictionary.h). Every article of the corpus (up to --limit)
// is compressed alone, as the database stores it, with a dictionary trained
// on the first N of them.
// Usage: morgue-bench-dictionary CORPUS.jsonl[.zst] [LIMIT]
#include "common/article_dictionary.h"
#include "common/codec.h"
#include "indexer/dictionary_sample.h"

#include <zstd.h>

#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace morgue;

namespace {

// CPU seconds of this (single-threaded) process since `t0` = std::clock():
// on a shared machine, less distorted by load than wall time.
double cpu_since(std::clock_t t0)
{
    return static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
}

// Total bytes of every article from `from` on, each compressed alone (plus
// the codec's tag byte), and the seconds it took.
size_t compress_all(const std::vector<std::string>& all, const std::string& dict, int level, double* secs,
                    size_t from = 0)
{
    const std::vector<std::string> articles(all.begin() + static_cast<long>(from), all.end());
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ZSTD_CDict* cdict = dict.empty() ? nullptr : ZSTD_createCDict(dict.data(), dict.size(), level);
    std::string out;
    size_t total = 0;
    std::clock_t t0 = std::clock();
    for (const auto& a : articles) {
        out.resize(ZSTD_compressBound(a.size()));
        size_t n = cdict ? ZSTD_compress_usingCDict(cctx, out.data(), out.size(), a.data(), a.size(), cdict)
                         : ZSTD_compressCCtx(cctx, out.data(), out.size(), a.data(), a.size(), level);
        total += 1 + n;
    }
    *secs = cpu_since(t0);
    ZSTD_freeCDict(cdict);
    ZSTD_freeCCtx(cctx);
    return total;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: morgue-bench-dictionary CORPUS [LIMIT]\n");
        return 2;
    }
    size_t limit = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 50000;
    std::vector<std::string> all = sample_articles({{argv[1], 0}}, PrepareOptions{}, 8u << 20, limit, SIZE_MAX);
    size_t plain = 0;
    for (const auto& a : all) plain += a.size();
    double secs = 0;
    size_t none = compress_all(all, {}, 3, &secs);
    std::printf("%zu articles, %.2f MB serialised; level 3 without a dictionary: %.2f MB (%.2f CPU s)\n", all.size(),
                plain / 1e6, none / 1e6, secs);
    // "rest": the articles after the sample only, as an archive's later
    // articles (most of a large one) meet the dictionary.
    std::printf("| samples | dictionary KB | level | MB | vs none | rest vs none | train CPU s | compress CPU s |\n"
                "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (size_t n : {1000, 2000, 4000}) {
        if (n > all.size()) break;
        std::vector<std::string> sample(all.begin(), all.begin() + static_cast<long>(n));
        size_t last = 0; // a larger limit than the sample allows trains the same dictionary
        for (size_t cap : {size_t{112640}, size_t{262144}, size_t{524288}}) {
            std::string dict;
            std::clock_t t0 = std::clock();
            Status s = train_article_dictionary(sample, &dict, cap);
            double train = cpu_since(t0);
            if (!s.ok() || dict.empty()) {
                std::printf("| %zu | %zu | training failed: %s |\n", n, cap / 1024, s.message().c_str());
                continue;
            }
            if (dict.size() == last) continue;
            last = dict.size();
            for (int level : {3, 6, 9}) {
                if (level != 3 && (cap != kDictionaryMaxBytes || n != kDictionarySampleArticles)) continue;
                size_t with = compress_all(all, dict, level, &secs);
                double ignored = 0;
                double rest = static_cast<double>(compress_all(all, dict, level, &ignored, n)) /
                              static_cast<double>(compress_all(all, {}, level, &ignored, n));
                std::printf("| %zu | %zu | %d | %.2f | %.3f | %.3f | %.2f | %.2f |\n", n, dict.size() / 1024, level,
                            with / 1e6, static_cast<double>(with) / static_cast<double>(none), rest, train, secs);
            }
        }
    }
    return 0;
}
