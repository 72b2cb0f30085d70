#include "common/codec.h"

#include "common/article_dictionary.h"
#include "common/schema.h"

#include <zstd.h>

#include <memory>
#include <new>

namespace morgue {

bool Article::operator==(const Article& o) const
{
    return id == o.id && kind == o.kind && title == o.title && body == o.body &&
           outlet == o.outlet && wire == o.wire && dateline == o.dateline &&
           section == o.section && authors == o.authors && date == o.date &&
           date_approximate == o.date_approximate && url == o.url && language == o.language &&
           source_file == o.source_file && source_line == o.source_line &&
           provenance == o.provenance && raw == o.raw;
}

namespace {

constexpr unsigned char kTagZstd = 0x01;
constexpr unsigned char kTagZstdDictionary = 0x02;
constexpr unsigned char kFormat = 1;
constexpr int kZstdLevel = 3;

void put_varint(std::string& out, uint64_t v)
{
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

void put_string(std::string& out, const std::string& s)
{
    put_varint(out, s.size());
    out += s;
}

class Reader {
public:
    explicit Reader(std::string_view d) : data_(d) {}
    bool varint(uint64_t* v)
    {
        *v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= data_.size()) return false;
            auto b = static_cast<unsigned char>(data_[pos_++]);
            *v |= static_cast<uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return true;
        }
        return false;
    }
    bool string(std::string* s)
    {
        uint64_t n;
        if (!varint(&n) || n > data_.size() - pos_) return false;
        s->assign(data_.substr(pos_, n));
        pos_ += n;
        return true;
    }
    bool done() const { return pos_ == data_.size(); }

private:
    std::string_view data_;
    size_t pos_ = 0;
};

} // namespace

std::string serialise_article(const Article& a)
{
    std::string out;
    out.reserve(a.body.size() + a.raw.size() + a.title.size() + 256);
    out += static_cast<char>(kFormat);
    for (const std::string* s : {&a.id, &a.kind, &a.title, &a.body, &a.outlet, &a.wire,
                                 &a.dateline, &a.section})
        put_string(out, *s);
    put_varint(out, a.authors.size());
    for (const auto& s : a.authors) put_string(out, s);
    out += static_cast<char>(a.date ? 1 : 0);
    if (a.date) {
        int64_t d = *a.date;
        put_varint(out, (static_cast<uint64_t>(d) << 1) ^ static_cast<uint64_t>(d >> 63));
    }
    out += static_cast<char>(a.date_approximate ? 1 : 0);
    for (const std::string* s : {&a.url, &a.language, &a.source_file}) put_string(out, *s);
    put_varint(out, a.source_line);
    put_varint(out, a.provenance.size());
    for (const auto& [k, v] : a.provenance) {
        put_string(out, k);
        put_string(out, v);
    }
    put_string(out, a.raw);
    return out;
}

Status deserialise_article(std::string_view data, Article* out)
{
    auto corrupt = [] { return Status::InvalidInput("stored article is corrupt"); };
    if (data.empty() || static_cast<unsigned char>(data[0]) != kFormat)
        return Status::InvalidInput("stored article has an unknown format");
    Reader r(data.substr(1));
    Article a;
    for (std::string* s : {&a.id, &a.kind, &a.title, &a.body, &a.outlet, &a.wire,
                           &a.dateline, &a.section})
        if (!r.string(s)) return corrupt();
    uint64_t n;
    if (!r.varint(&n) || n > data.size()) return corrupt();
    a.authors.resize(n);
    for (auto& s : a.authors)
        if (!r.string(&s)) return corrupt();
    uint64_t flag;
    if (!r.varint(&flag) || flag > 1) return corrupt();
    if (flag) {
        uint64_t z;
        if (!r.varint(&z)) return corrupt();
        a.date = static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
    }
    if (!r.varint(&flag) || flag > 1) return corrupt();
    a.date_approximate = flag == 1;
    for (std::string* s : {&a.url, &a.language, &a.source_file})
        if (!r.string(s)) return corrupt();
    if (!r.varint(&a.source_line)) return corrupt();
    if (!r.varint(&n) || n > data.size()) return corrupt();
    a.provenance.resize(n);
    for (auto& [k, v] : a.provenance)
        if (!r.string(&k) || !r.string(&v)) return corrupt();
    if (!r.string(&a.raw) || !r.done()) return corrupt();
    *out = std::move(a);
    return Status::Ok();
}

std::string encode_article(const Article& article, const ArticleDictionary* dictionary)
{
    std::string plain = serialise_article(article);
    std::string out(1 + ZSTD_compressBound(plain.size()), '\0');
    out[0] = static_cast<char>(dictionary ? kTagZstdDictionary : kTagZstd);
    // One context per thread: creating one per call cost more than the
    // compression of a short article.
    thread_local std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> cctx(ZSTD_createCCtx(), ZSTD_freeCCtx);
    const ZSTD_CDict* cdict = dictionary ? dictionary->cdict(kZstdLevel) : nullptr;
    if (dictionary && !cdict) throw std::bad_alloc(); // zstd could not allocate it
    size_t n = cdict ? ZSTD_compress_usingCDict(cctx.get(), out.data() + 1, out.size() - 1, plain.data(),
                                                plain.size(), cdict)
                     : ZSTD_compressCCtx(cctx.get(), out.data() + 1, out.size() - 1, plain.data(),
                                         plain.size(), kZstdLevel);
    // Compression into a compressBound-sized buffer cannot fail.
    out.resize(1 + n);
    return out;
}

Status decode_article(std::string_view data, Article* out)
{
    if (data.empty())
        return Status::InvalidInput("stored article is empty");
    const auto tag = static_cast<unsigned char>(data[0]);
    if (tag != kTagZstd && tag != kTagZstdDictionary)
        return Status::InvalidInput("stored article has an unknown codec tag");
    data.remove_prefix(1);
    unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ULL << 32))
        return Status::InvalidInput("stored article is not a valid zstd frame");
    std::shared_ptr<const ArticleDictionary> dictionary;
    if (tag == kTagZstdDictionary) {
        unsigned id = ZSTD_getDictID_fromFrame(data.data(), data.size());
        dictionary = remembered_dictionary(id);
        if (!dictionary)
            return Status::InvalidInput("stored article needs zstd dictionary " + std::to_string(id) +
                                        ", which its database does not hold (" + schema::kArticleDictionaryKey +
                                        " in its metadata); rebuild the database");
    }
    std::string plain(size, '\0');
    thread_local std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
    size_t n = dictionary ? ZSTD_decompress_usingDDict(dctx.get(), plain.data(), plain.size(), data.data(),
                                                       data.size(), dictionary->ddict())
                          : ZSTD_decompressDCtx(dctx.get(), plain.data(), plain.size(), data.data(), data.size());
    if (ZSTD_isError(n) || n != size)
        return Status::InvalidInput(std::string("stored article does not decompress: ") +
                                    (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short"));
    return deserialise_article(plain, out);
}

Status read_article(const Xapian::Document& doc, Article* out)
{
    return decode_article(doc.get_value(schema::slot_article), out);
}

void store_article(Xapian::Document& doc, const Article& a, const ArticleDictionary* dictionary)
{
    doc.add_value(schema::slot_article, encode_article(a, dictionary));
}

} // namespace morgue
