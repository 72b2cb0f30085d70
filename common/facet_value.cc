// The packed facet value (schema::slot_facets): packed at indexing, one
// field set afterwards (event, copy cluster), split when facets are counted.
// Its three operations live side by side so that they cannot drift apart.
#include "common/schema.h"

#include <algorithm>

namespace morgue::schema {

namespace {
// Which packed fields hold a list, from the field table.
struct ListFields {
    bool list[facet_field_count] = {};
    ListFields()
    {
        for (const Field& f : fields())
            if (f.facet >= 0) list[f.facet] = (f.flags & several) != 0;
    }
};
// The fields joined by kFieldSeparator: the packed value.
std::string join_fields(const std::string_view (&fields)[facet_field_count])
{
    std::string packed;
    for (int i = 0; i < facet_field_count; ++i) {
        if (i) packed += kFieldSeparator;
        packed += fields[i];
    }
    return packed;
}
} // namespace

std::string pack_facets(const Article& a)
{
    std::string field[facet_field_count];
    std::vector<std::string> values;
    for (const Field& f : fields()) {
        if (f.facet < 0 || !f.values) continue;
        values.clear();
        f.values(a, values);
        std::string& out = field[f.facet];
        // A separator only between non-empty runs, as the format always had.
        for (const auto& v : values) {
            if (!out.empty()) out += kListSeparator;
            out += v;
        }
    }
    std::string_view views[facet_field_count];
    std::copy(std::begin(field), std::end(field), views);
    return join_fields(views);
}

std::string with_facet(std::string_view packed, FacetField field, std::string_view value)
{
    std::string_view fields[facet_field_count];
    split_facets(packed, fields);
    fields[field] = value;
    return join_fields(fields);
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

std::string_view next_facet_value(int field, std::string_view* rest)
{
    static const ListFields lists;
    size_t end = lists.list[field] ? rest->find(kListSeparator) : std::string_view::npos;
    std::string_view value = rest->substr(0, end);
    rest->remove_prefix(end == std::string_view::npos ? rest->size() : end + 1);
    return value;
}

} // namespace morgue::schema
