// Prints "id TAB event" for every document of a database, for
// scripts/measure-events to score against labelled events. With --terms,
// also the document's date (seconds, or empty) and its free-text stems as
// stem:wdf:name (name 1 when the stem is one of its name_stems()), for
// studying event similarity outside the indexer.
#include "common/codec.h"
#include "common/database.h"
#include "common/folding_stem.h"
#include "common/schema.h"
#include "common/xapian_error.h"
#include "indexer/event_clusterer.h"

#include <algorithm>
#include <cstring>
#include <iostream>
#include <memory>

using namespace morgue;

int main(int argc, char** argv)
{
    bool terms = argc == 3 && std::strcmp(argv[1], "--terms") == 0;
    if (argc != 2 && !terms) {
        std::cerr << "usage: morgue-bench-events [--terms] DB\n";
        return 2;
    }
    std::unique_ptr<Xapian::Database> db;
    Status s = open_readable(argv[argc - 1], &db);
    if (s.ok()) s = guard_xapian("reading events", [&]() -> Status {
        for (auto p = db->postlist_begin(""); p != db->postlist_end(""); ++p) {
            Xapian::Document doc = db->get_document(*p);
            Article a;
            Status r = read_article(doc, &a);
            if (!r.ok()) return r;
            std::cout << a.id << '\t' << doc.get_value(schema::slot_event);
            if (terms) {
                std::string date = doc.get_value(schema::slot_date);
                std::cout << '\t';
                if (!date.empty()) std::cout << static_cast<int64_t>(Xapian::sortable_unserialise(date));
                auto names = name_stems(a, folding_stemmer(schema::stemmer_name(a.language)));
                std::cout << '\t';
                for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                    const std::string& term = *t;
                    if (!schema::is_free_text(term)) continue;
                    std::cout << term << ':' << t.get_wdf() << ':'
                              << std::binary_search(names.begin(), names.end(), term) << ' ';
                }
            }
            std::cout << '\n';
        }
        return Status::Ok();
    });
    if (!s.ok()) {
        std::cerr << "morgue-bench-events: " << s.message() << "\n";
        return s.exit_code();
    }
    return 0;
}
