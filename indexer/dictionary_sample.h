// The articles a new database's stored-article dictionary is trained on
// (common/article_dictionary.h): the first ones of the run's inputs, read
// and parsed as the run will read them, before any document is built (the
// preparing threads compress with the dictionary). Only regular files are
// sampled (standard input, a pipe or a FIFO can be read once, by the run
// itself), and no pages.
#pragma once

#include "indexer/record_preparer.h"
#include "indexer/sources.h"

#include <string>
#include <vector>

namespace morgue {

// At most this many articles, and bytes of them serialised, are sampled
// (scripts/bench-dictionary, README): on Reuters-21578's short stories 4,000
// articles (2.9 MB) compressed the rest 4% better than 2,000 and trained in
// 0.44 CPU s; AllSides' long ones reach the byte limit first, and more of
// them saved nothing more.
inline constexpr size_t kDictionarySampleArticles = 4000;
inline constexpr size_t kDictionarySampleBytes = 8u << 20;

// The serialised articles (serialise_article()) of the first JSON records
// in `inputs`, up to `articles` of them or `bytes` in all. Records that do
// not parse are passed over: the run reports them.
std::vector<std::string> sample_articles(const std::vector<Input>& inputs, const PrepareOptions& options,
                                         size_t max_article_bytes, size_t articles = kDictionarySampleArticles,
                                         size_t bytes = kDictionarySampleBytes);

} // namespace morgue
