// The zstd dictionary a database's stored articles are compressed with
// (schema::kArticleDictionaryKey). News articles of one archive share most
// of their bytes' patterns (field names, outlets, datelines, boilerplate)
// but each is compressed alone, so that any one can be read alone: a
// dictionary trained on the archive's own articles gives each frame those
// patterns up front (a third less on Reuters-21578, see README's "Index size").
//
// A compressed article names its dictionary by the id zstd writes in the
// frame header. Opening a database loads its dictionary once and remembers
// it here by that id; reading an article finds it there, so code that holds
// only a Xapian::Document reads it as before.
#pragma once

#include "common/status.h"

#include <zstd.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace morgue {

class ArticleDictionary {
public:
    // Checks that `bytes` is a zstd dictionary with an id and prepares it
    // for decompression; an error that says what is wrong otherwise.
    static Status make(std::string bytes, std::shared_ptr<const ArticleDictionary>* out);
    ~ArticleDictionary();
    ArticleDictionary(const ArticleDictionary&) = delete;
    ArticleDictionary& operator=(const ArticleDictionary&) = delete;

    unsigned id() const { return id_; }
    const std::string& bytes() const { return bytes_; }
    const ZSTD_DDict* ddict() const { return ddict_; }
    // Prepared for compression at `level` on first use (readers never need it).
    const ZSTD_CDict* cdict(int level) const;

private:
    ArticleDictionary() = default;
    std::string bytes_;
    unsigned id_ = 0;
    ZSTD_DDict* ddict_ = nullptr;
    mutable std::once_flag cdict_once_;
    mutable ZSTD_CDict* cdict_ = nullptr;
};

// What training needs at least, and the largest dictionary it makes.
inline constexpr size_t kDictionaryMinSamples = 100;
inline constexpr size_t kDictionaryMinSampleBytes = 100 * 1024;
// 256 KB saved 3% more than zstd's default of 110 KB on AllSides (README).
inline constexpr size_t kDictionaryMaxBytes = 256u << 10;

// Trains a dictionary on `samples` (serialised articles, serialise_article())
// with zstd's default trainer (fastCover). Fewer samples than the minimums
// above give no dictionary and no error (`*out` empty): a small first run
// compresses its articles without one. At most `max_bytes` (benchmarks try others).
Status train_article_dictionary(const std::vector<std::string>& samples, std::string* out,
                                size_t max_bytes = kDictionaryMaxBytes);

// Remembers `dict` for reading the articles compressed with it (the last
// few remembered are kept: a long-lived reader that reopens after each
// nightly rebuild does not collect them all). Two different dictionaries
// with one id are an error.
Status remember_dictionary(std::shared_ptr<const ArticleDictionary> dict);
// The remembered dictionary with `id`, or nullptr.
std::shared_ptr<const ArticleDictionary> remembered_dictionary(unsigned id);

} // namespace morgue
