// The database schema: every term prefix, value slot and the schema version.
// Nothing outside this file spells a prefix string or a slot number.
#pragma once

#include "common/article.h"

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::schema {

// Schema version 6 (5 compressed each stored article without a dictionary;
// 4 wrote hashes as hex and had 8 copy bands of 4 rows; 3 had no events; 2 indexed words as written, accents and all; 1 kept
// unstemmed words with positions plus Z-prefixed stems, and a value per
// facet field; see the version history below).
//
// A morgue database is an ordinary Xapian (glass) database, one document per
// article or teaser:
//
//   Terms
//     Q<id>         unique id: the input's id, else its url, else a hash of
//                   outlet + title + date; ids longer than kMaxIdBytes are
//                   replaced by "#" + a 128-bit hash so the term stays under
//                   Xapian's 245-byte limit.
//     (none)        free text of title and body, every word folded and then
//                   stemmed with the article's language (STEM_ALL: no
//                   unstemmed copy and no Z terms, which halves the postings
//                   to write and store); positions kept for phrases, which
//                   match on stems. The title is indexed again under S and
//                   with a higher wdf so it ranks above the body.
//                   Folding (common/text_normalise.h, through
//                   folding_stemmer() at indexing, in queries and for
//                   snippets alike): NFKD, accents of Latin, Greek, Cyrillic
//                   and Arabic letters dropped, Arabic alef/hamza forms, ta
//                   marbuta, alef maqsura and tatweel normalised, NFC.
//                   "Lipavský", "Lipavsky" and a decomposed "Lipavský" make
//                   one term. Folded terms only: an unfolded copy of each
//                   accented word, so that the exact spelling ranks first,
//                   would add a posting list per accented word (in Arabic
//                   text, most words), and the Snowball stemmers already
//                   conflate far more than accents do. The article's
//                   language is its `language` field, else detected from its
//                   text (CLD2, common/language_detect.h).
//     S             title words, stemmed, with positions, for title: searches.
//     A, XO, XS, XD, XW, XK, L, H, XF
//                   boolean filters: author, outlet, section, dateline place,
//                   wire credit, kind (article|teaser), language (ISO 639-1),
//                   url host, source file (one row each in fields() below,
//                   which says where each value comes from and what the
//                   field is called in queries).  Values are normalised by
//                   normalise_value(): Unicode lower case, whitespace folded,
//                   so that outlet:AP and outlet:ap name one term ("XOap").
//     D, M, Y       date terms YYYYMMDD, YYYYMM, YYYY (UTC), as in Omega.
//     XB, XC        syndicated-copy detection: LSH bands of the body's MinHash
//                   signature (candidates are found with an ordinary OR
//                   query) and the copy cluster the article belongs to.
//     XE            the event the article reports (indexer/event_clusterer.h):
//                   articles of different outlets about one event share it,
//                   so an event's reports are one postlist.
//     XR            the JSON line the document was read from (a hash), so
//                   that --update can skip an unchanged line without parsing
//                   it; documents from other inputs have none.
//
//   Values (slot: encoding)
//     see enum Slot below.
//
//   Document data
//     Empty. The whole article (text, metadata, provenance), serialised by
//     codec.h and compressed with zstd, is the value slot_article: glass
//     passes every document data through zlib (a deflateReset and a deflate
//     per document, on bytes zstd already compressed), which was a third of
//     the single writer's work; values are stored as given. The article
//     round-trips exactly and snippets are made from it. The copy signature
//     is not stored: it is recomputed from this text for the few candidates
//     a new article is compared with.
//
//   Metadata
//     kLastUpdateKey -> time of the last commit.
//     kReadByKeyPrefix + 32 hex digits of Hash128(source file path) -> which
//     morgue-index build (and options) last read that file to its end; its
//     XR terms let --update skip lines only when it is the running build.
//     kArticleDictionaryKey -> the zstd dictionary slot_article is compressed
//     with (common/article_dictionary.h), trained when the database is
//     created on the first run's first articles (indexer/dictionary_sample.h);
//     every later --update compresses with it, and a --rebuild,
//     which makes a new database, trains a new one. Absent when the first
//     run had too few articles to train on: its articles, and those of its
//     updates, are compressed without one.
//     kVersionKey -> "6". A database with another version is refused with a
//     message telling the user to rebuild it.
//     kPublicationKey -> "<ISO time> <master path>": the database is a
//     read-only publication of that master (morgue-index --publish, see
//     "Publications" below). Absent in a database the indexer writes.
//
//   Publications (morgue-index --db MASTER --publish OUT)
//     A copy of MASTER for query hosts, compacted, made without the
//     termlist table (Xapian's DB_NO_TERMLIST) and without the XB copy-band
//     terms: both serve only the indexer (replacing, deleting and
//     relabelling documents, finding copy candidates), and together they
//     are a third of a compacted Reuters-21578 index. Everything else is
//     MASTER's: the same docids (a sharded MASTER's whole docids, so the
//     publication is one database), terms, positions, values, spelling and
//     metadata, plus kPublicationKey. Related coverage re-derives an
//     article's terms from its stored text (common/article_terms.h) rather
//     than reading its termlist. Every write is refused
//     (refuse_publication() in common/database.h): a document cannot be
//     replaced without its termlist. Same schema version: a publication
//     reads like any version-6 database, and the indexer that refuses to
//     write it is the one that knows the key.
//
//   Shards (morgue-index --shards N)
//     A database may be N glass databases ("shards") behind a Xapian stub,
//     so that N writer threads build it at once. The database path is then a
//     directory holding kShardStubFile (Xapian's own name for a stub inside a
//     directory: "auto shard-0" ... one line per shard, in order) and the
//     shard directories named by shard_name(). Xapian::Database and
//     Xapian::WritableDatabase open the path like any other database and
//     number documents across the shards round-robin: document d of the
//     whole is document (d - 1) / N + 1 of shard (d - 1) % N. The indexer
//     writes each document straight into that place, so a sharded build
//     gives every article the docid a single database would have given it.
//     (Beware: over a stub, Xapian 1.4's Document::get_docid(), as a
//     MatchSpy or Database::get_document() gives it, is the shard's own
//     docid; MSet iterators and posting lists give the whole's.)
//     Every shard carries kVersionKey and kArticleDictionaryKey (one
//     dictionary, trained before any shard is written, so that a shard read
//     alone, the stub and the shards merged by compaction all read every
//     article); the other metadata and the spelling
//     table live in shard 0, which is where Xapian reads (and
//     WritableDatabase writes) them for the whole. --update opens the
//     stub as one WritableDatabase: a changed article is replaced in the
//     shard that holds it, a new one goes where the round-robin says.
//     A --rebuild either merges the shards into one compacted database (the
//     default, see README's benchmark; compaction renumbers the documents
//     shard by shard) or keeps them (--keep-shards), each compacted, behind
//     the same kind of stub.
//
//   Version history
//     1  unstemmed terms with positions + Z stems without; values per facet
//        field (outlet, section, ...), the year-month, and the copy signature.
//     2  STEM_ALL; the facet fields live only in slot_facets; no signature;
//        the article in slot_article, not the document data.
//     3  words folded before stemming (accents, Arabic letter forms); title
//        and text stored in NFC; the language of an article without one
//        detected by CLD2 rather than guessed from the script.
//     4  events: the XE term, slot_event, and the event as a field of
//        slot_facets (before the copy cluster, which stays last).
//     5  smaller: XR and XB terms carry raw hash bytes, not hex digits;
//        cluster and event ids are 16 hex digits, not 32 (group_id());
//        6 copy bands of 2 rows instead of 8 of 4 (common/minhash.h).
//        Reuters-21578 compacted: 73.8 MB in version 4, see README.
//     6  stored articles compressed with a zstd dictionary trained on the
//        database's own articles (kArticleDictionaryKey, codec tag 0x02).
inline constexpr int kVersion = 6;
inline constexpr const char* kVersionKey = "morgue.schema_version";
// Metadata: the stored articles' zstd dictionary (see "Metadata" above).
inline constexpr const char* kArticleDictionaryKey = "morgue.article_dictionary";
// Metadata: when morgue-index last committed, ISO 8601 UTC ("2026-11-22T03:00:00Z").
inline constexpr const char* kLastUpdateKey = "morgue.last_update";
inline constexpr const char* kReadByKeyPrefix = "morgue.read_by.";
// Metadata: present (when and from what) only in a read-only publication.
inline constexpr const char* kPublicationKey = "morgue.publication";

// A free-text stem, as opposed to a prefixed term: every prefix starts with
// an upper-case letter and the indexed text is lower-cased.
inline bool is_free_text(std::string_view term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

// The stub file inside a sharded database's directory (Xapian's name for a
// stub database inside a directory), and the shards' directory names.
inline constexpr const char* kShardStubFile = "XAPIANDB";
std::string shard_name(size_t shard); // "shard-0", "shard-1", ...

// Ids longer than this are hashed (the Q prefix and Xapian's 245-byte term
// limit leave room for it; UTF-8 ids can be long in bytes).
inline constexpr size_t kMaxIdBytes = 200;
// Any term longer than this is hashed, for the same reason.
inline constexpr size_t kMaxTermBytes = 240;

namespace prefix {
inline constexpr const char* id = "Q";
inline constexpr const char* title = "S";
inline constexpr const char* author = "A";
inline constexpr const char* outlet = "XO";
inline constexpr const char* section = "XS";
inline constexpr const char* dateline = "XD";
inline constexpr const char* wire = "XW";
inline constexpr const char* kind = "XK";
inline constexpr const char* language = "L";
inline constexpr const char* host = "H";
inline constexpr const char* source_file = "XF";
inline constexpr const char* day = "D";
inline constexpr const char* month = "M";
inline constexpr const char* year = "Y";
inline constexpr const char* copy_band = "XB";    // LSH band of the copy signature: XB, the band's number
                                                  // as one byte, 6 raw bytes of its hash (common/minhash.h)
inline constexpr const char* copy_cluster = "XC"; // copy cluster id, to find a story's copies
inline constexpr const char* record = "XR";       // the JSON line a document was read from: XR + the 16
                                                  // raw bytes of Hash128 over the source file, a NUL and the
                                                  // line's bytes; lets --update skip a line unparsed
                                                  // (indexer/update_policy.h)
inline constexpr const char* event = "XE";        // event id (as in slot_event), to find an event's reports
} // namespace prefix

enum Slot : Xapian::valueno {
    slot_date = 0,         // Xapian::sortable_serialise(seconds since 1970-01-01 UTC); empty when unknown
    slot_day = 7,          // "YYYYMMDD" (UTC); empty when the date is unknown
    slot_content_hash = 8, // 16 raw bytes: Hash128::bytes() of the serialised article without its
                           // source line (but with its source file), so --update skips what has
                           // not changed and re-files what moved to another source
    slot_facets = 11,      // every facet value in one place, so that counting facets over a
                           // match set reads one value per document:
                           // outlet RS section RS dateline RS authors RS language RS wire RS kind
                           // RS day RS event RS cluster, RS = kFieldSeparator (authors joined by
                           // kListSeparator; event and cluster as in their slots). Display forms
                           // ("Associated Press"), not the normalised filter terms.
    slot_cluster = 12,     // copy cluster id (the collapse key): 32 hex digits; empty for text
                           // too short to compare
    slot_event = 15,       // event id (the collapse key of --group events): 32 hex digits; empty
                           // for text too short to compare
    slot_article = 14,     // the whole article (text, metadata, provenance) serialised by codec.h
                           // and compressed with zstd; see "Document data" above
    // Slots 1-6, 9, 10 and 13 held values of schema version 1; unused since.
};
inline constexpr char kListSeparator = '\x1f';
inline constexpr char kFieldSeparator = '\x1e';
// The order of the fields in slot_facets (the on-disk layout: a new field
// here changes kVersion). The field table below says which article field
// fills each; event and cluster are written after the document is built.
enum FacetField { facet_outlet, facet_section, facet_dateline, facet_authors, facet_language,
                  facet_wire, facet_kind, facet_day, facet_event, facet_cluster, facet_field_count };

// The packed facet value, written and read only through these (facet_value.cc).
// slot_facets for `a`: its fields as the field table gives them, event and
// cluster empty.
std::string pack_facets(const Article& a);
// `packed` with field `field` set to `value` (a value written at index time
// after the document was built: the event, the copy cluster).
std::string with_facet(std::string_view packed, FacetField field, std::string_view value);
// The fields of a slot_facets value (empty views for fields it lacks).
void split_facets(std::string_view packed, std::string_view (&fields)[facet_field_count]);
// The first of the values left in `*rest`, a field of a split value, which
// it then drops: a field flagged `several` (authors) may hold a list, any
// other one value. For a field f: for (v = fields[f]; !v.empty();) use(next_facet_value(f, &v));
std::string_view next_facet_value(int field, std::string_view* rest);

// The article fields people filter and count by, one row each in fields(),
// which drives the indexer's filter terms and packed facets, the query
// parser's prefixes, the facets, the HTTP API's filter parameters and the
// help text (as notmuch's prefix table does). A new filter is one row in
// fields() (schema.cc) and its prefix in the prose above; a new facet also
// takes a FacetField position, which changes the packed layout and kVersion.
enum class FieldKind {
    filter, // boolean terms: prefix + normalise_value(value), so outlet:AP finds XOap
    text,   // free text, stemmed as the body is (title:)
    date,   // a day: queried as ranges over slot_day, indexed as D, M and Y terms
};
enum FieldFlag : unsigned {
    in_query = 1,          // typed in a query: name:value
    in_api = 2,            // a filter parameter of the HTTP API: name=value
    in_facets = 4,         // counted as a facet: --facets name, facets=name
    in_default_facets = 8, // counted when the request does not name its facets
    several = 16,          // may hold several values (kListSeparator-joined in slot_facets)
};
struct Field {
    const char* name;                 // canonical: as typed in a query, a parameter, a facet list
    std::vector<const char*> aliases; // other spellings accepted wherever the name is
    const char* prefix;               // term prefix
    FieldKind kind;
    int facet;                        // its FacetField in slot_facets, or -1
    unsigned flags;                   // FieldFlag bits; none: indexed but never named
    // Appends the article's values to `out` (the display form, as stored in
    // slot_facets; filter terms normalise them). nullptr: indexed elsewhere
    // (the id's hashing differs, the title is free text).
    void (*values)(const Article& a, std::vector<std::string>& out);
    const char* example;              // for help: "outlet:reuters"
    const char* help;                 // for --help (wrapped there)
};
const std::vector<Field>& fields();
// The field called `name` (or an alias) that has one of `flags`; nullptr if none.
const Field* find_field(std::string_view name, unsigned flags = in_query);
// The names of the fields with one of `flags`, in table order, joined by
// `separator` ("outlet, section, ..."); with_aliases adds " (lang)".
std::string field_names(unsigned flags, const char* separator, bool with_aliases = false);

// Case-fold and fold whitespace of a filter value (and drop double quotes),
// so that "AP", "ap" and " Ap " index and query as one term.
std::string normalise_value(std::string_view value);

// prefix + normalise_value(value), hashed if it would exceed kMaxTermBytes.
// Returns "" for an empty value (nothing to index). For prefix::id, id_term(value).
std::string filter_term(const char* prefix, std::string_view value);

// Documents dated within `days` days of `date` (seconds since 1970 UTC), by slot_date.
Xapian::Query within_days(int64_t date, int days);

// The Q term for an article id (hashing ids over kMaxIdBytes).
std::string id_term(std::string_view id);

// The id of the copy cluster or event that the article `id` starts: 16 hex
// digits (64 bits) of the hash of its id term. Each id is written four
// times per document (a term and a value, for its cluster and its event,
// and both in slot_facets), so 32 digits cost 2.5% of a compacted
// Reuters-21578 index; in an archive of 10 million stories two share an id
// with a probability of about 3 in a million.
std::string group_id(std::string_view id);

// Xapian stemmer language name for an ISO 639-1 code ("en" -> "english"),
// or "" when Xapian has no stemmer for it.
std::string stemmer_name(std::string_view iso639);

} // namespace morgue::schema
