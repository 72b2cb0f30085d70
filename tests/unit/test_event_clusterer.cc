// EventClusterer on an in-memory index: which event a report joins.
#include "indexer/event_clusterer.h"
#include "common/schema.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace morgue;

namespace {

// Ten made-up stems of one topic: "g3w0" ... "g3w9".
std::vector<std::string> group(int g)
{
    std::vector<std::string> out;
    for (int w = 0; w < 10; ++w) out.push_back("g" + std::to_string(g) + "w" + std::to_string(w));
    return out;
}

class Index {
public:
    explicit Index(double threshold) : clusterer_(db_, EventOptions{true, threshold, 30}) {}

    // Indexes a report of one day holding the stems of `groups` once each;
    // returns its event.
    std::string add(const std::string& id, const std::vector<int>& groups)
    {
        Xapian::Document doc;
        for (int g : groups)
            for (const auto& stem : group(g)) doc.add_term(stem);
        Article a;
        a.id = id;
        a.date = int64_t{1'700'000'000};
        clusterer_.assign(a, event_terms(doc, {}), 0, doc);
        clusterer_.written(db_.add_document(doc));
        return doc.get_value(schema::slot_event);
    }

private:
    Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
    EventClusterer clusterer_;
};

} // namespace

TEST_CASE("a report joins an event by its average similarity to the event's reports, not its closest one")
{
    Index index(0.3);
    // Unrelated reports, so that a stem of two reports is rare in the index.
    for (int g = 100; g < 130; g += 2) index.add("other" + std::to_string(g), {g, g + 1});
    const std::string event = index.add("a", {1, 2});
    REQUIRE(!event.empty());
    CHECK(index.add("b", {2, 3}) == event);
    CHECK(index.add("c", {2, 4}) == event);
    // Half of it is a's, nothing is b's or c's: as close to a as b was, but
    // a third of that to the event.
    std::string apart = index.add("d", {1, 5});
    CHECK(apart != event);
    // Half of it is every report's: it joins.
    CHECK(index.add("e", {2, 6}) == event);
}
