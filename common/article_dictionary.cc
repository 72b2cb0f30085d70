#include "common/article_dictionary.h"

#include <zdict.h>

#include <algorithm>
#include <deque>
#include <shared_mutex>

namespace morgue {

namespace {

// Dictionaries kept for reading: the database in use, the one a reader
// held before a rebuild switched it, and a few more.
constexpr size_t kRemembered = 8;

std::shared_mutex remembered_mu;
std::deque<std::shared_ptr<const ArticleDictionary>> remembered; // newest first

} // namespace

Status ArticleDictionary::make(std::string bytes, std::shared_ptr<const ArticleDictionary>* out)
{
    unsigned id = ZDICT_getDictID(bytes.data(), bytes.size());
    if (id == 0)
        return Status::IOError("the stored-article dictionary is not a zstd dictionary (" +
                                    std::to_string(bytes.size()) + " bytes); rebuild the database");
    std::shared_ptr<ArticleDictionary> d(new ArticleDictionary);
    d->bytes_ = std::move(bytes);
    d->id_ = id;
    d->ddict_ = ZSTD_createDDict(d->bytes_.data(), d->bytes_.size());
    if (!d->ddict_)
        return Status::IOError("the stored-article dictionary " + std::to_string(id) +
                                    " is corrupt (zstd refuses it); rebuild the database");
    *out = std::move(d);
    return Status::Ok();
}

ArticleDictionary::~ArticleDictionary()
{
    ZSTD_freeDDict(ddict_);
    ZSTD_freeCDict(cdict_);
}

const ZSTD_CDict* ArticleDictionary::cdict(int level) const
{
    std::call_once(cdict_once_, [&] { cdict_ = ZSTD_createCDict(bytes_.data(), bytes_.size(), level); });
    return cdict_;
}

Status train_article_dictionary(const std::vector<std::string>& samples, std::string* out, size_t max_bytes)
{
    out->clear();
    std::string joined;
    std::vector<size_t> sizes;
    for (const auto& s : samples) {
        joined += s;
        sizes.push_back(s.size());
    }
    if (samples.size() < kDictionaryMinSamples || joined.size() < kDictionaryMinSampleBytes) return Status::Ok();
    // zstd's advice: samples about a hundred times the dictionary; a small
    // sample makes a smaller dictionary rather than one that overfits it.
    std::string dict(std::min(max_bytes, joined.size() / 10), '\0');
    size_t n = ZDICT_trainFromBuffer(dict.data(), dict.size(), joined.data(), sizes.data(),
                                     static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(n))
        return Status::InvalidInput(std::string("training the stored-article dictionary failed: ") +
                                    ZDICT_getErrorName(n));
    dict.resize(n);
    *out = std::move(dict);
    return Status::Ok();
}

Status remember_dictionary(std::shared_ptr<const ArticleDictionary> dict)
{
    std::unique_lock<std::shared_mutex> lock(remembered_mu);
    auto same = std::find_if(remembered.begin(), remembered.end(),
                             [&](const auto& d) { return d->id() == dict->id(); });
    if (same != remembered.end()) {
        if ((*same)->bytes() != dict->bytes())
            return Status::IOError("two different stored-article dictionaries have the id " +
                                        std::to_string(dict->id()) + "; read these databases from separate processes");
        dict = *same;
        remembered.erase(same);
    }
    remembered.push_front(std::move(dict));
    if (remembered.size() > kRemembered) remembered.pop_back();
    return Status::Ok();
}

std::shared_ptr<const ArticleDictionary> remembered_dictionary(unsigned id)
{
    std::shared_lock<std::shared_mutex> lock(remembered_mu);
    for (const auto& d : remembered)
        if (d->id() == id) return d;
    return nullptr;
}

} // namespace morgue
