#include "schema.h"

#include "hash.h"

#include <algorithm>

#include <xapian.h>

namespace morgue::schema {

const std::vector<Field>& fields()
{
    static const std::vector<Field> table = {
        {"outlet", prefix::outlet, true},
        {"section", prefix::section, true},
        {"dateline", prefix::dateline, true},
        {"author", prefix::author, true},
        {"lang", prefix::language, true},
        {"wire", prefix::wire, true},
        {"kind", prefix::kind, true},
        {"site", prefix::host, true},
        {"id", prefix::id, true},
        {"title", prefix::title, false},
    };
    return table;
}

void split_facets(std::string_view packed, std::string_view (&fields)[facet_field_count])
{
    for (int i = 0; i < facet_field_count; ++i) {
        size_t end = i + 1 < facet_field_count ? packed.find(kFieldSeparator) : packed.size();
        if (end == std::string_view::npos) end = packed.size();
        fields[i] = packed.substr(0, end);
        packed.remove_prefix(std::min(packed.size(), end + 1));
    }
}

std::string with_facet(std::string_view packed, FacetField field, std::string_view value)
{
    std::string_view fields[facet_field_count];
    split_facets(packed, fields);
    std::string out;
    for (int i = 0; i < facet_field_count; ++i) {
        if (i) out += kFieldSeparator;
        out += i == field ? value : fields[i];
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

const Field* find_field(std::string_view name)
{
    for (const Field& f : fields())
        if (name == f.name) return &f;
    return nullptr;
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
