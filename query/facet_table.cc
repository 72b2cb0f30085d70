#include "query/facet_table.h"

#include "common/xapian_error.h"

#include <mutex>

namespace morgue {

uint32_t StringIds::id(std::string_view s)
{
    if (auto it = ids_.find(s); it != ids_.end()) return it->second;
    auto id = static_cast<uint32_t>(texts_.size());
    texts_.emplace_back(s);
    ids_.emplace(texts_.back(), id);
    return id;
}

StringIds::StringIds(const StringIds& other) : texts_(other.texts_)
{
    for (uint32_t i = 0; i < texts_.size(); ++i) ids_.emplace(texts_[i], i);
}

void number_facets(std::string_view packed, StringIds (&names)[schema::facet_field_count], std::vector<uint32_t>& ids,
                   std::pair<size_t, size_t> (&spans)[schema::facet_field_count])
{
    std::string_view fields[schema::facet_field_count];
    schema::split_facets(packed, fields);
    for (int f = 0; f < schema::facet_field_count; ++f) {
        size_t begin = ids.size();
        for (std::string_view v = fields[f]; !v.empty();) ids.push_back(names[f].id(schema::next_facet_value(f, &v)));
        spans[f] = {begin, ids.size()};
    }
}

FacetTable::FacetTable(const Xapian::Database& db)
{
    const Xapian::docid last = db.get_lastdocid();
    for (auto& off : offsets_) {
        off.reserve(last + 2);
        off.assign(2, 0); // docid 0 does not exist: its row is empty
    }
    std::vector<uint32_t> scratch;
    std::pair<size_t, size_t> spans[schema::facet_field_count];
    Xapian::docid next = 1; // documents up to here have their offsets
    auto close_up_to = [&](Xapian::docid d) {
        for (; next < d; ++next)
            for (int f = 0; f < schema::facet_field_count; ++f) offsets_[f].push_back(static_cast<uint32_t>(ids_[f].size()));
    };
    for (auto v = db.valuestream_begin(schema::slot_facets); v != db.valuestream_end(schema::slot_facets); ++v) {
        close_up_to(v.get_docid());
        scratch.clear();
        number_facets(*v, names_, scratch, spans);
        for (int f = 0; f < schema::facet_field_count; ++f) {
            ids_[f].insert(ids_[f].end(), scratch.begin() + static_cast<std::ptrdiff_t>(spans[f].first),
                           scratch.begin() + static_cast<std::ptrdiff_t>(spans[f].second));
            offsets_[f].push_back(static_cast<uint32_t>(ids_[f].size()));
        }
        ++next;
    }
    close_up_to(last + 1);
}

Status FacetTable::for_database(const Xapian::Database& db, std::shared_ptr<const FacetTable>* out)
{
    // One table: a process reads one database (a rebuild replaces it whole).
    static std::mutex mu;
    static std::string key;
    static std::shared_ptr<const FacetTable> table;
    return guard_xapian("reading facet values", [&]() -> Status {
        if (db.size() != 1) return Status::Ok();
        std::string k = db.get_uuid() + "@" + std::to_string(db.get_revision());
        std::lock_guard<std::mutex> lock(mu);
        if (k != key || !table) {
            table = std::make_shared<const FacetTable>(db);
            key = k;
        }
        *out = table;
        return Status::Ok();
    });
}

} // namespace morgue
