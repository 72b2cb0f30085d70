// Every document's facet fields, numbered, in memory: for a process that
// answers many searches (the web front end, the benchmark), counting a match
// is then a few array reads instead of reading and splitting its packed
// value. Built once per database revision from the slot_facets value stream
// (about 10 ms for 20,000 articles); the morgue-query command line, which
// runs one search, does without it.
#pragma once

#include "common/schema.h"
#include "common/status.h"

#include <xapian.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace morgue {

// Strings numbered densely in the order first seen.
class StringIds {
public:
    StringIds() = default;
    StringIds(const StringIds& other);
    StringIds& operator=(const StringIds&) = delete;
    uint32_t id(std::string_view s);
    const std::string& text(uint32_t id) const { return texts_[id]; }
    size_t size() const { return texts_.size(); }

private:
    std::deque<std::string> texts_; // a deque: adding one moves no other
    std::unordered_map<std::string_view, uint32_t> ids_; // views into texts_
};

// The value ids of one field of one document: [begin, end).
using IdSpan = std::pair<const uint32_t*, const uint32_t*>;

class FacetTable {
public:
    // The table of `db`'s current revision, shared by the searches that
    // ask for it until the revision changes (*out stays empty if `db` is
    // not a single database).
    static Status for_database(const Xapian::Database& db, std::shared_ptr<const FacetTable>* out);

    // Builds the table from every document's slot_facets value.
    explicit FacetTable(const Xapian::Database& db);

    // Ids (in names(field)) of a document's values for `field`; authors may
    // have several, other fields one or none; facet_cluster's is the story.
    IdSpan values(Xapian::docid did, int field) const
    {
        const auto& off = offsets_[field];
        if (did + 1 >= off.size()) return {nullptr, nullptr};
        const uint32_t* base = ids_[field].data();
        return {base + off[did], base + off[did + 1]};
    }
    const StringIds& names(int field) const { return names_[field]; }

private:
    // Per field, CSR: document d's ids are ids_[f][offsets_[f][d] .. offsets_[f][d+1]).
    std::vector<uint32_t> offsets_[schema::facet_field_count];
    std::vector<uint32_t> ids_[schema::facet_field_count];
    StringIds names_[schema::facet_field_count];
};

// Splits one packed value into value ids per field, numbering new values in
// `names` and appending to `ids`; spans[f] are offsets into ids.
void number_facets(std::string_view packed, StringIds (&names)[schema::facet_field_count], std::vector<uint32_t>& ids,
                   std::pair<size_t, size_t> (&spans)[schema::facet_field_count]);

} // namespace morgue
