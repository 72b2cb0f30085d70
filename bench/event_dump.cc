// Prints "id TAB event" for every document of a database, for
// scripts/measure-events to score against labelled events.
#include "common/codec.h"
#include "common/database.h"
#include "common/schema.h"
#include "common/xapian_error.h"

#include <iostream>
#include <memory>

using namespace morgue;

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: morgue-bench-events DB\n";
        return 2;
    }
    std::unique_ptr<Xapian::Database> db;
    Status s = open_readable(argv[1], &db);
    if (s.ok()) s = guard_xapian("reading events", [&]() -> Status {
        for (auto p = db->postlist_begin(""); p != db->postlist_end(""); ++p) {
            Xapian::Document doc = db->get_document(*p);
            Article a;
            Status r = read_article(doc, &a);
            if (!r.ok()) return r;
            std::cout << a.id << '\t' << doc.get_value(schema::slot_event) << '\n';
        }
        return Status::Ok();
    });
    if (!s.ok()) {
        std::cerr << "morgue-bench-events: " << s.message() << "\n";
        return s.exit_code();
    }
    return 0;
}
