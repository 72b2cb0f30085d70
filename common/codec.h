// The stored-data codec: an Article <-> the bytes kept as Xapian document data.
//
// Layout: one tag byte, then a zstd frame holding the serialised article.
//   tag 0x01  zstd, no dictionary
//   tag 0x02  zstd with the database's dictionary (common/article_dictionary.h),
//             whose id the frame header carries
// The serialised article is a format byte (1) followed by each field in the
// order of struct Article: strings as varint length + bytes, lists as varint
// count + items, the optional date as a presence byte + zigzag varint.
// decode(encode(a)) == a for every article; the tests hold us to it.
#pragma once

#include "common/article.h"
#include "common/status.h"

#include <xapian.h>

#include <string>
#include <string_view>

namespace morgue {

class ArticleDictionary;

// Compressed with `dictionary` when given (tag 0x02), else without (0x01).
std::string encode_article(const Article& article, const ArticleDictionary* dictionary = nullptr);
// A tag 0x02 article needs its dictionary remembered (remember_dictionary(),
// which opening a database does); without it, an error naming the id.
Status decode_article(std::string_view data, Article* out);

// The serialisation without compression (exposed for tests and benchmarks).
std::string serialise_article(const Article& article);
Status deserialise_article(std::string_view data, Article* out);

// The article a document stores (schema::slot_article), and storing it.
Status read_article(const Xapian::Document& doc, Article* out);
void store_article(Xapian::Document& doc, const Article& a, const ArticleDictionary* dictionary = nullptr);

} // namespace morgue
