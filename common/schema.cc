#include "common/schema.h"

#include "common/dates.h"
#include "common/hash.h"
#include "common/url.h"

#include <algorithm>

#include <xapian.h>

namespace morgue::schema {

namespace {
using Values = std::vector<std::string>;
constexpr unsigned kFacet = in_facets | in_default_facets;
} // namespace

const std::vector<Field>& fields()
{
    // Table order is the order of facet_names(), of facets=all and of the
    // fields in help and messages.
    static const std::vector<Field> table = {
        {"outlet", {}, prefix::outlet, FieldKind::filter, facet_outlet, in_query | in_api | kFacet,
         [](const Article& a, Values& v) { v.push_back(a.outlet); }, "outlet:reuters",
         "the publishing outlet"},
        {"section", {}, prefix::section, FieldKind::filter, facet_section, in_query | in_api | kFacet,
         [](const Article& a, Values& v) { v.push_back(a.section); }, "section:tech", "the section"},
        {"dateline", {}, prefix::dateline, FieldKind::filter, facet_dateline, in_query | in_api | kFacet,
         [](const Article& a, Values& v) { v.push_back(a.dateline); }, "dateline:prague",
         "the place the story was filed from"},
        {"author", {}, prefix::author, FieldKind::filter, facet_authors, in_query | in_api | kFacet | several,
         [](const Article& a, Values& v) { v.insert(v.end(), a.authors.begin(), a.authors.end()); },
         "author:\"karel janicek\"", "one of the authors"},
        // "language" as the article's JSON and the facet call it; "lang" as
        // the query language and the API first did.
        {"language", {"lang"}, prefix::language, FieldKind::filter, facet_language, in_query | in_api | kFacet,
         [](const Article& a, Values& v) { v.push_back(a.language); }, "language:ar",
         "ISO 639-1 language code (detected when the input has none); also picks the stemmer of the query's words"},
        {"wire", {}, prefix::wire, FieldKind::filter, facet_wire, in_query | in_api | in_facets,
         [](const Article& a, Values& v) { v.push_back(a.wire); }, "wire:ap", "wire credit"},
        {"kind", {}, prefix::kind, FieldKind::filter, facet_kind, in_query | in_api | in_facets,
         [](const Article& a, Values& v) { v.push_back(a.kind); }, "kind:teaser",
         "article, or teaser (a related story's teaser cut from a page)"},
        {"date", {}, prefix::day, FieldKind::date, facet_day, in_query | kFacet,
         [](const Article& a, Values& v) {
             if (a.date) v.push_back(format_compact_day(*a.date));
         },
         "date:2017-09",
         "an ISO day, month or year (a month or year is all its days), or a range of them: "
         "date:2025-05-01..2025-05-31 date:1987-03..1987-04 date:2016..2017 date:2025-05-01.. date:..1987-03-31 "
         "(05/06/2025 is ambiguous and refused)"},
        {"site", {}, prefix::host, FieldKind::filter, -1, in_query,
         [](const Article& a, Values& v) { v.push_back(host_of(a.url)); }, "site:nytimes.com",
         "host of the article's url, without www."},
        {"id", {}, prefix::id, FieldKind::filter, -1, in_query, nullptr, "id:reuters21578-42", "an article id"},
        {"title", {}, prefix::title, FieldKind::text, -1, in_query, nullptr, "title:summit", "the word in the headline"},
        {"source", {}, prefix::source_file, FieldKind::filter, -1, 0,
         [](const Article& a, Values& v) { v.push_back(a.source_file); }, "", "the file the article was read from"},
    };
    return table;
}

const Field* find_field(std::string_view name, unsigned flags)
{
    for (const Field& f : fields()) {
        if (!(f.flags & flags)) continue;
        if (name == f.name) return &f;
        for (const char* alias : f.aliases)
            if (name == alias) return &f;
    }
    return nullptr;
}

std::string field_names(unsigned flags, const char* separator, bool with_aliases)
{
    std::string out;
    for (const Field& f : fields()) {
        if (!(f.flags & flags)) continue;
        if (!out.empty()) out += separator;
        out += f.name;
        for (size_t i = 0; with_aliases && i < f.aliases.size(); ++i) out += std::string(i ? ", " : " (") + f.aliases[i];
        if (with_aliases && !f.aliases.empty()) out += ")";
    }
    return out;
}

Xapian::Query within_days(int64_t date, int days)
{
    const double d = static_cast<double>(date), span = days * 86400.0;
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot_date, Xapian::sortable_serialise(d - span),
                         Xapian::sortable_serialise(d + span));
}

std::string shard_name(size_t shard)
{
    return "shard-" + std::to_string(shard);
}

std::string normalise_value(std::string_view value)
{
    std::string out;
    out.reserve(value.size());
    bool pending_space = false;
    for (Xapian::Utf8Iterator it(value.data(), value.size()); it != Xapian::Utf8Iterator(); ++it) {
        unsigned ch = *it;
        // Quotes are never part of a value people can type in a filter
        // (some author fields carry stray ones: "Cortney OBrien").
        if (ch == '"') continue;
        if (Xapian::Unicode::is_whitespace(ch)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(ch));
    }
    return out;
}

static std::string bounded_term(const char* prefix, const std::string& value, size_t limit)
{
    std::string term = prefix + value;
    if (term.size() > limit) term = std::string(prefix) + "#" + hash128(value).hex();
    return term;
}

std::string filter_term(const char* prefix, std::string_view value)
{
    // Ids are matched exactly as indexed (allsides-0J53KvnPoH6q5gQx): case
    // is part of them.
    if (std::string_view(prefix) == prefix::id) return value.empty() ? std::string() : id_term(value);
    std::string v = normalise_value(value);
    if (v.empty()) return {};
    return bounded_term(prefix, v, kMaxTermBytes);
}

std::string id_term(std::string_view id)
{
    return bounded_term(prefix::id, std::string(id), kMaxIdBytes + 1);
}

std::string group_id(std::string_view id)
{
    return hash128(id_term(id)).hex().substr(0, 16);
}

std::string stemmer_name(std::string_view iso)
{
    static const std::pair<const char*, const char*> known[] = {
        {"ar", "arabic"},   {"hy", "armenian"},   {"eu", "basque"},    {"ca", "catalan"},
        {"da", "danish"},   {"nl", "dutch"},      {"en", "english"},   {"fi", "finnish"},
        {"fr", "french"},   {"de", "german"},     {"hu", "hungarian"}, {"id", "indonesian"},
        {"ga", "irish"},    {"it", "italian"},    {"lt", "lithuanian"}, {"ne", "nepali"},
        {"no", "norwegian"}, {"nb", "norwegian"}, {"nn", "norwegian"}, {"pt", "portuguese"},
        {"ro", "romanian"}, {"ru", "russian"},    {"es", "spanish"},   {"sv", "swedish"},
        {"ta", "tamil"},    {"tr", "turkish"},
    };
    std::string code = normalise_value(iso);
    if (code.size() > 2 && (code[2] == '-' || code[2] == '_')) code.resize(2); // en-US
    for (const auto& [k, v] : known)
        if (code == k) return v;
    return {};
}

} // namespace morgue::schema
